import { strFromU8, unzipSync } from 'fflate';
import type { FileDownload } from '../../../shared/domain/analysis/types.ts';
import type { TestHost } from '../../helpers/project.ts';

/** A paragraph that trips naive writers: formula start, quotes, commas, accents, an emoji, markup. */
export const TRICKY = '=SUM(A1) "Quoted", naïve café 🎓\n<script>alert("x")</script> & *stars* [link](http://x) # not a heading';
export const TRICKY_MEMO = 'Check <b>this</b> & "that", ça va';

export type DemoIds = {
  codes: Record<string, number>;
  participants: Record<string, number>;
  role: number;
  trickyCodingId: number;
};

/**
 * The demo project, plus one document whose text and coding memo hold everything an export
 * must escape or quote, coded with "Intellectual property".
 */
export async function demoForExport(t: TestHost): Promise<DemoIds> {
  await t.ok('project.openDemo', {});
  const bytes = Buffer.from(`${TRICKY}\n\nA second, ordinary paragraph.\n`, 'utf8');
  const [staged] = await t.ok('import.stage', { files: [{ name: 'Tricky notes.txt', dataBase64: bytes.toString('base64') }] });
  const report = await t.ok('import.run', { files: [{ stagedId: staged!.stagedId, kind: 'document' }] });
  const sourceId = report.files[0]!.sourceId!;
  const codes = Object.fromEntries((await t.ok('codes.list', {})).map((c) => [c.name, c.id]));
  const source = await t.ok('sources.get', { id: sourceId });
  const end = source.text.indexOf(TRICKY) + TRICKY.length;
  const coding = await t.ok('codings.apply', { sourceId, codeId: codes['Intellectual property']!, start: source.text.indexOf(TRICKY), end });
  await t.ok('memos.create', { targetKind: 'coding', targetId: coding.id, title: '', body: `<p>${TRICKY_MEMO.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>` });
  const participants = Object.fromEntries((await t.ok('participants.list', {})).map((p) => [p.label, p.id]));
  const role = (await t.ok('attributes.list', {})).find((a) => a.name === 'role')!.id;
  return { codes, participants, role, trickyCodingId: coding.id };
}

export const bytesOf = (file: FileDownload): Buffer => Buffer.from(file.base64, 'base64');

/** The files of a zip (DOCX, XLSX) as text. */
export function zipText(file: FileDownload): Record<string, string> {
  const entries = unzipSync(new Uint8Array(bytesOf(file)));
  return Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, strFromU8(data)]));
}

/**
 * RFC 4180, written here rather than taken from the app: fields separated by commas, records
 * by CRLF, a quoted field may hold commas, CRLF and doubled quotes.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      field = '';
      record = [];
      i++;
    } else field += c;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}
