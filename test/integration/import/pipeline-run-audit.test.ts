import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDocx, utf8Bytes } from '../../helpers/files.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { run, stageOne, unitsOf } from './helpers.ts';

/** A transcript as a researcher gets it: a heading and a note before the turns, a note taker's aside. */
const TRANSCRIPT = [
  'Interview 7 — housing study',
  '',
  'Recorded at the community centre.',
  '',
  'Interviewer: Thanks for coming. How long have you lived here?',
  'Ann: Twelve years, nearly thirteen.',
  'Bob: Same building for me, ten years.',
  'Notes: (door opens)',
  'Interviewer: What changed most?',
  'Ann: The rent.',
  'Bob: The rent, and the lifts.',
  'Notes: (phone rings)',
  'Interviewer: Thank you both.',
  '',
].join('\n');

type Entry = { action: string; entity: string; entityId: number | null; detail: unknown };

describe('what an import writes to the audit log', () => {
  let t: TestHost;
  beforeEach(() => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
  });
  afterEach(() => t.cleanup());

  /** The import entries, oldest first, with their details parsed. */
  const importEntries = async (): Promise<Entry[]> =>
    (await t.ok('audit.list', { action: 'import', limit: 500 })).entries
      .map((e) => ({ action: e.action, entity: e.entity, entityId: e.entityId, detail: JSON.parse(e.detail) as unknown }))
      .reverse();

  it('logs one entry per source (file, kind, units, who each speaker became) and one for the batch', async () => {
    const carol = await t.ok('participants.create', { label: 'P9', name: 'Carol' });
    const interview = await stageOne(t, 'Interview 7.txt', utf8Bytes(TRANSCRIPT));
    const document = await stageOne(t, 'Field notes.docx', await makeDocx([{ heading: 1, text: 'Field notes' }, 'First visit.', 'Second visit.']));
    const report = await run(
      t,
      [
        {
          stagedId: interview.stagedId,
          kind: 'interview',
          interview: {
            speakers: [
              { speaker: 'Interviewer', as: 'interviewer' },
              { speaker: 'Ann', as: 'new', label: 'P1', name: 'Ann Smith' },
              { speaker: 'Bob', as: 'participant', participantId: carol.id },
              { speaker: 'Notes', as: 'other' },
            ],
          },
        },
        { stagedId: document.stagedId, kind: 'document' },
      ],
      'job-audit',
    );
    const ann = report.participantsCreated[0]!;
    expect(report.files).toEqual([
      // Ten units, nine of them turns: the preamble is no one's turn.
      { name: 'Interview 7.txt', kind: 'interview', sourceId: expect.any(Number), sourceName: 'Interview 7', units: 10, turns: 9, speakers: 4 },
      { name: 'Field notes.docx', kind: 'document', sourceId: expect.any(Number), sourceName: 'Field notes', units: 3 },
    ]);
    const [talk, notes] = report.files;
    expect(await importEntries()).toEqual([
      {
        action: 'import',
        entity: 'source',
        entityId: talk!.sourceId,
        detail: { file: 'Interview 7.txt', kind: 'interview', units: 10, speakers: { Interviewer: 'interviewer', Ann: ann.id, Bob: carol.id, Notes: null } },
      },
      { action: 'import', entity: 'source', entityId: notes!.sourceId, detail: { file: 'Field notes.docx', kind: 'document', units: 3 } },
      {
        action: 'import',
        entity: 'batch',
        entityId: null,
        detail: { job: 'job-audit', files: [{ file: 'Interview 7.txt', kind: 'interview' }, { file: 'Field notes.docx', kind: 'document' }], participantsCreated: ['P1'] },
      },
    ]);
    // The note taker's asides are kept as theirs, credited to no one and not the interviewer's.
    const { units } = await unitsOf(t, talk!.sourceId!);
    expect(units.filter((u) => u.speaker === 'Notes').map((u) => [u.text, u.participant, u.interviewer])).toEqual([
      ['(door opens)', null, false],
      ['(phone rings)', null, false],
    ]);
    // The new participant has the name the dialog gave.
    expect((await t.ok('participants.list', {})).map((p) => [p.label, p.name])).toEqual([
      ['P1', 'Ann Smith'],
      ['P9', 'Carol'],
    ]);
    // Undone, the step says it was the import.
    expect(await t.ok('undo.undo', {})).toMatchObject({ label: 'Import 2 files', method: 'import.run' });
  });

  it('logs a new participant made without a name, and a batch that made none', async () => {
    const a = await stageOne(t, 'a.txt', utf8Bytes('Interviewer: Hello.\nAnn: Hi.\nInterviewer: Bye.\nAnn: Bye.\n'));
    await run(t, [{ stagedId: a.stagedId, kind: 'interview', interview: { speakers: [{ speaker: 'Interviewer', as: 'interviewer' }, { speaker: 'Ann', as: 'new', label: 'PA' }] } }], 'job-one');
    expect((await t.ok('participants.list', {})).map((p) => [p.label, p.name])).toEqual([['PA', '']]);
    const b = await stageOne(t, 'b.docx', await makeDocx(['Only a paragraph.']));
    await run(t, [{ stagedId: b.stagedId, kind: 'document' }], 'job-two');
    expect((await importEntries()).at(-1)).toEqual({
      action: 'import',
      entity: 'batch',
      entityId: null,
      detail: { job: 'job-two', files: [{ file: 'b.docx', kind: 'document' }], participantsCreated: [] },
    });
  });
});
