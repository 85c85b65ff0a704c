import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InterviewPreview, QuestionnairePreview } from '../../../shared/domain/import-types.ts';
import { utf16Bytes, utf8Bytes, windows1252Bytes } from '../../helpers/files.ts';
import { tableCounts, testHost, type TestHost } from '../../helpers/project.ts';
import { csvText, QUALTRICS_IDS, qualtricsRows, WHY } from '../../helpers/survey-exports.ts';
import { whisperSrt } from '../../helpers/transcript-exports.ts';
import { preview, run, stageOne, suggestedOptions, unitsOf } from './helpers.ts';

/** What Excel does to a survey: saved again in the encoding and separators of its locale. */
describe('exports that went through Excel or a careless hand', () => {
  let t: TestHost;
  beforeEach(() => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
  });
  afterEach(() => t.cleanup());

  /** Stages a file and imports it with the dialog's first guesses. */
  async function importAsSuggested(name: string, bytes: Uint8Array) {
    const staged = await stageOne(t, name, bytes);
    const p = await preview(t, staged);
    const options = suggestedOptions(staged, p);
    return { staged, preview: p, report: await run(t, [options]) };
  }

  it('reads a Windows-1252 CSV from Excel’s "Save as CSV"', async () => {
    const csv = 'Respondent,Rôle,Pourquoi avez-vous suivi ce cours ?\r\nR01,Étudiant,"Pour mon employeur, surtout : il l’a demandé."\r\nR02,Enseignant,Par curiosité pour le format et l’évaluation.\r\n';
    await importAsSuggested('enquête.csv', windows1252Bytes(csv));
    const people = await t.ok('participants.list', {});
    expect(people.map((p) => [p.label, p.attributes['Rôle']])).toEqual([['R01', 'Étudiant'], ['R02', 'Enseignant']]);
    const [source] = await t.ok('sources.list', { kind: 'questionnaire' });
    const { units } = await unitsOf(t, source!.id);
    expect(units.map((u) => u.text)).toContain('Pour mon employeur, surtout : il l’a demandé.');
  });

  it('reads Excel’s "Unicode Text" (UTF-16, tab-separated, in a .txt) as a questionnaire', async () => {
    const text = csvText([['ID', 'Role', WHY], ['R01', 'Student', 'My employer asked for proof of skills.'], ['R02', 'Teacher', 'Curiosity about how it is assessed.']], '\t');
    const { staged, preview: p } = await importAsSuggested('Learner survey.txt', utf16Bytes(text, 'le'));
    expect(staged.suggestedKind).toBe('questionnaire');
    expect((p as QuestionnairePreview).suggestedIdColumn).toBe('ID');
    expect((await t.ok('participants.list', {})).map((x) => [x.label, x.attributes['Role']])).toEqual([['R01', 'Student'], ['R02', 'Teacher']]);
  });

  it('reads a semicolon CSV from a Spanish-locale Excel, commas in its texts and decimal commas unquoted', async () => {
    const csv = 'sep=;\r\nParticipante;¿Por qué, en su opinión, tomó el curso?;Nota media\r\nP1;Por trabajo, sobre todo, y por curiosidad;7,5\r\nP2;Me lo pidió mi jefa, sin más explicaciones;8,25\r\n';
    const staged = await stageOne(t, 'encuesta.csv', windows1252Bytes(csv));
    const p = (await preview(t, staged)) as QuestionnairePreview;
    expect(p.header).toEqual(['Participante', '¿Por qué, en su opinión, tomó el curso?', 'Nota media']);
    expect(p.columns.map((c) => [c.column, c.suggestion.role, c.suggestion.type ?? null])).toEqual([
      ['Participante', 'attribute', 'category'],
      ['¿Por qué, en su opinión, tomó el curso?', 'answer', null],
      ['Nota media', 'attribute', 'number'],
    ]);
    const options = suggestedOptions(staged, p);
    await run(t, [options]);
    expect((await t.ok('participants.list', {})).map((x) => x.attributes['Nota media'])).toEqual([7.5, 8.25]);
  });

  it('reads a Qualtrics export whose question-text and import-id rows were deleted by hand: no header row becomes a respondent', async () => {
    const rows = qualtricsRows();
    const { preview: p, report } = await importAsSuggested('trimmed.csv', utf8Bytes(csvText([rows[0]!, ...rows.slice(3)])));
    expect((p as QuestionnairePreview).survey).toMatchObject({ platform: 'qualtrics', headerRows: 1, notes: [expect.stringContaining('named by their column ids')] });
    expect((await t.ok('participants.list', {})).map((x) => x.label)).toEqual([...QUALTRICS_IDS]);
    const questions = await t.ok('questions.list', { sourceId: report.files[0]!.sourceId! });
    expect(questions.map((q) => q.text)).toContain('Q1');
  });

  it('imports a transcript without speaker names as timed paragraphs credited to the participant chosen in the mapping step', async () => {
    const pc = await t.ok('participants.create', { label: 'PC' });
    const before = tableCounts(t.host);
    const staged = await stageOne(t, 'whisper.srt', whisperSrt());
    const p = (await preview(t, staged)) as InterviewPreview;
    expect(p).toMatchObject({ speakers: [], turnCount: 0, unitCount: 4, tool: 'SRT without speakers (Whisper and other speech-to-text)' });
    // The preview writes nothing.
    expect(tableCounts(t.host)).toEqual(before);
    await run(t, [{ stagedId: staged.stagedId, kind: 'interview', interview: { speakers: [], unattributedParticipantId: pc.id } }]);
    const [source] = await t.ok('sources.list', { kind: 'interview' });
    const { units } = await unitsOf(t, source!.id);
    expect(units.map((u) => [u.kind, u.participant, u.timestampMs])).toEqual([
      ['paragraph', 'PC', 3720], ['paragraph', 'PC', 11040], ['paragraph', 'PC', 24500], ['paragraph', 'PC', 29180],
    ]);
  });
});
