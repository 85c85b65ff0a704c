import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InterviewPreview, SpeakerAction } from '../../../shared/domain/import-types.ts';
import { makeDocx, utf16Bytes, utf8Bytes, windows1252Bytes } from '../../helpers/files.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { preview, run, stageOne, suggestedOptions, unitsOf } from './helpers.ts';

const TRANSCRIPT = [
  '[00:00:05] Interviewer: Why did the faculty start offering micro-credentials?',
  '[00:00:12] Dana: Employers asked for shorter, stackable courses.',
  'They wanted proof of specific skills.',
  '[00:01:02] Interviewer: And who decides what counts?',
  '[00:01:10] Eli: The programme board, with the quality office – café talk aside.',
].join('\r\n');

describe('importing interview transcripts', () => {
  let t: TestHost;
  let pa: number;
  beforeEach(async () => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
    pa = (await t.ok('participants.create', { label: 'PA', name: 'Eli Novak' })).id;
  });
  afterEach(() => t.cleanup());

  it('previews a .txt transcript with its speakers and suggests who they are, writing nothing', async () => {
    const staged = await stageOne(t, 'Interview Dana.txt', utf8Bytes(TRANSCRIPT));
    expect(staged).toMatchObject({ name: 'Interview Dana.txt', format: 'txt', suggestedKind: 'interview', error: null });
    const p = (await preview(t, staged)) as InterviewPreview;
    expect(p.kind).toBe('interview');
    expect(p.speakers.map((s) => [s.speaker, s.turns, s.suggestion.as])).toEqual([
      ['Interviewer', 2, 'interviewer'],
      ['Dana', 1, 'new'],
      // Eli matches participant PA by first name.
      ['Eli', 1, 'participant'],
    ]);
    expect(p.turns[1]).toEqual({ speaker: 'Dana', timestampMs: 12_000, text: 'Employers asked for shorter, stackable courses.\nThey wanted proof of specific skills.' });
    expect((await t.ok('sources.list', {})).length).toBe(0);
  });

  it('imports each turn as a unit with its speaker, start time and mapped participant', async () => {
    const staged = await stageOne(t, 'Interview Dana.txt', utf8Bytes(TRANSCRIPT));
    const speakers: SpeakerAction[] = [
      { speaker: 'Interviewer', as: 'interviewer' },
      { speaker: 'Dana', as: 'new', label: 'PD', name: 'Dana Ruiz' },
      { speaker: 'Eli', as: 'participant', participantId: pa },
    ];
    const report = await run(t, [{ stagedId: staged.stagedId, kind: 'interview', interview: { speakers } }]);
    expect(report.participantsCreated.map((p) => p.label)).toEqual(['PD']);
    const file = report.files[0]!;
    expect(file).toMatchObject({ kind: 'interview', sourceName: 'Interview Dana', units: 4, turns: 4, speakers: 3 });
    const { source, units } = await unitsOf(t, file.sourceId!);
    expect(units).toEqual([
      { kind: 'turn', text: 'Why did the faculty start offering micro-credentials?', speaker: 'Interviewer', participant: null, interviewer: true, timestampMs: 5_000, page: null },
      { kind: 'turn', text: 'Employers asked for shorter, stackable courses.\nThey wanted proof of specific skills.', speaker: 'Dana', participant: 'PD', interviewer: false, timestampMs: 12_000, page: null },
      { kind: 'turn', text: 'And who decides what counts?', speaker: 'Interviewer', participant: null, interviewer: true, timestampMs: 62_000, page: null },
      { kind: 'turn', text: 'The programme board, with the quality office – café talk aside.', speaker: 'Eli', participant: 'PA', interviewer: false, timestampMs: 70_000, page: null },
    ]);
    // Canonical text: LF line endings, "Speaker: body" turns, timestamps kept out of the text.
    expect(source.text).not.toContain('\r');
    expect(source.text).toContain('Dana: Employers asked');
    expect(source.origin).toBe('Interview Dana.txt');
    const participants = await t.ok('participants.list', {});
    expect(participants.find((p) => p.label === 'PD')?.name).toBe('Dana Ruiz');
    // One undoable step, named after the file; the audit log has the source and the participant.
    expect((await t.ok('undo.state', {})).undoLabel).toBe('Import ‘Interview Dana.txt’');
    const audit = t.host.current!.db.raw.prepare("SELECT action, entity FROM audit_log WHERE detail LIKE '%import%' OR action = 'import'").all();
    expect(audit).toEqual(expect.arrayContaining([{ action: 'create', entity: 'participant' }, { action: 'import', entity: 'source' }, { action: 'import', entity: 'batch' }]));
  });

  it('refuses a run that leaves a speaker unmapped, naming the speaker, and writes nothing', async () => {
    const staged = await stageOne(t, 'i.txt', utf8Bytes(TRANSCRIPT));
    const r = await t.host.call('import.run', { files: [{ stagedId: staged.stagedId, kind: 'interview', interview: { speakers: [{ speaker: 'Interviewer', as: 'interviewer' }] } }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.message).toContain('i.txt: say who "Dana", "Eli" are');
      expect(r.error.field).toBe('files.0.interview.speakers');
    }
    expect((await t.ok('sources.list', {})).length).toBe(0);
  });

  it('reads UTF-16 LE/BE with BOM, UTF-8 with BOM and Windows-1252 to the same text', async () => {
    const encodings: [string, Uint8Array][] = [
      ['le.txt', utf16Bytes(TRANSCRIPT, 'le')],
      ['be.txt', utf16Bytes(TRANSCRIPT, 'be')],
      ['bom.txt', utf8Bytes(TRANSCRIPT, true)],
      ['cp1252.txt', windows1252Bytes(TRANSCRIPT)],
    ];
    const speakers: SpeakerAction[] = ['Interviewer', 'Dana', 'Eli'].map((speaker) => ({ speaker, as: 'other' }));
    const files = [];
    for (const [name, bytes] of encodings) {
      const staged = await stageOne(t, name, bytes);
      files.push({ stagedId: staged.stagedId, kind: 'interview' as const, interview: { speakers } });
    }
    const report = await run(t, files);
    const texts = await Promise.all(report.files.map(async (f) => (await t.ok('sources.get', { id: f.sourceId! })).text));
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toContain('café talk aside');
    expect(texts[0]!.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('captions with no speakers (auto-generated subtitles) are suggested as an interview and import with their times', async () => {
    const vtt = utf8Bytes('WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nWe started the pilot in spring.\n\n00:00:05.000 --> 00:00:08.500\nThe board approved it in June.\n');
    const srt = utf8Bytes('1\r\n00:00:02,000 --> 00:00:04,000\r\nNobody is named here.\r\n');
    for (const [name, bytes] of [['auto.vtt', vtt], ['auto.srt', srt]] as const) {
      const staged = await stageOne(t, name, bytes);
      expect(staged, name).toMatchObject({ suggestedKind: 'interview', kinds: ['interview'], error: null });
      const p = await preview(t, staged);
      const report = await run(t, [suggestedOptions(staged, p)]);
      expect(report.files[0], name).toMatchObject({ name, kind: 'interview', units: 1 });
    }
    const [first] = (await t.ok('sources.list', {})).filter((s) => s.name === 'auto');
    const { units } = await unitsOf(t, first!.id);
    // Consecutive cues of one speaker (here: nobody) read as one passage, timed from its first cue.
    expect(units.map((u) => [u.text.replace(/\s+/g, ' '), u.speaker, u.timestampMs])).toEqual([['We started the pilot in spring. The board approved it in June.', null, 1000]]);
  });

  it('imports .md, .docx, .vtt and .srt transcripts with their speakers', async () => {
    const md = utf8Bytes('# Interview 4\n\n**Interviewer:** What changed?\n\n**Dana:** The *assessment* changed.\n\nInterviewer: Thanks.\n\nDana: Welcome.\n');
    const docx = await makeDocx([{ heading: 1, text: 'Interview 5' }, 'Interviewer: What changed?', 'Dana: Everything about recognition.', 'Interviewer: Thanks.', 'Dana: Welcome.']);
    const vtt = utf8Bytes('WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Interviewer>What changed?\n\n00:00:05.500 --> 00:00:09.000\n<v Dana>Credits now transfer.\n');
    const srt = utf8Bytes('1\n00:00:02,000 --> 00:00:04,000\nInterviewer: What changed?\n\n2\n00:00:06,000 --> 00:00:08,000\nDana: Portability.\n\n3\n00:00:09,000 --> 00:00:10,000\nInterviewer: Thanks.\n');
    const files = [];
    for (const [name, bytes] of [['i4.md', md], ['i5.docx', docx], ['i6.vtt', vtt], ['i7.srt', srt]] as const) {
      const staged = await stageOne(t, name, bytes);
      expect(staged.suggestedKind).toBe('interview');
      files.push({ stagedId: staged.stagedId, kind: 'interview' as const, interview: { speakers: [{ speaker: 'Interviewer', as: 'interviewer' as const }, { speaker: 'Dana', as: 'new' as const, label: 'PD' }] } });
    }
    const report = await run(t, files);
    expect(report.participantsCreated.map((p) => p.label)).toEqual(['PD']);
    const danaSays = await Promise.all(
      report.files.map(async (f) => (await unitsOf(t, f.sourceId!)).units.filter((u) => u.participant === 'PD').map((u) => [u.text, u.timestampMs])),
    );
    expect(danaSays).toEqual([
      [['The assessment changed.', null], ['Welcome.', null]],
      [['Everything about recognition.', null], ['Welcome.', null]],
      [['Credits now transfer.', 5_500]],
      [['Portability.', 6_000]],
    ]);
    // The heading before the first speaker stays as text nobody said.
    expect((await unitsOf(t, report.files[1]!.sourceId!)).units[0]).toMatchObject({ kind: 'paragraph', text: 'Interview 5', speaker: null });
  });

  it('imports text without speaker markers as one document-like interview, credited to a chosen participant', async () => {
    const staged = await stageOne(t, 'Field notes PA.txt', utf8Bytes('We met in the library.\nShe talked about badges.\n\nLater she described the review board.\n'));
    const p = (await preview(t, staged, 'interview')) as InterviewPreview;
    expect(p.speakers).toEqual([]);
    const report = await run(t, [{ stagedId: staged.stagedId, kind: 'interview', interview: { speakers: [], unattributedParticipantId: pa } }]);
    const { source, units } = await unitsOf(t, report.files[0]!.sourceId!);
    expect(source.kind).toBe('interview');
    expect(source.text).toBe('We met in the library.\nShe talked about badges.\n\nLater she described the review board.\n');
    expect(units.map((u) => [u.kind, u.text, u.participant])).toEqual([
      ['paragraph', 'We met in the library.\nShe talked about badges.', 'PA'],
      ['paragraph', 'Later she described the review board.', 'PA'],
    ]);
  });

  it('reuses one new participant when two transcripts of a batch both create it', async () => {
    const a = await stageOne(t, 'a.txt', utf8Bytes('Interviewer: Hi.\nSam: Hello.\nInterviewer: Bye.\nSam: Bye.'));
    const b = await stageOne(t, 'b.txt', utf8Bytes('Interviewer: Again.\nSam: Yes.\nInterviewer: Bye.\nSam: Bye.'));
    const interview = { speakers: [{ speaker: 'Interviewer', as: 'interviewer' as const }, { speaker: 'Sam', as: 'new' as const, label: 'PS' }] };
    const report = await run(t, [
      { stagedId: a.stagedId, kind: 'interview', interview },
      { stagedId: b.stagedId, kind: 'interview', interview },
    ]);
    expect(report.participantsCreated).toHaveLength(1);
    const ps = (await t.ok('participants.list', {})).filter((p) => p.label === 'PS');
    expect(ps).toHaveLength(1);
    const sources = await t.ok('sources.list', {});
    expect(sources.every((s) => s.participantIds.includes(ps[0]!.id))).toBe(true);
  });
});
