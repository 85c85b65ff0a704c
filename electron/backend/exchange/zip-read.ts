import { Inflate } from 'fflate';
import { ImportError, reasonOf } from '../import/parsers/errors.ts';

/**
 * Reading ZIP archives we did not write (.qdpx from other tools), without trusting them.
 *
 * The central directory is read by hand rather than through fflate's unzipSync, which sizes
 * its output buffers from the sizes an entry declares: a crafted entry declaring 4 GB
 * allocates 4 GB, and one declaring 1 KB but inflating to 1 GB is cut short or overruns.
 * Here an entry is inflated in slices through fflate's streaming Inflate, its bytes are
 * counted as they come, and reading stops as soon as the archive's budget is spent. Nothing
 * is ever written to disk, but entry names that are absolute or climb out of their folder
 * are refused anyway: no legitimate archive has one, and a later change must not meet one.
 */

export type ZipLimits = {
  /** Entries in the central directory (a .qdpx holds the .qde plus one file per source). */
  maxEntries: number;
  /** Bytes inflated from the whole archive, across every entry read. */
  maxTotalBytes: number;
};

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 50_000, maxTotalBytes: 512 * 1024 * 1024 };

export type ZipEntry = {
  /** Normalised: forward slashes, no `.` segments, no leading `./`. */
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  crc: number;
  encrypted: boolean;
  localOffset: number;
};

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most ~1,032 times, so
 * one slice inflates to at most ~16 MB: how far a bomb gets past the cap before it is stopped.
 */
const SLICE = 16 * 1024;

const utf8 = new TextDecoder('utf-8');

let crcTable: Uint32Array | null = null;
function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * An entry name as a relative path, or why it is refused. Backslashes count as separators
 * (some Windows tools write them); `..` is refused wherever it sits.
 */
export function normaliseEntryName(raw: string): { name: string } | { refused: string } {
  if (raw.includes('\u0000')) return { refused: 'has a NUL character in its name' };
  const path = raw.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return { refused: 'is an absolute path' };
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return { refused: 'climbs out of its folder (..)' };
    parts.push(part);
  }
  return { name: parts.join('/') + (path.endsWith('/') && parts.length > 0 ? '/' : '') };
}

export class ZipArchive {
  readonly entries: ZipEntry[];
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly fileName: string;
  private readonly limits: ZipLimits;
  private inflated = 0;

  private constructor(bytes: Uint8Array, fileName: string, limits: ZipLimits, entries: ZipEntry[]) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.fileName = fileName;
    this.limits = limits;
    this.entries = entries;
  }

  /** Reads the central directory. Throws an ImportError naming the file and what is wrong. */
  static open(bytes: Uint8Array, fileName: string, label: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
    const bad = (why: string) => new ImportError(fileName, `is not a valid ${label} file: ${why}`);
    if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw bad('it is not a ZIP archive');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = findEocd(view);
    if (eocd < 0) throw bad('the archive is damaged (no central directory; was the file cut short?)');
    let count = view.getUint16(eocd + 10, true);
    let cdSize = view.getUint32(eocd + 12, true);
    let cdOffset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const z64 = readZip64End(view, eocd);
      if (!z64) throw bad('the archive is damaged (its ZIP64 directory cannot be found)');
      ({ count, cdSize, cdOffset } = z64);
    }
    if (count > limits.maxEntries) throw bad(`it has ${count} entries; at most ${limits.maxEntries} are read`);
    if (cdOffset + cdSize > bytes.length) throw bad('the archive is damaged (its directory points past the end of the file)');
    const entries: ZipEntry[] = [];
    let at = cdOffset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== SIG_CENTRAL) throw bad(`the archive is damaged (directory entry ${i + 1} is unreadable)`);
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      const crc = view.getUint32(at + 16, true);
      let compressedSize = view.getUint32(at + 20, true);
      let declaredSize = view.getUint32(at + 24, true);
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      let localOffset = view.getUint32(at + 42, true);
      const rawName = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
      const extra = { start: at + 46 + nameLength, end: at + 46 + nameLength + extraLength };
      if (declaredSize === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        const wide = readZip64Extra(view, extra, { declaredSize, compressedSize, localOffset });
        ({ declaredSize, compressedSize, localOffset } = wide);
      }
      const normalised = normaliseEntryName(rawName);
      if ('refused' in normalised) throw new ImportError(fileName, `was refused: its entry "${rawName}" ${normalised.refused}`);
      entries.push({ name: normalised.name, method, compressedSize, declaredSize, crc, encrypted: (flags & 1) === 1, localOffset });
      at = extra.end + commentLength;
    }
    return new ZipArchive(bytes, fileName, limits, entries);
  }

  /** Bytes inflated so far from this archive. */
  get inflatedBytes(): number {
    return this.inflated;
  }

  /**
   * Inflates one entry. Its bytes count against the archive's budget as they are produced;
   * an entry that inflates to more (or less) than it declares, or whose checksum is wrong,
   * is refused.
   */
  read(entry: ZipEntry): Uint8Array {
    const bad = (why: string) => new ImportError(this.fileName, `could not be read: ${entry.name} ${why}`);
    if (entry.encrypted) throw bad('is encrypted');
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || this.view.getUint32(at, true) !== SIG_LOCAL) throw bad('is damaged (no local header)');
    const start = at + 30 + this.view.getUint16(at + 26, true) + this.view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw bad('is damaged (its data runs past the end of the archive)');
    const compressed = this.bytes.subarray(start, end);
    let out: Uint8Array;
    if (entry.method === 0) {
      this.spend(compressed.length);
      out = compressed;
    } else if (entry.method === 8) {
      out = this.inflate(compressed, bad);
    } else {
      throw bad(`uses compression method ${entry.method}; only stored and deflated entries can be read`);
    }
    if (out.length !== entry.declaredSize) throw bad(`declares ${entry.declaredSize} bytes but holds ${out.length}`);
    if (crc32(out) !== entry.crc) throw bad('is damaged (checksum mismatch)');
    return out;
  }

  private spend(n: number): void {
    this.inflated += n;
    if (this.inflated > this.limits.maxTotalBytes) {
      const mb = Math.round(this.limits.maxTotalBytes / (1024 * 1024));
      throw new ImportError(this.fileName, `was refused: it unpacks to more than ${mb} MB (a damaged archive or a zip bomb)`);
    }
  }

  private inflate(compressed: Uint8Array, bad: (why: string) => Error): Uint8Array {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const inflater = new Inflate((chunk) => {
      this.spend(chunk.length);
      chunks.push(chunk);
      size += chunk.length;
    });
    try {
      for (let at = 0; at < compressed.length || at === 0; at += SLICE) {
        const last = at + SLICE >= compressed.length;
        inflater.push(compressed.subarray(at, at + SLICE), last);
        if (last) break;
      }
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw bad(`is damaged (${reasonOf(error)})`);
    }
    if (chunks.length === 1) return chunks[0]!;
    const out = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

/** The end-of-central-directory record: searched backwards over the largest possible comment. */
function findEocd(view: DataView): number {
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= stop; at--) {
    if (view.getUint32(at, true) === SIG_EOCD && at + 22 + view.getUint16(at + 20, true) <= view.byteLength) return at;
  }
  return -1;
}

function readZip64End(view: DataView, eocd: number): { count: number; cdSize: number; cdOffset: number } | null {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== SIG_LOCATOR64) return null;
  const at = Number(view.getBigUint64(locator + 8, true));
  if (at + 56 > view.byteLength || view.getUint32(at, true) !== SIG_EOCD64) return null;
  return {
    count: Number(view.getBigUint64(at + 32, true)),
    cdSize: Number(view.getBigUint64(at + 40, true)),
    cdOffset: Number(view.getBigUint64(at + 48, true)),
  };
}

/** ZIP64 extra field (0x0001): the 64-bit values, in order, of the fields that were 0xFFFFFFFF. */
function readZip64Extra(
  view: DataView,
  extra: { start: number; end: number },
  narrow: { declaredSize: number; compressedSize: number; localOffset: number },
): { declaredSize: number; compressedSize: number; localOffset: number } {
  const wide = { ...narrow };
  for (let at = extra.start; at + 4 <= extra.end; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let p = at + 4;
      const next = (): number => {
        const value = p + 8 <= at + 4 + size ? Number(view.getBigUint64(p, true)) : 0xffffffff;
        p += 8;
        return value;
      };
      if (narrow.declaredSize === 0xffffffff) wide.declaredSize = next();
      if (narrow.compressedSize === 0xffffffff) wide.compressedSize = next();
      if (narrow.localOffset === 0xffffffff) wide.localOffset = next();
      return wide;
    }
    at += 4 + size;
  }
  return wide;
}
