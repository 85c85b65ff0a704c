import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/domain/import-types.ts';
import { RUN_ROWS } from '../../../electron/backend/undo/flush.ts';
import { prepareRecording, recordOperation } from '../../../electron/backend/undo/recorder.ts';
import { utf8Bytes } from '../../helpers/files.ts';
import { run, stageOne } from '../import/helpers.ts';
import { openBench, type Bench } from './workbench-helpers.ts';

/** A transcript with `turns` speaker turns; `marker` makes its text findable anywhere. */
function transcript(marker: string, speaker: string, turns: number): string {
  const lines: string[] = [];
  for (let i = 0; i < turns; i++) {
    lines.push(i % 2 === 0 ? `Interviewer: Question ${i} about ${marker}, the badge and the course — café?` : `${speaker}: Answer ${i}: my employer paid 💶 for ${marker}.`);
  }
  return lines.join('\n');
}

/** Imports transcripts as one batch (one undo step), each speaker a new participant. */
async function importTranscripts(b: Bench, files: { name: string; text: string; speaker: string }[]): Promise<ImportReport> {
  const staged = [];
  for (const f of files) staged.push(await stageOne(b, f.name, utf8Bytes(f.text)));
  return run(
    b,
    staged.map((s, i) => ({
      stagedId: s.stagedId,
      kind: 'interview' as const,
      interview: { speakers: [{ speaker: 'Interviewer', as: 'interviewer' as const }, { speaker: files[i]!.speaker, as: 'new' as const, label: files[i]!.speaker }] },
    })),
  );
}

const raw = (b: Bench) => b.host.current!.db.raw;
/** History records that hold this text anywhere. */
const historyHolding = (b: Bench, text: string): number =>
  (raw(b).prepare('SELECT count(*) AS n FROM operation_changes WHERE instr(after, ?) OR instr(before, ?)').get(text, text) as { n: number }).n;

describe('undo of a bulk import', () => {
  let b: Bench;
  beforeEach(async () => {
    b = await openBench();
  });
  afterEach(() => b.cleanup());

  const files = [
    { name: 'Interview Kiona.txt', text: transcript('ZEBRA-KIONA', 'XK', 7), speaker: 'XK' },
    // More turns than one history record holds, so its units span several records.
    { name: 'Interview Long.txt', text: transcript('ZEBRA-LONG', 'XL', RUN_ROWS + 137), speaker: 'XL' },
    { name: 'Interview Mo.txt', text: transcript('ZEBRA-MO', 'XM', 3), speaker: 'XM' },
  ];

  it('undoes and redoes the whole import exactly: texts, units, participants', async () => {
    const before = b.snapshot();
    const report = await importTranscripts(b, files);
    expect(report.files[1]!.units).toBe(RUN_ROWS + 137);
    const after = b.snapshot();
    const imported = await b.ok('sources.get', { id: report.files[1]!.sourceId! });
    expect(imported.text).toContain('Answer 635: my employer paid 💶 for ZEBRA-LONG.');
    // The history names the imported rows but holds no copy of the transcripts.
    expect(historyHolding(b, 'ZEBRA-LONG')).toBe(0);

    await b.reopen();
    const undone = await b.ok('undo.undo', {});
    expect(undone.label).toBe('Import 3 files');
    expect(undone.tables).toEqual(['participants', 'sources', 'units']);
    expect(b.snapshot()).toEqual(before);
    expect((await b.ok('sources.list', {})).map((s) => s.name)).not.toContain('Interview Long');

    await b.ok('undo.redo', {});
    expect(b.snapshot()).toEqual(after);
    expect(await b.ok('sources.get', { id: imported.id })).toEqual(imported);
    expect(imported.units).toHaveLength(RUN_ROWS + 137);

    // Undone and redone once, the step still undoes.
    await b.ok('undo.undo', {});
    expect(b.snapshot()).toEqual(before);
    await b.ok('undo.redo', {});
    expect(b.snapshot()).toEqual(after);
  });

  it('refuses the undo once another coder renamed an imported source, and allows it once she undid that', async () => {
    const report = await importTranscripts(b, files);
    await b.ok('coders.setCurrent', { name: 'bea' });
    await b.ok('sources.rename', { id: report.files[1]!.sourceId!, name: 'Long interview (Bea)' });
    await b.ok('coders.setCurrent', { name: 'tester' });
    const changed = b.snapshot();
    const error = await b.fails('undo.undo', {});
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('Undo of “Import 3 files” is not possible: later changes (another coder\'s work or an import) touched the same sources.');
    expect(b.snapshot()).toEqual(changed);

    await b.ok('coders.setCurrent', { name: 'bea' });
    await b.ok('undo.undo', {});
    await b.ok('coders.setCurrent', { name: 'tester' });
    await b.ok('undo.undo', {});
    expect((await b.ok('sources.list', {})).some((s) => s.id === report.files[1]!.sourceId)).toBe(false);
  });

  it('refuses the undo once another coder coded a passage of an imported transcript', async () => {
    const report = await importTranscripts(b, files);
    await b.ok('coders.setCurrent', { name: 'bea' });
    const code = (await b.ok('codes.list', {}))[0]!;
    await b.ok('codings.apply', { sourceId: report.files[0]!.sourceId!, codeId: code.id, start: 0, end: 20 });
    await b.ok('coders.setCurrent', { name: 'tester' });
    const changed = b.snapshot();
    expect((await b.fails('undo.undo', {})).code).toBe('conflict');
    expect(b.snapshot()).toEqual(changed);
  });

  it('refuses the undo when an imported unit or text was changed outside any undo step', async () => {
    const report = await importTranscripts(b, files);
    const longId = report.files[1]!.sourceId!;
    const unit = raw(b).prepare('SELECT id, speaker FROM units WHERE source_id = ? ORDER BY id DESC LIMIT 1').get(longId) as { id: number; speaker: string };
    raw(b).prepare('UPDATE units SET speaker = ? WHERE id = ?').run('Someone else', unit.id);
    let changed = b.snapshot();
    expect((await b.fails('undo.undo', {})).message).toMatch(/touched the same units/);
    expect(b.snapshot()).toEqual(changed);

    raw(b).prepare('UPDATE units SET speaker = ? WHERE id = ?').run(unit.speaker, unit.id);
    // The history holds a transcript's size, not its text (content_hash stands for the text): a
    // text edited to another size is caught.
    raw(b).prepare("UPDATE sources SET text = text || ' (edited)' WHERE id = ?").run(longId);
    changed = b.snapshot();
    expect((await b.fails('undo.undo', {})).message).toMatch(/touched the same sources/);
    expect(b.snapshot()).toEqual(changed);
  });
});

describe('undo of rows a command inserted and then changed itself', () => {
  it('brings back the state before the command, and redo the state after it', async () => {
    const b = await openBench();
    try {
      const project = b.host.current!;
      prepareRecording(project.db);
      const before = b.snapshot();
      const why = (await b.code('Why')).id;
      project.db.transaction(() =>
        recordOperation(project.ctx, 'codes.create', {}, () => {
          const insert = project.db.raw.prepare(`INSERT INTO codes (parent_id, name, color, origin, position, created_at) VALUES (?, ?, '#000000', 'inductive', 0, 't')`);
          const ids = ['Alpha', 'Beta', 'Gamma', 'Delta'].map((name) => Number(insert.run(why, name).lastInsertRowid));
          project.db.raw.prepare(`UPDATE codes SET name = 'Beta, renamed', color = '#ffffff' WHERE id = ?`).run(ids[1]);
          project.db.raw.prepare(`DELETE FROM codes WHERE id = ?`).run(ids[2]);
          // The same id again: a different row that merely reuses the number.
          project.db.raw.prepare(`INSERT INTO codes (id, parent_id, name, color, origin, position, created_at) VALUES (?, ?, 'Gamma again', '#123456', 'inductive', 1, 't')`).run(ids[2], why);
          project.db.raw.prepare(`UPDATE codes SET color = '#abcdef' WHERE id = ?`).run(ids[0]);
          // An id that lines up with the first four inserts, though other changes came between.
          project.db.raw.prepare(`INSERT INTO codes (id, parent_id, name, color, origin, position, created_at) VALUES (?, ?, 'Epsilon', '#654321', 'inductive', 2, 't')`).run(ids[0]! + 8, why);
        }),
      );
      const after = b.snapshot();
      expect(after.codes!.filter((c) => /Alpha|Beta, renamed|Gamma again|Delta|Epsilon/.test(c))).toHaveLength(5);
      await b.ok('undo.undo', {});
      expect(b.snapshot()).toEqual(before);
      await b.ok('undo.redo', {});
      expect(b.snapshot()).toEqual(after);
      await b.ok('undo.undo', {});
      expect(b.snapshot()).toEqual(before);
    } finally {
      b.cleanup();
    }
  });
});
