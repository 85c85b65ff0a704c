import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentPreview } from '../../../shared/domain/import-types.ts';
import { makeDocx, makeOdt, makePdf, makeScannedPdf, utf8Bytes } from '../../helpers/files.ts';
import { tableCounts, testHost, type TestHost } from '../../helpers/project.ts';
import { preview, run, stageOne, unitsOf } from './helpers.ts';

describe('importing documents', () => {
  let t: TestHost;
  beforeEach(() => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
  });
  afterEach(() => t.cleanup());

  const importOne = async (name: string, bytes: Uint8Array) => {
    const staged = await stageOne(t, name, bytes);
    expect(staged.error).toBeNull();
    const report = await run(t, [{ stagedId: staged.stagedId, kind: 'document' }]);
    return unitsOf(t, report.files[0]!.sourceId!);
  };
  const shape = (units: { kind: string; text: string; page: number | null }[]) => units.map((u) => [u.kind, u.text, u.page]);

  it('keeps the headings and paragraphs of a .docx as units', async () => {
    const docx = await makeDocx([{ heading: 'title', text: 'Micro-credential policy' }, { heading: 2, text: 'Scope' }, 'Applies to all faculties.', { runs: ['Credits ', 'must', ' be stackable.'] }]);
    const { source, units } = await importOne('Policy 2024.docx', docx);
    expect(source).toMatchObject({ kind: 'document', name: 'Policy 2024' });
    expect(shape(units)).toEqual([
      ['heading', 'Micro-credential policy', null],
      ['heading', 'Scope', null],
      ['paragraph', 'Applies to all faculties.', null],
      ['paragraph', 'Credits must be stackable.', null],
    ]);
  });

  it('keeps page boundaries of a .pdf as page units holding their paragraphs', async () => {
    const pdf = await makePdf([['Annual report', '', 'Enrolment rose by a third.'], ['Page two starts here.']]);
    const staged = await stageOne(t, 'report.pdf', pdf);
    const p = (await preview(t, staged)) as DocumentPreview;
    expect(p).toMatchObject({ kind: 'document', pageCount: 2, unitCount: 3 });
    expect(p.units.map((u) => [u.page, u.text])).toEqual([[1, 'Annual report'], [1, 'Enrolment rose by a third.'], [2, 'Page two starts here.']]);
    const report = await run(t, [{ stagedId: staged.stagedId, kind: 'document' }]);
    const { units } = await unitsOf(t, report.files[0]!.sourceId!);
    expect(shape(units)).toEqual([
      ['page', 'Annual report\n\nEnrolment rose by a third.', 1],
      ['paragraph', 'Annual report', 1],
      ['paragraph', 'Enrolment rose by a third.', 1],
      ['page', 'Page two starts here.', 2],
      ['paragraph', 'Page two starts here.', 2],
    ]);
  });

  it('refuses a scanned .pdf with a message that it needs OCR first, writing nothing', async () => {
    const before = tableCounts(t.host);
    const staged = await stageOne(t, 'scan.pdf', await makeScannedPdf(2));
    const r = await t.host.call('import.run', { files: [{ stagedId: staged.stagedId, kind: 'document' }] });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'bad_file', message: expect.stringMatching(/^scan\.pdf has no text layer: .*needs OCR/) });
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('imports .txt unchanged, .md without markup, .html sanitized, and .odt with headings', async () => {
    const txt = await importOne('notes.txt', utf8Bytes('First paragraph\nwith two lines.\n\n  Second paragraph.  \n'));
    expect(txt.source.text).toBe('First paragraph\nwith two lines.\n\n  Second paragraph.  \n');
    expect(shape(txt.units)).toEqual([['paragraph', 'First paragraph\nwith two lines.', null], ['paragraph', 'Second paragraph.', null]]);

    const md = await importOne('guide.md', utf8Bytes('# Guide\n\nSee the **board** [page](https://x.org).\n\n- one item\n'));
    expect(shape(md.units)).toEqual([['heading', 'Guide', null], ['paragraph', 'See the board page.', null], ['paragraph', 'one item', null]]);

    const html = await importOne(
      'page.html',
      utf8Bytes('<html><head><title>T</title><script>alert(1)</script></head><body><h1>Recognition</h1><p onclick="x()">Credits &amp; badges<img src=x onerror=alert(2)></p><style>p{}</style></body></html>'),
    );
    expect(shape(html.units)).toEqual([['heading', 'Recognition', null], ['paragraph', 'Credits & badges', null]]);
    expect(html.source.text).not.toMatch(/alert|<|onclick/);

    const odt = await importOne('minutes.odt', makeOdt([{ heading: 1, text: 'Minutes' }, 'The board met.']));
    expect(shape(odt.units)).toEqual([['heading', 'Minutes', null], ['paragraph', 'The board met.', null]]);
  });

  it('suggests document for text without speakers and warns about a source already imported', async () => {
    const bytes = utf8Bytes('A plain memo about budgets.\n');
    const staged = await stageOne(t, 'memo.txt', bytes);
    expect(staged.suggestedKind).toBe('document');
    await run(t, [{ stagedId: staged.stagedId, kind: 'document' }]);
    const again = await stageOne(t, 'memo copy.txt', bytes);
    expect(((await preview(t, again)) as DocumentPreview).duplicateOf).toBe('memo');
  });
});
