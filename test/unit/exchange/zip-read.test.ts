import { Deflate, deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { normaliseEntryName, ZipArchive } from '../../../electron/backend/exchange/zip-read.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Offsets of every central-directory header in an archive fflate wrote. */
function centralHeaders(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) if (view.getUint32(i, true) === 0x02014b50) out.push(i);
  return out;
}

/** An archive whose one entry inflates to `size` zero bytes, deflated in pieces (never held whole). */
function zerosArchive(name: string, size: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  const block = new Uint8Array(1024 * 1024);
  for (let left = size; left > 0; left -= block.length) deflate.push(block.subarray(0, Math.min(block.length, left)), left <= block.length);
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.length;
  }
  return rawArchive(name, data, 8, size, 0);
}

/** A one-entry archive written by hand, so sizes and names can lie. */
function rawArchive(name: string, data: Uint8Array, method: number, declaredSize: number, crc: number): Uint8Array {
  const nameBytes = strToU8(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(8, method, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, declaredSize, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(10, method, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, declaredSize, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(42, 0, true);
  central.set(nameBytes, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + data.length, true);
  const out = new Uint8Array(local.length + data.length + central.length + end.length);
  out.set(local, 0);
  out.set(data, local.length);
  out.set(central, local.length + data.length);
  out.set(end, local.length + data.length + central.length);
  return out;
}

describe('ZipArchive', () => {
  it('reads stored and deflated entries and normalises their names', () => {
    const zip = zipSync({ 'project.qde': [strToU8('<Project/>'), { level: 0 }], 'Sources\\a.txt': strToU8('héllo '.repeat(1000)), './sources/b.txt': strToU8('b') });
    const archive = ZipArchive.open(zip, 'x.qdpx', 'REFI-QDA project');
    expect(archive.entries.map((e) => e.name)).toEqual(['project.qde', 'Sources/a.txt', 'sources/b.txt']);
    expect(text(archive.read(archive.entries[0]!))).toBe('<Project/>');
    expect(text(archive.read(archive.entries[1]!))).toBe('héllo '.repeat(1000));
    expect(text(archive.read(archive.entries[2]!))).toBe('b');
  });

  it('refuses an entry that climbs out of its folder or is absolute, naming it', () => {
    for (const name of ['../evil.txt', 'sources/../../evil.txt', '/etc/passwd', 'C:\\Windows\\evil.txt', '..\\evil.txt']) {
      const zip = zipSync({ 'project.qde': strToU8('<Project/>'), [name]: strToU8('x') });
      expect(() => ZipArchive.open(zip, 'x.qdpx', 'REFI-QDA project'), name).toThrow(/x\.qdpx was refused: its entry ".*" (climbs out of its folder|is an absolute path)/);
    }
    expect(normaliseEntryName('sources/./a.txt')).toEqual({ name: 'sources/a.txt' });
  });

  it('stops a zip bomb once the inflated bytes pass the cap, whatever the entry declares', () => {
    const bomb = zerosArchive('project.qde', 40 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const archive = ZipArchive.open(bomb, 'bomb.qdpx', 'REFI-QDA project', { maxEntries: 10, maxTotalBytes: 8 * 1024 * 1024 });
    expect(() => archive.read(archive.entries[0]!)).toThrow('bomb.qdpx was refused: it unpacks to more than 8 MB (a damaged archive or a zip bomb)');
    // Stopped within one slice of the cap, not after inflating all 40 MB.
    expect(archive.inflatedBytes).toBeLessThan(8 * 1024 * 1024 + 17 * 1024 * 1024);
  });

  it('counts the cap across entries, so many small bombs do not add up', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 6; i++) files[`sources/${i}.txt`] = new Uint8Array(1024 * 1024);
    const archive = ZipArchive.open(zipSync(files), 'many.qdpx', 'REFI-QDA project', { maxEntries: 10, maxTotalBytes: 4 * 1024 * 1024 });
    expect(() => archive.entries.forEach((e) => archive.read(e))).toThrow(/unpacks to more than 4 MB/);
  });

  it('refuses an entry that holds more or less than it declares', () => {
    const data = strToU8('a'.repeat(5000));
    const small = rawArchive('project.qde', deflateSync(data), 8, 10, 0);
    const archive = ZipArchive.open(small, 'lies.qdpx', 'REFI-QDA project');
    expect(() => archive.read(archive.entries[0]!)).toThrow('lies.qdpx could not be read: project.qde declares 10 bytes but holds 5000');
    const huge = rawArchive('project.qde', deflateSync(data), 8, 0xfffffff0, 0);
    const big = ZipArchive.open(huge, 'lies.qdpx', 'REFI-QDA project');
    expect(() => big.read(big.entries[0]!)).toThrow(/declares 4294967280 bytes but holds 5000/);
  });

  it('refuses a damaged entry by its checksum and a truncated archive', () => {
    const zip = zipSync({ 'project.qde': [strToU8('<Project name="x"/>'), { level: 0 }] });
    const damaged = zip.slice();
    const inside = 32 + 'project.qde'.length; // a byte of the stored data
    damaged[inside] = damaged[inside]! ^ 0xff;
    const archive = ZipArchive.open(damaged, 'd.qdpx', 'REFI-QDA project');
    expect(() => archive.read(archive.entries[0]!)).toThrow('d.qdpx could not be read: project.qde is damaged (checksum mismatch)');
    expect(() => ZipArchive.open(zip.subarray(0, zip.length - 30), 't.qdpx', 'REFI-QDA project')).toThrow(/t\.qdpx is not a valid REFI-QDA project file: the archive is damaged/);
    expect(() => ZipArchive.open(strToU8('<Project/>'.repeat(5)), 'n.qdpx', 'REFI-QDA project')).toThrow('n.qdpx is not a valid REFI-QDA project file: it is not a ZIP archive');
  });

  it('refuses more entries than the limit before reading any', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) files[`sources/${i}.txt`] = strToU8('x');
    const zip = zipSync(files);
    expect(centralHeaders(zip)).toHaveLength(30);
    expect(() => ZipArchive.open(zip, 'm.qdpx', 'REFI-QDA project', { maxEntries: 20, maxTotalBytes: 1024 })).toThrow('m.qdpx is not a valid REFI-QDA project file: it has 30 entries; at most 20 are read');
  });
});
