import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/cli.ts';
import { Host } from '../../../electron/backend/host.ts';
import type { Participant, SourceDetail, Unit } from '../../../shared/domain/types.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import * as S from '../../helpers/survey-exports.ts';
import * as T from '../../helpers/transcript-exports.ts';

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
};

describe('marginalia import reads exports as their tools wrote them', () => {
  let t: TestHost;
  let project: string;
  const file = async (name: string, bytes: Uint8Array | Promise<Uint8Array>) => {
    const path = join(t.dir, name);
    writeFileSync(path, await bytes);
    return path;
  };
  const cli = async (...args: string[]) => {
    const c = capture();
    const code = await runCli(['import', '--project', project, '--home', join(t.dir, 'cli-home'), ...args], c.io);
    return { code, ...c };
  };
  /** Reads the project the CLI wrote, through a fresh host. */
  async function inspect() {
    const h = new Host({ home: join(t.dir, 'inspect') });
    h.open(project, false);
    try {
      const get = async <V>(method: 'participants.list' | 'sources.list', input = {}) => {
        const r = await h.call(method, input);
        if (!r.ok) throw new Error(r.error.message);
        return r.value as V;
      };
      const participants = await get<Participant[]>('participants.list');
      const sources = await get<{ id: number; name: string }[]>('sources.list');
      const details: SourceDetail[] = [];
      for (const s of sources) {
        const r = await h.call('sources.get', { id: s.id });
        if (!r.ok) throw new Error(r.error.message);
        details.push(r.value as SourceDetail);
      }
      return { participants, sources: details };
    } finally {
      h.close();
    }
  }

  beforeEach(() => {
    t = testHost();
    project = join(t.dir, 'study.marginalia');
    t.host.open(project, 'five-questions');
    t.host.close();
  });
  afterEach(() => t.cleanup());

  it('imports a Qualtrics CSV with its questions named by their text, saying what it recognised', async () => {
    const r = await cli(await file('Learner survey_March 6, 2025_10.15.csv', S.qualtricsCsv()));
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('Learner survey_March 6, 2025_10.15.csv: Qualtrics export (current export, choice text); 3 header rows, 2 respondents');
    expect(r.out[1]).toContain(`respondent id "ResponseId"; answers: Q1 “${S.WHY}”; Q3_4_TEXT “What is your role? — Other (please specify)”`);
    expect(r.out[1]).toContain('attributes: Q2_1 “How satisfied are you with the following? [Teaching]” (category)');
    const { participants, sources } = await inspect();
    expect(participants.map((p) => p.label)).toEqual([...S.QUALTRICS_IDS]);
    expect(sources[0]!.text).toContain(`Q1. ${S.WHY}`);
    expect(sources[0]!.text).not.toMatch(/Response ID|ImportId/);
  });

  it('warns when an identifying column is imported', async () => {
    const r = await cli(await file('sm.csv', S.surveyMonkeyCsv()), '--id-column', 'Respondent ID', '--answer', S.WHY, '--attribute', 'Email Address');
    expect(r.code).toBe(0);
    expect(r.err).toEqual(['sm.csv: warning: "Email Address" (e-mail address) can identify a person and will be stored in the project; leave it out with --ignore unless you need it']);
  });

  const surveys: [string, () => Uint8Array | Promise<Uint8Array>, string, readonly string[]][] = [
    ['q.tsv', () => S.qualtricsTsv(S.qualtricsRows('numeric')), 'Qualtrics export (current export, numeric values)', S.QUALTRICS_IDS],
    ['q.xlsx', () => S.qualtricsXlsx(), 'Qualtrics export (current export, choice text)', S.QUALTRICS_IDS],
    ['legacy.csv', () => S.qualtricsLegacyCsv(), 'Qualtrics export (legacy export, choice text)', S.QUALTRICS_IDS],
    ['Sheet_1.csv', () => S.surveyMonkeyCsv(), 'SurveyMonkey export (all responses, actual answer text)', S.SURVEYMONKEY_IDS],
    ['Data_All.xlsx', () => S.surveyMonkeyXlsx(), 'SurveyMonkey export (all responses, actual answer text)', S.SURVEYMONKEY_IDS],
    ['results-survey1.csv', () => S.limeSurveyCsv('full'), 'LimeSurvey export (full question text headings)', ['1', '2']],
    ['results-survey2.csv', () => S.limeSurveyCsv('code'), 'LimeSurvey export (question code headings)', ['1', '2']],
    ['Responses.csv', () => S.googleFormsCsv(), 'Google Forms export (responses)', ['2025/03/04 9:20:45 AM GMT+1', '2025/03/05 2:15:02 PM GMT+1']],
    ['Form(1-2).xlsx', () => S.microsoftFormsXlsx(), 'Microsoft Forms export (responses)', ['1', '2']],
  ];
  for (const [name, bytes, said, ids] of surveys) {
    it(`imports ${name} as a ${said.split(' export')[0]} export, its respondents under their ids`, async () => {
      const r = await cli(await file(name, bytes()), '--family', 'new');
      expect(r.code, r.err.join('\n')).toBe(0);
      expect(r.out[0]).toMatch(new RegExp(`^${name.replace(/[.()]/g, '\\$&')}: ${said.replace(/[()]/g, '\\$&')}; \\d header rows?, 2 respondents$`));
      const { participants, sources } = await inspect();
      expect(participants.map((p) => p.label).sort()).toEqual([...ids].sort());
      const answers = sources[0]!.units.filter((u: Unit) => u.kind === 'answer').map((u: Unit) => sources[0]!.text.slice(u.start, u.end));
      expect(answers).toEqual(expect.arrayContaining([S.ANSWERS.first, S.ANSWERS.second]));
    });
  }

  const transcripts: [string, () => Uint8Array | Promise<Uint8Array>, RegExp][] = [
    ['zoom.vtt', T.zoomVtt, /Zoom/], ['teams.vtt', T.teamsVtt, /Teams/], ['meet.vtt', T.meetVtt, /Meet/], ['teams.docx', T.teamsDocx, /Teams/],
    ['teams-2022.docx', T.teamsOldDocx, /Teams/], ['zoom-captions.txt', T.zoomTxt, /Zoom/], ['meet.txt', T.meetTxt, /Meet/], ['meet.docx', T.meetDocx, /Meet/],
    ['otter.txt', T.otterTxt, /Otter/], ['otter.docx', T.otterDocx, /Otter/], ['otter.srt', T.otterSrt, /Otter/], ['rev.txt', T.revTxt, /Rev/],
    ['rev.docx', T.revDocx, /Rev/], ['temi.txt', T.temiTxt, /Temi/], ['trint.txt', T.trintTxt, /Trint/], ['descript.txt', T.descriptTxt, /Descript/],
    ['whisperx.srt', T.whisperxSrt, /WhisperX/], ['whisperx.json', () => T.whisperJson(true), /WhisperX/],
  ];
  for (const [name, bytes, tool] of transcripts) {
    it(`imports ${name} with its speakers and turn times`, async () => {
      const r = await cli(await file(name, bytes()), '--interviewer', 'Ana Lima', '--interviewer', 'Speaker 1', '--speaker', 'Chidi Okafor=PC', '--speaker', 'Speaker 2=PC');
      expect(r.code, r.err.join('\n')).toBe(0);
      expect(r.out[0]).toMatch(tool);
      const { participants, sources } = await inspect();
      expect(participants.map((p) => p.label)).toEqual(['PC']);
      const turns = sources[0]!.units.filter((u: Unit) => u.kind === 'turn');
      expect(turns.map((u: Unit) => [u.isInterviewer, sources[0]!.text.slice(u.start, u.end).replace(/\s+/g, ' ')])).toEqual(T.EXPECTED.map(([s, text]) => [s === 'Ana Lima', text]));
      expect(turns[0]!.timestampMs).not.toBeNull();
    });
  }

  it('imports a Whisper transcript without speakers as timed paragraphs, credited with --credit, and says how', async () => {
    const plain = await cli(await file('whisper.srt', T.whisperSrt()));
    expect(plain.out[0]).toBe('whisper.srt: interview — SRT without speakers (Whisper and other speech-to-text); no speaker names: the text is imported as paragraphs credited to nobody (give it to a participant with --credit LABEL)');
    const h = new Host({ home: join(t.dir, 'make-pc') });
    h.open(project, false);
    await h.call('participants.create', { label: 'PC' });
    h.close();
    const credited = await cli(await file('whisper.json', T.whisperJson(false)), '--credit', 'PC');
    expect(credited.code).toBe(0);
    expect(credited.out[0]).toContain('no speaker names; the text is credited to PC');
    const { sources, participants } = await inspect();
    const pc = participants.find((p) => p.label === 'PC')!;
    const paragraphs = sources[1]!.units.filter((u: Unit) => u.kind === 'paragraph');
    expect(paragraphs.map((u: Unit) => [u.participantId, u.timestampMs])).toEqual(T.EXPECTED.map(([, , ms]) => [pc.id, ms]));
    expect((await cli(await file('w2.json', T.whisperJson(false)), '--credit', 'PZ')).err[0]).toMatch(/^--credit PZ: no participant has that label/);
  });

  it('refuses a bad file naming it, its row and column, and imports nothing', async () => {
    const rows = S.qualtricsRows();
    const dupe = [...rows[4]!];
    dupe[rows[0]!.indexOf('ResponseId')] = S.QUALTRICS_IDS[0];
    const r = await cli(await file('dupes.csv', S.qualtricsCsv([...rows, dupe])));
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toBe(`dupes.csv, row 6, column "ResponseId": respondent id "${S.QUALTRICS_IDS[0]}" already appears in row 4; each row must be a different respondent\nNothing was imported.`);
    expect((await inspect()).sources).toEqual([]);
  });
});
