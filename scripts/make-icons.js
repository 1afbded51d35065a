/**
 * Writes the add-in icons assets/icon-{16,32,64,80}.png: a red rounded square with a white
 * check mark. Run `node scripts/make-icons.js` after changing the design; the PNGs are committed.
 * Plain zlib (zlib.crc32 needs Node ≥ 20.15), no image library: each pixel is 4×4 supersampled.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const RED = [0xde, 0x29, 0x10]; // the red of the national and party flags
const WHITE = [0xff, 0xff, 0xff];
const CORNER = 0.16; // corner radius, as a fraction of the side
const CHECK = [[0.24, 0.52], [0.42, 0.7], [0.77, 0.32]]; // check mark polyline, unit square
const STROKE = 0.12; // check mark width

function distanceToSegment([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function insideRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, CORNER), 1 - CORNER);
  const cy = Math.min(Math.max(y, CORNER), 1 - CORNER);
  return Math.hypot(x - cx, y - cy) <= CORNER;
}

function onCheck(point) {
  return distanceToSegment(point, CHECK[0], CHECK[1]) <= STROKE / 2 || distanceToSegment(point, CHECK[1], CHECK[2]) <= STROKE / 2;
}

/** RGBA rows, each preceded by PNG filter byte 0 (none). */
function pixels(size) {
  const SAMPLES = 4;
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let square = 0;
      let check = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const point = [(x + (sx + 0.5) / SAMPLES) / size, (y + (sy + 0.5) / SAMPLES) / size];
          if (!insideRoundedSquare(...point)) continue;
          square++;
          if (onCheck(point)) check++;
        }
      }
      const share = square ? check / square : 0;
      const offset = y * (1 + size * 4) + 1 + x * 4;
      for (let c = 0; c < 3; c++) rows[offset + c] = Math.round(RED[c] + (WHITE[c] - RED[c]) * share);
      rows[offset + 3] = Math.round((255 * square) / (SAMPLES * SAMPLES));
    }
  }
  return rows;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header), // compression, filter and interlace bytes stay 0
    chunk("IDAT", zlib.deflateSync(pixels(size), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  const file = path.join(__dirname, "..", "assets", `icon-${size}.png`);
  fs.writeFileSync(file, png(size));
  console.log(`${path.relative(process.cwd(), file)}`);
}
