import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseXlsx } from '../../../electron/backend/import/parsers/xlsx.ts';
import { parseDocx } from '../../../electron/backend/import/parsers/docx.ts';
import { IMPORT_ZIP_LIMITS, readZip } from '../../../electron/backend/import/parsers/zip.ts';

/** Crafted archives against the importers: each is refused, by name, before a library inflates it. */

const text = (s: string) => new TextEncoder().encode(s);

/** Sets the size an entry's central-directory record declares (the lie a zip bomb tells). */
function declare(zip: Uint8Array, entryName: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 46 <= out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(out.subarray(at + 46, at + 46 + nameLength)) === entryName) {
      view.setUint32(at + 24, size, true);
      return out;
    }
  }
  throw new Error(`no entry ${entryName}`);
}

describe('archive limits for DOCX, ODT and XLSX', () => {
  it('an entry that holds more than it declares is refused before exceljs sees the workbook', async () => {
    const zip = zipSync({ 'xl/workbook.xml': text('<workbook/>'), 'xl/sharedStrings.xml': text('x'.repeat(100_000)) });
    const lying = declare(zip, 'xl/sharedStrings.xml', 10);
    await expect(parseXlsx(lying, 'bomb.xlsx')).rejects.toThrow(/^bomb\.xlsx could not be read: xl\/sharedStrings\.xml declares 10 bytes but holds 100000/);
  });

  it('an archive that inflates past the budget is refused as a zip bomb, whatever it declares', () => {
    const zip = zipSync({ 'word/document.xml': new Uint8Array(2 * 1024 * 1024) }, { level: 9 });
    expect(zip.length).toBeLessThan(20_000);
    expect(() => readZip(zip, 'bomb.docx', 'DOCX', () => true, { maxEntries: 10, maxTotalBytes: 1024 * 1024 })).toThrow(/^bomb\.docx was refused: it unpacks to more than 1 MB \(a damaged archive or a zip bomb\)/);
  });

  it('an archive with too many entries is refused before any is read', async () => {
    const entries: Record<string, Uint8Array> = { 'xl/workbook.xml': text('<workbook/>') };
    for (let i = 0; i <= IMPORT_ZIP_LIMITS.maxEntries; i++) entries[`xl/junk/${i}.xml`] = new Uint8Array(0);
    await expect(parseXlsx(zipSync(entries, { level: 0 }), 'many.xlsx')).rejects.toThrow(/^many\.xlsx is not a valid XLSX file: it has 10002 entries; at most 10000 are read$/);
  });

  it('a damaged checksum and an entry climbing out of its folder are refused', () => {
    const zip = zipSync({ 'word/document.xml': text('<w:document/>') }, { level: 0 });
    const flipped = zip.slice();
    flipped[Buffer.from(zip).indexOf('<w:document/>') + 3]! ^= 1;
    expect(() => parseDocx(flipped, 'bent.docx')).toThrow(/^bent\.docx could not be read: word\/document\.xml is damaged \(checksum mismatch\)/);
    const climbing = zipSync({ '../../evil.xml': text('x'), 'word/document.xml': text('<w:document/>') });
    expect(() => parseDocx(climbing, 'slip.docx')).toThrow(/slip\.docx (was refused|is not a valid DOCX file).*climbs out of its folder/);
  });
});
