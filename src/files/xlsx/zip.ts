/**
 * The zip container of an .xlsx, read from its bytes without unpacking it: the central
 * directory first (what parts there are and the sizes they declare), then only the parts the
 * reader asks for, inflated as a stream whose real size is counted as it comes.
 *
 * The refusals are those of inspect.ts, with the same reasons and parameters: too many parts,
 * declared sizes over maxUnzippedBytes or over the compression ratio, and — since a bomb can
 * declare any size it likes — the bytes actually inflated. Unlike inspect.ts, the parts the
 * reader does not need (pictures, drawings, printer settings) are never inflated at all.
 *
 * Zip64 directories are read; encrypted entries and compression other than stored and deflate
 * are refused as jszip refuses them (exceljs's zip reader), as "not-zip".
 */
import { Inflate, inflateSync } from "fflate";
import { RATIO_GRACE_BYTES, type ReadLimits } from "../limits";
import { WorkbookReadError } from "../readError";

interface Part {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  /** Where the compressed bytes start: after the local header, whose own lengths count. */
  dataStart: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 0x0001;
/** A 32-bit size or offset of 0xFFFFFFFF says the real one is in the zip64 extra field. */
const ZIP64_MARK = 0xffffffff;

/**
 * Compressed bytes handed to the inflater at a time. Deflate inflates at most about 1 032:1, so
 * a bomb shows at most 16 MB before the limits are checked again; ordinary sheet XML gives
 * 100–300 kB of text per step.
 */
const INFLATE_STEP = 16 * 1024;
/**
 * Parts up to this size compressed are inflated whole (`inflateWhole`): their declared size has
 * passed the directory's checks (ratio and total), and if they lie, deflate's 1 032:1 bounds the
 * work of finding out to some 64 MB of output, written nowhere.
 */
const WHOLE_PART_BYTES = 64 * 1024;
/** Stored (uncompressed) parts are passed on in steps of this size. */
const STORED_STEP = 256 * 1024;

const MB = 1024 * 1024;
export const megabytes = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

const notZip = () => new WorkbookReadError("not-zip");

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + bytes[at + 3] * 0x1000000;
}

function u64(bytes: Uint8Array, at: number): number {
  return u32(bytes, at) + u32(bytes, at + 4) * 0x100000000;
}

function overRatio(inflated: number, compressed: number, limits: ReadLimits): boolean {
  return inflated > RATIO_GRACE_BYTES && inflated > compressed * limits.maxCompressionRatio;
}

function compressionRatio(part: string, limits: ReadLimits): WorkbookReadError {
  return new WorkbookReadError("compression-ratio", { limit: "maxCompressionRatio", params: { part, limit: limits.maxCompressionRatio } });
}

function unzippedTooLarge(limits: ReadLimits): WorkbookReadError {
  return new WorkbookReadError("unzipped-too-large", { limit: "maxUnzippedBytes", params: { limit: megabytes(limits.maxUnzippedBytes) } });
}

/** The end-of-central-directory record, searched from the end past a comment of up to 64 kB. */
function directoryBounds(bytes: Uint8Array): { count: number; offset: number } {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) !== END_OF_DIRECTORY) continue;
    const count = u16(bytes, at + 10);
    const offset = u32(bytes, at + 16);
    if (count !== 0xffff && offset !== ZIP64_MARK) return { count, offset };
    const locator = at - 20;
    if (locator < 0 || u32(bytes, locator) !== ZIP64_LOCATOR) throw notZip();
    const end = u64(bytes, locator + 8);
    if (end + 56 > bytes.length || u32(bytes, end) !== ZIP64_END_OF_DIRECTORY) throw notZip();
    return { count: u64(bytes, end + 32), offset: u64(bytes, end + 48) };
  }
  throw notZip();
}

/** The zip64 extra field's sizes and offset, for those the entry marks as 0xFFFFFFFF (in this order). */
function zip64Values(bytes: Uint8Array, from: number, to: number, marked: readonly boolean[]): number[] {
  for (let at = from; at + 4 <= to; at += 4 + u16(bytes, at + 2)) {
    if (u16(bytes, at) !== ZIP64_EXTRA) continue;
    const values: number[] = [];
    let field = at + 4;
    for (const isMarked of marked) {
      if (!isMarked) continue;
      if (field + 8 > to) throw notZip();
      values.push(u64(bytes, field));
      field += 8;
    }
    return values;
  }
  throw notZip();
}

const names = new TextDecoder();

function readDirectory(bytes: Uint8Array): Map<string, Part> {
  const { count, offset } = directoryBounds(bytes);
  const parts = new Map<string, Part>();
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== DIRECTORY_ENTRY) throw notZip();
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    let compressedSize = u32(bytes, at + 20);
    let declaredSize = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let localOffset = u32(bytes, at + 42);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength > bytes.length) throw notZip();
    const marked = [declaredSize === ZIP64_MARK, compressedSize === ZIP64_MARK, localOffset === ZIP64_MARK];
    if (marked.some(Boolean)) {
      const values = zip64Values(bytes, nameEnd, nameEnd + extraLength, marked);
      if (marked[0]) declaredSize = values.shift()!;
      if (marked[1]) compressedSize = values.shift()!;
      if (marked[2]) localOffset = values.shift()!;
    }
    // exceljs drops a leading "/" from part names; some writers put one there.
    const name = names.decode(bytes.subarray(at + 46, nameEnd)).replace(/^\//, "");
    at = nameEnd + extraLength + commentLength;
    if (name.endsWith("/")) continue;
    if (flags & ENCRYPTED || (method !== STORED && method !== DEFLATED)) throw notZip();
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== LOCAL_HEADER) throw notZip();
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataStart + compressedSize > bytes.length) throw notZip();
    // A name given twice: the later entry wins, as in jszip.
    parts.set(name, { name, method, compressedSize, declaredSize, dataStart });
  }
  return parts;
}

/**
 * A small part inflated in one call into a buffer of its declared size (and one byte more, to
 * see whether it is longer): no growing buffers, which cost more than the inflating itself on
 * the few-kilobyte parts of a workbook. Undefined when it is longer than it says or fails to
 * inflate: the stream then tells what is wrong — a limit passed (a lying bomb, refused as
 * inspect.ts refuses it) or damaged data.
 */
function inflateWhole(part: Part, data: Uint8Array): Uint8Array | undefined {
  try {
    const out = inflateSync(data, { out: new Uint8Array(part.declaredSize + 1) });
    return out.length <= part.declaredSize ? out : undefined;
  } catch {
    return undefined;
  }
}

export class Archive {
  private readonly parts: Map<string, Part>;
  /** Bytes inflated so far, all parts together. */
  private inflated = 0;

  /** Reads and checks the directory; throws WorkbookReadError for a damaged zip or one over a limit. */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ReadLimits,
  ) {
    this.parts = readDirectory(bytes);
    if (this.parts.size > limits.maxParts) {
      throw new WorkbookReadError("too-many-parts", { limit: "maxParts", params: { count: this.parts.size, limit: limits.maxParts } });
    }
    let declared = 0;
    for (const part of this.parts.values()) {
      declared += part.declaredSize;
      if (overRatio(part.declaredSize, part.compressedSize, limits)) throw compressionRatio(part.name, limits);
    }
    if (declared > limits.maxUnzippedBytes) throw unzippedTooLarge(limits);
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  /**
   * Inflates part `name` and hands its bytes to `sink` as they come, stopping at the first
   * limit passed. A part that inflates to another size than it declares is damaged.
   */
  read(name: string, sink: (chunk: Uint8Array) => void): void {
    const part = this.parts.get(name);
    if (!part) throw new Error(`no part ${name}: ask has() first`);
    const data = this.bytes.subarray(part.dataStart, part.dataStart + part.compressedSize);
    let inflated = 0;
    /** What the counting or the sink threw, told apart from the inflater's own complaints. */
    let thrown: unknown;
    const take = (chunk: Uint8Array) => {
      if (chunk.length === 0) return;
      try {
        inflated += chunk.length;
        this.inflated += chunk.length;
        if (this.inflated > this.limits.maxUnzippedBytes) throw unzippedTooLarge(this.limits);
        if (overRatio(inflated, part.compressedSize, this.limits)) throw compressionRatio(part.name, this.limits);
        sink(chunk);
      } catch (error) {
        thrown = error;
        throw error;
      }
    };
    const whole = part.method === DEFLATED && part.compressedSize <= WHOLE_PART_BYTES ? inflateWhole(part, data) : undefined;
    if (whole) {
      take(whole);
    } else if (part.method === STORED) {
      for (let at = 0; at < data.length; at += STORED_STEP) take(data.subarray(at, at + STORED_STEP));
    } else {
      const inflater = new Inflate(take);
      try {
        let at = 0;
        do {
          inflater.push(data.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= data.length);
          at += INFLATE_STEP;
        } while (at < data.length);
      } catch (cause) {
        if (cause === thrown) throw cause;
        throw new WorkbookReadError("corrupt", { cause });
      }
    }
    if (inflated !== part.declaredSize) throw new WorkbookReadError("corrupt");
  }
}
