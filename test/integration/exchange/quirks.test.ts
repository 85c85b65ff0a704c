import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  atlas,
  guid,
  maxqda,
  minimal,
  nvivoMac,
  nvivoWindows,
  qdpx,
  qualcoder,
  TAGUETTE_QDC,
  taguette,
} from '../../helpers/refi-fixtures.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { strFromU8, unzipSync } from 'fflate';
import { refiSchemaErrors } from '../../helpers/refi-validate.ts';
import { codebookView, exportedBytes, newProject, projectView, upload } from './helpers.ts';

let t: TestHost;
beforeEach(async () => {
  t = testHost();
  await newProject(t, 'imported');
});
afterEach(() => t.cleanup());

async function importQdpx(name: string, bytes: Uint8Array) {
  const staged = await t.ok('exchange.stage', { file: upload(name, bytes) });
  const plan = await t.ok('exchange.preview', { stagedId: staged.stagedId });
  const report = await t.ok('exchange.importProject', { stagedId: staged.stagedId });
  return { staged, plan, report, view: await projectView(t) };
}

const codingsOf = (view: Awaited<ReturnType<typeof projectView>>, source: string) =>
  view.sources.find((s) => s.name === source)!.codings.map((c) => ({ code: c.code, quote: c.quote, participant: c.participant, coder: c.coder }));

describe('REFI-QDA import of what other tools write', () => {
  it('NVivo for Windows: Sources/, BOM and CRLF, UTF-16 offsets past an emoji, classifications, a memo linked to a selection', async () => {
    const { report, view } = await importQdpx('micro.qdpx', nvivoWindows());
    expect(report.positions).toEqual([{ source: 'Interview Sam', unit: 'UTF-16 code units', lineBreaks: 'as in the file' }]);
    const source = view.sources.find((s) => s.name === 'Interview Sam')!;
    expect(source.kind).toBe('interview');
    expect(source.text).toBe('Interviewer: Why micro-credentials? 😀\nSam: They add value 🎓 for employers.\nSam: Ownership is unclear.\n');
    // Three selections on one span (one per coding, one of them twice): two codings.
    expect(codingsOf(view, 'Interview Sam')).toEqual([
      { code: 'Benefits', quote: 'add value', participant: 'Sam', coder: 'Sam Fisher' },
      { code: 'Benefits / Value', quote: 'add value', participant: 'Sam', coder: 'Sam Fisher' },
      { code: 'IP', quote: 'Ownership is unclear', participant: 'Sam', coder: 'Sam Fisher' },
    ]);
    expect(source.codings[0]!.at).toBe('2020-01-15T10:05:00.000Z');
    expect(view.participants).toEqual([{ label: 'Sam', name: '', description: '', attributes: { Role: 'Lecturer', 'Interview date': '2020-01-10' }, codingCount: 3 }]);
    expect(view.attributes).toEqual([{ name: 'Role', type: 'text' }, { name: 'Interview date', type: 'date' }]);
    expect(view.codebook.find((c) => c.path === 'Benefits')).toMatchObject({ color: '#ff0000', definition: 'Why people do it' });
    expect(view.memos.map((m) => ({ about: m.about, title: m.title, text: m.text }))).toEqual([
      { about: 'code: IP', title: 'IP memo', text: 'Check the policy.' },
      { about: `coding: Interview Sam ${source.text.indexOf('add value')}-${source.text.indexOf('add value') + 9} Benefits / Value`, title: 'Memo on value', text: 'Employers say so.\nTwice.' },
    ]);
    expect(report.warnings).toEqual([]);
    expect(report.notImported).toEqual([]);
  });

  it('NVivo for Mac: stored entries, sources/.root, no BOM; a text left empty is reported, not dropped silently', async () => {
    const { report, view } = await importQdpx('mac.qdpx', nvivoMac());
    expect(codingsOf(view, 'Ana')).toEqual([{ code: 'Stackability', quote: 'credentials help', participant: null, coder: 'Ana Lima' }]);
    expect(view.sources.map((s) => s.name)).toEqual(['Ana']);
    expect(report.warnings).toEqual([{ where: 'Source Scanned letter', message: `not imported: its plain text is empty (its text may be only in internal://${guid(3)}.docx, which Marginalia cannot read); its 1 coding cannot be placed` }]);
    expect(report.notImported).toEqual([{ what: 'Sources with an empty plain text', count: 1 }]);
  });

  it('MAXQDA: uppercase GUIDs, code points past emoji, variables on the source, comments on selections', async () => {
    const { report, view } = await importQdpx('maxqda.qdpx', maxqda());
    expect(report.positions[0]).toEqual({ source: 'Lee 2024', unit: 'code points', lineBreaks: 'as in the file' });
    expect(codingsOf(view, 'Lee 2024')).toEqual([{ code: 'Recognition / Badges', quote: 'badges matter', participant: null, coder: 'Lee' }]);
    expect(view.codebook.find((c) => c.path === 'Recognition / Badges')!.color).toBe('#0000ff');
    expect(view.sources[0]!.kind).toBe('document');
    expect(view.memos.map((m) => [m.about.split(':')[0], m.title, m.text])).toEqual([
      ['coding', 'Comment on “badges matter”', 'Strong claim here.'],
      ['source', 'Document variables', 'Age: 42'],
    ]);
    expect(view.attributes).toEqual([{ name: 'Age', type: 'number' }]);
    expect(report.warnings).toEqual([{ where: 'Source Lee 2024', message: 'its variables belong to no single participant; they are kept in a memo on the source' }]);
  });

  it('ATLAS.ti: Trial.qde, a line break counted as one, code groups, document groups and networks reported, a PDF’s text kept', async () => {
    const { report, view } = await importQdpx('Trial.qdpx', atlas());
    expect(report.positions[0]).toEqual({ source: 'Kim interview', unit: 'code points', lineBreaks: 'one character' });
    expect(codingsOf(view, 'Kim interview').map((c) => [c.code, c.quote])).toEqual([
      ['Skills', 'shows a skill'],
      ['Employers', 'Employers check it'],
    ]);
    expect(codingsOf(view, 'Policy').map((c) => [c.code, c.quote])).toEqual([['Employers', 'Policy']]);
    expect(view.frameworks).toEqual([{ name: 'Code groups', description: '', elements: [{ name: 'Outcomes', description: '' }] }]);
    expect(view.codebook.map((c) => [c.path, c.elements])).toEqual([['Employers', ['Code groups › Outcomes']], ['Skills', ['Code groups › Outcomes']]]);
    expect(report.notImported).toEqual([
      { what: 'PDF files (pages and regions)', count: 1, detail: '1 region and 1 coding on them are not imported (Marginalia holds text only); 1 plain-text representation imported as text' },
      { what: 'Sets of sources or notes', count: 1, detail: 'Wave 1 documents' },
      { what: 'Graphs', count: 1, detail: 'Marginalia has no network views' },
    ]);
  });

  it('QualCoder: BOM in texts and notes, a case made of selections, users as coders, pictures counted, a transcript imported', async () => {
    const { report, view } = await importQdpx('qualcoder.qdpx', qualcoder());
    expect(codingsOf(view, 'survey answers')).toEqual([
      { code: 'Design / Flexibility', quote: 'the course was flexible', participant: 'R1', coder: 'default' },
      { code: 'Badges', quote: 'liked the badge', participant: 'R1', coder: 'coder two' },
    ]);
    expect(view.sources.find((s) => s.name === 'Focus group')).toMatchObject({ kind: 'interview', text: 'R2: The audio says costs matter.' });
    expect(codingsOf(view, 'Focus group').map((c) => c.quote)).toEqual(['costs matter']);
    expect(view.participants.map((p) => [p.label, p.attributes])).toEqual([['R1', { Gender: 'F' }]]);
    expect(view.coders).toEqual(['coder two', 'default', 'tester']);
    expect(view.memos.map((m) => [m.about, m.text])).toEqual([[expect.stringMatching(/^coding: survey answers \d+-\d+ Design \/ Flexibility$/), 'Is it really flexible?']]);
    expect(report.notImported).toEqual([
      { what: 'Pictures', count: 1, detail: '1 region and 1 coding on them are not imported (Marginalia holds text only)' },
      { what: 'Audio files', count: 1, detail: '1 time span and 1 coding on them are not imported (Marginalia holds text only); 1 transcript imported as text' },
    ]);
  });

  it('Taguette: no namespace, the text inline; its codebook with an empty <Sets/> merges too', async () => {
    const { view } = await importQdpx('taguette.qdpx', taguette());
    expect(codingsOf(view, 'doc one')).toEqual([{ code: 'portability', quote: 'portability', participant: null, coder: 'admin' }]);
    const staged = await t.ok('exchange.stage', { file: upload('taguette.qdc', TAGUETTE_QDC) });
    const plan = await t.ok('exchange.preview', { stagedId: staged.stagedId });
    expect(plan.codebook).toEqual([{ action: 'describe', path: ['portability'], definition: 'Moving credits' }]);
    await t.ok('exchange.applyCodebook', { stagedId: staged.stagedId });
    expect((await codebookView(t)).codes[0]!.definition).toBe('Moving credits');
  });

  it('reads every namespace spelling, a prefixed root, Project.qde and Sources/ in any case', async () => {
    const variants: [string, Uint8Array][] = [
      ['transana', minimal('xmlns="urn:QDA-XML:project:0:10"', 'Project.qde', 'Sources')],
      ['old-qualcoder', minimal('xmlns="urn:QDA-XML:project:1:0"')],
      ['none', minimal('')],
      ['prefixed', minimal('xmlns:qda="urn:QDA-XML:project:1.0"', 'PROJECT.QDE', 'SOURCES')],
    ];
    for (const [name, bytes] of variants) {
      await newProject(t, name);
      const { view } = await importQdpx(`${name}.qdpx`, bytes);
      expect(codingsOf(view, 'Text'), name).toEqual([{ code: 'Length', quote: 'short', participant: null, coder: 'tester' }]);
    }
  });

  it('imports a codebook-only project, and finds a text named without internal:// (qc writes them so)', async () => {
    const codebookOnly = qdpx([{ name: 'project.qde', data: `<Project xmlns="urn:QDA-XML:project:1.0" name="Codes only"><CodeBook><Codes><Code guid="${guid(10)}" name="Only" isCodable="false"/></Codes></CodeBook></Project>` }]);
    const { report, view } = await importQdpx('codes.qdpx', codebookOnly);
    expect(report.counts).toMatchObject({ codesAdded: 1, sources: 0, codings: 0 });
    expect(view.codebook.map((c) => c.path)).toEqual(['Only']);

    await newProject(t, 'qc');
    const bare = qdpx([
      { name: 'project.qde', data: `<Project xmlns="urn:QDA-XML:project:1.0" name="qc"><CodeBook><Codes><Code guid="${guid(10)}" name="Board" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="${guid(2)}" plainTextPath="board_2017.txt"><PlainTextSelection guid="${guid(3)}" startPosition="0" endPosition="5"><Coding guid="${guid(4)}"><CodeRef targetGUID="${guid(10)}"/></Coding></PlainTextSelection></TextSource></Sources></Project>` },
      { name: 'sources/board_2017.txt', data: 'Board minutes of 2017.' },
    ]);
    const qc = await importQdpx('qc.qdpx', bare);
    expect(codingsOf(qc.view, 'board_2017')).toEqual([{ code: 'Board', quote: 'Board', participant: null, coder: 'tester' }]);
  });

  it('exports what came from other tools as valid REFI-QDA again, with the GUIDs those tools gave', async () => {
    for (const [name, bytes] of [['micro.qdpx', nvivoWindows()], ['Trial.qdpx', atlas()], ['qualcoder.qdpx', qualcoder()], ['maxqda.qdpx', maxqda()]] as const) {
      await newProject(t, name.replace('.qdpx', ''));
      await importQdpx(name, bytes);
      const xml = strFromU8(unzipSync(exportedBytes(await t.ok('exchange.exportProject', {})))['project.qde']!);
      expect(await refiSchemaErrors(xml, 'Project'), name).toEqual([]);
      // The source, its codes and its users keep the GUIDs the other tool wrote.
      expect(xml, name).toContain(`<TextSource guid="${guid(2)}"`);
      expect(xml, name).toContain(`guid="${guid(1)}"`);
    }
  });
});
