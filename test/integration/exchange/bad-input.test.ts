import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Host } from '../../../electron/backend/host.ts';
import type { ProgressEvent } from '../../../shared/api/contract.ts';
import { guid, qdpx, span } from '../../helpers/refi-fixtures.ts';
import { FIXED_TIME, testHost, type TestHost } from '../../helpers/project.ts';
import { newProject, projectView, upload } from './helpers.ts';

let t: TestHost;
beforeEach(async () => {
  t = testHost();
  await t.ok('project.openDemo', {});
});
afterEach(() => t.cleanup());

/** Every row of every table the project keeps, to show that a refused import changed nothing. */
function snapshot(host: Host, skip: readonly string[] = []): Record<string, unknown[]> {
  const db = host.current!.db.raw;
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'source_search%'`).all() as { name: string }[]).map((r) => r.name);
  const rows = (n: string) => db.prepare(`SELECT * FROM "${n}"`).all().map((r) => JSON.stringify(r)).sort();
  return Object.fromEntries(tables.filter((n) => !skip.includes(n)).map((n) => [n, rows(n)]));
}

const project = (body: string) => `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Bad" origin="NVivo 14">${body}</Project>`;

async function refused(name: string, bytes: Uint8Array): Promise<string> {
  const before = snapshot(t.host);
  const r = await t.host.call('exchange.stage', { file: upload(name, bytes) });
  expect(snapshot(t.host)).toEqual(before);
  if (r.ok) throw new Error(`${name} was accepted`);
  expect(r.error.code).toBe('bad_file');
  return r.error.message;
}

describe('REFI-QDA import refuses bad files with what and where, and changes nothing', () => {
  it('malformed XML, an external entity, a billion-laughs DOCTYPE', async () => {
    expect(await refused('broken.qdpx', qdpx([{ name: 'project.qde', data: project('<Users><User guid="x">\n</Users>') }]))).toMatch(
      /^broken\.qdpx: project\.qde is not well-formed XML \(line 3, column \d+: Expected closing tag 'User'/,
    );
    const xxe = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>${project('<Description>&x;</Description>')}`;
    expect(await refused('xxe.qdpx', qdpx([{ name: 'project.qde', data: xxe }]))).toMatch(/^xxe\.qdpx: project\.qde was refused: it declares a DOCTYPE/);
    const laughs = `<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>${project('<Description>&c;&c;&c;</Description>')}`;
    expect(await refused('laughs.qdpx', qdpx([{ name: 'project.qde', data: laughs }]))).toMatch(/^laughs\.qdpx: project\.qde was refused: it declares a DOCTYPE/);
  });

  it('an entry that climbs out of its folder, too many entries, false sizes, no .qde or two', async () => {
    expect(await refused('slip.qdpx', qdpx([{ name: 'project.qde', data: project('') }, { name: 'sources/../../evil.txt', data: 'x' }]))).toBe(
      'slip.qdpx was refused: its entry "sources/../../evil.txt" climbs out of its folder (..)',
    );
    const many: Record<string, Uint8Array> = { 'project.qde': strToU8(project('')) };
    for (let i = 0; i <= 50_000; i++) many[`sources/${i}.txt`] = new Uint8Array(0);
    expect(await refused('many.qdpx', zipSync(many, { level: 0 }))).toBe('many.qdpx is not a valid REFI-QDA project (.qdpx) file: it has 50002 entries; at most 50000 are read');

    const lying = qdpx([{ name: 'project.qde', data: project(' '.repeat(5000)) }]);
    const view = new DataView(lying.buffer, lying.byteOffset, lying.byteLength);
    for (let i = lying.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 100, true); // the directory says 100 bytes
    }
    expect(await refused('lying.qdpx', lying)).toMatch(/^lying\.qdpx could not be read: project\.qde declares 100 bytes but holds \d+$/);

    expect(await refused('empty.qdpx', qdpx([{ name: 'sources/a.txt', data: 'x' }]))).toBe('empty.qdpx is not a REFI-QDA project: it holds no project.qde');
    expect(await refused('two.qdpx', qdpx([{ name: 'a.qde', data: project('') }, { name: 'b.qde', data: project('') }]))).toBe(
      'two.qdpx is not a REFI-QDA project: it holds 2 .qde files (a.qde, b.qde); a project has one',
    );
    expect(await refused('plain.qdpx', strToU8('not a zip at all, just text'))).toBe('plain.qdpx is not a valid REFI-QDA project (.qdpx) file: it is not a ZIP archive');
  });

  it('imports the rest and warns per item: a missing source file, bad positions, a code that is not there', async () => {
    const text = 'A text with words, then an emoji 😀';
    // NVivo counts UTF-16 units: a position between the two halves of the emoji splits it (as code points it would run past the end).
    const ok = span(text, 'words', 'utf16');
    const sel = (n: number, start: number, end: number, code = 10) =>
      `<PlainTextSelection guid="${guid(n)}" startPosition="${start}" endPosition="${end}"><Coding guid="${guid(n + 100)}"><CodeRef targetGUID="${guid(code)}"/></Coding></PlainTextSelection>`;
    const body = `<CodeBook><Codes><Code guid="${guid(10)}" name="Imported code" isCodable="true"/></Codes></CodeBook><Sources>
      <TextSource guid="${guid(2)}" name="Good" plainTextPath="internal://${guid(2)}.txt">${sel(50, ok.start, ok.end)}${sel(51, 9, 4)}${sel(52, 0, 999)}${sel(53, text.length - 1, text.length)}${sel(54, ok.start, ok.end, 99)}</TextSource>
      <TextSource guid="${guid(3)}" name="Gone" plainTextPath="internal://${guid(3)}.txt">${sel(55, 0, 3)}</TextSource></Sources>`;
    const file = qdpx([{ name: 'project.qde', data: project(body) }, { name: `sources/${guid(2)}.txt`, data: text }]);
    await newProject(t, 'warned');
    const staged = await t.ok('exchange.stage', { file: upload('warned.qdpx', file) });
    const report = await t.ok('exchange.importProject', { stagedId: staged.stagedId });
    expect(report.warnings).toEqual([
      { where: 'Source Good', message: `selection ${guid(51)}: its positions 9–4 are reversed; its 1 coding is not imported` },
      { where: 'Source Good', message: `selection ${guid(52)}: its positions 0–999 lie outside the text (${text.length} characters); its 1 coding is not imported` },
      { where: 'Source Good', message: `selection ${guid(53)}: position ${text.length - 1} splits a character in two; its 1 coding is not imported` },
      { where: 'Source Good', message: `coding ${guid(154)} refers to code ${guid(99)}, which the file does not have; not imported` },
      { where: 'Source Gone', message: `not imported: its text file internal://${guid(3)}.txt is not in the archive; its 1 coding cannot be placed` },
    ]);
    expect(report.notImported).toEqual([{ what: 'Sources whose text is not in the file', count: 1 }]);
    const view = await projectView(t);
    expect(view.sources.map((s) => [s.name, s.codings.map((c) => c.quote)])).toEqual([['Good', ['words']]]);
  });

  it('a cancelled import leaves the project exactly as it was', async () => {
    const events: ProgressEvent[] = [];
    let cancel: (() => void) | null = null;
    // The cancel arrives while the first source is written, inside the import's open transaction.
    const host = new Host({ home: `${t.dir}/cancel-home`, clock: () => FIXED_TIME, coderName: 'tester', onProgress: (e) => {
      events.push(e);
      if (e.jobId === 'cancel-me' && e.label.startsWith('Importing') && cancel) {
        cancel();
        cancel = null;
      }
    } });
    try {
      const call = async (method: string, input: unknown) => {
        const r = await host.call(method, input);
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      };
      await call('project.openDemo', {});
      const exported = (await call('exchange.exportProject', {})) as { file: { base64: string } };
      const staged = (await call('exchange.stage', { file: { name: 'demo.qdpx', dataBase64: exported.file.base64 } })) as { stagedId: string };
      const before = snapshot(host);
      let answer: Promise<unknown> | null = null;
      cancel = () => (answer = host.call('exchange.cancel', { jobId: 'cancel-me' }));
      const result = await host.call('exchange.importProject', { stagedId: staged.stagedId, jobId: 'cancel-me' });
      expect(await answer).toEqual({ ok: true, value: { cancelled: true } });
      expect(result).toEqual({ ok: false, error: { code: 'cancelled', message: 'Import cancelled: nothing was imported' } });
      expect(snapshot(host)).toEqual(before);
      expect(events.at(-1)).toMatchObject({ jobId: 'cancel-me', finished: true, label: 'Cancelled', error: 'Import cancelled: nothing was imported' });
    } finally {
      host.close();
    }
  });

  it('into the open project: matches codes and participants, and one undo restores the project', async () => {
    const before = snapshot(t.host, ['operations', 'operation_changes', 'audit_log']);
    const exported = await t.ok('exchange.exportProject', {});
    const staged = await t.ok('exchange.stage', { file: upload('again.qdpx', Buffer.from(exported.file.base64, 'base64')) });
    const plan = await t.ok('exchange.preview', { stagedId: staged.stagedId });
    expect(plan.counts).toMatchObject({ codesAdded: 0, participantsAdded: 0, participantsMatched: 3 });
    expect(plan.codebook.every((c) => c.action === 'same')).toBe(true);
    const report = await t.ok('exchange.importProject', { stagedId: staged.stagedId });
    expect(report.counts.sources).toBe((await t.ok('sources.list', {})).length / 2);
    await t.ok('undo.undo', {});
    expect(snapshot(t.host, ['operations', 'operation_changes', 'audit_log'])).toEqual(before);
  });
});
