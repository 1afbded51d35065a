/**
 * Writes the add-in icons assets/icon-{16,32,64,80}.png — a red rounded square with a white
 * check mark (一键校验) — and assets/pane-32.png, the same square with a white window and its side
 * pane (打开助手 on WPS's ribbon). Run `node scripts/make-icons.js` after changing the design; the PNGs are committed.
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

/** The 打开助手 mark: a window outline with a pane on its right. */
const WINDOW = { left: 0.22, top: 0.24, right: 0.78, bottom: 0.76, pane: 0.56 };

function onPane([x, y]) {
  const { left, top, right, bottom, pane } = WINDOW;
  const half = STROKE / 3;
  const inside = x >= left - half && x <= right + half && y >= top - half && y <= bottom + half;
  if (!inside) return false;
  const nearEdge = Math.min(Math.abs(x - left), Math.abs(x - right), Math.abs(y - top), Math.abs(y - bottom)) <= half;
  return nearEdge || Math.abs(x - pane) <= half || (x >= pane && y <= top + STROKE);
}

/** RGBA rows, each preceded by PNG filter byte 0 (none); `mark` says which points are white. */
function pixels(size, mark) {
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
          if (mark(point)) check++;
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

function png(size, mark) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header), // compression, filter and interlace bytes stay 0
    chunk("IDAT", zlib.deflateSync(pixels(size, mark), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const ICONS = [...SIZES.map((size) => ({ name: `icon-${size}.png`, size, mark: onCheck })), { name: "pane-32.png", size: 32, mark: onPane }];

for (const { name, size, mark } of ICONS) {
  const file = path.join(__dirname, "..", "assets", name);
  fs.writeFileSync(file, png(size, mark));
  console.log(`${path.relative(process.cwd(), file)}`);
}
