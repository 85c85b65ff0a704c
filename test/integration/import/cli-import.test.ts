import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/cli.ts';
import { Host } from '../../../electron/backend/host.ts';
import { makeDocx, makeXlsx, truncated } from '../../helpers/files.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
};

describe('marginalia import', () => {
  let t: TestHost;
  let project: string;
  let home: string;
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(t.dir, name);
    writeFileSync(path, content);
    return path;
  };
  /** Reads the project the CLI wrote, through a fresh host. */
  const inspect = async <T>(read: (h: Host) => Promise<T>): Promise<T> => {
    const h = new Host({ home: join(t.dir, 'inspect') });
    h.open(project, false);
    try {
      return await read(h);
    } finally {
      h.close();
    }
  };
  const get = async (h: Host, method: 'participants.list' | 'sources.list') => {
    const r = await h.call(method, {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { label?: string; name?: string; kind?: string; attributes?: Record<string, unknown>; participantIds?: number[]; id: number }[];
  };

  beforeEach(() => {
    t = testHost();
    project = join(t.dir, 'study.marginalia');
    t.host.open(project, 'five-questions');
    t.host.close();
    home = join(t.dir, 'cli-home');
  });
  afterEach(() => t.cleanup());

  it('imports a transcript with a speaker mapping given on the command line', async () => {
    const transcript = file('dana.txt', 'Int: Why micro-credentials?\nDana: Employers ask.\nInt: Anything else?\nDana: Stackability.\n');
    const c = capture();
    const code = await runCli(['import', '--project', project, '--home', home, transcript, '--speaker', 'Dana=PD', '--interviewer', 'Int'], c.io);
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    expect(c.out).toContain('dana.txt: interview — "Speaker: text" (NVivo and hand-typed transcripts); Int → interviewer; Dana → new participant PD');
    expect(c.out).toContain('  dana.txt → interview "dana", 4 turns by 2 speakers');
    await inspect(async (h) => {
      const pd = (await get(h, 'participants.list')).find((p) => p.label === 'PD')!;
      const [source] = await get(h, 'sources.list');
      expect(source).toMatchObject({ kind: 'interview', participantIds: [pd.id] });
    });
  });

  it('imports a questionnaire with column roles from a JSON mapping file, then a later export adds only what is new', async () => {
    const mapping = file('mapping.json', JSON.stringify({ questionnaire: { idColumn: 'ID', answers: { 'Why did you enrol?': 'Why' }, attributes: { Age: 'number' }, ignore: ['Submitted'] } }));
    const first = file('march.xlsx', await makeXlsx([['ID', 'Age', 'Why did you enrol?', 'Submitted'], ['R1', 30, 'For my job', '2025-03-01'], ['R2', 45, '', '2025-03-02']]));
    const c1 = capture();
    expect(await runCli(['import', '--project', project, '--home', home, '--mapping', mapping, '--family', 'new', '--name', 'Learner survey', first], c1.io)).toBe(0);
    expect(c1.out.join('\n')).toContain('march.xlsx → questionnaire "Learner survey": 1 answers added; 2 new respondents; 1 empty answers skipped');

    const later = file('april.csv', 'ID,Age,Why did you enrol?,Submitted\nR1,30,For my job,2025-03-01\nR2,46,Curiosity,2025-03-02\nR3,22,A friend,2025-04-01\n');
    const c2 = capture();
    expect(await runCli(['import', '--project', project, '--home', home, '--json', later], c2.io)).toBe(0);
    const report = JSON.parse(c2.out[0]!) as { files: { questionnaire: Record<string, unknown> }[]; participantsCreated: { label: string }[] };
    expect(report.files[0]!.questionnaire).toMatchObject({ familyName: 'Learner survey', answersAdded: 2, answersAlreadyImported: 1, newRespondents: ['R3'], attributeValuesChanged: 1 });
    expect(report.participantsCreated.map((p) => p.label)).toEqual(['R3']);
    await inspect(async (h) => {
      const people = await get(h, 'participants.list');
      expect(people.map((p) => [p.label, p.attributes])).toEqual([['R1', { Age: 30 }], ['R2', { Age: 46 }], ['R3', { Age: 22 }]]);
    });
  });

  it('fails naming the damaged file and imports none of the batch', async () => {
    const good = file('ok.txt', 'Int: Hi.\nAnn: Hi.\nInt: Bye.\nAnn: Bye.\n');
    const bad = file('broken.docx', truncated(await makeDocx(['Int: Hi.', 'Ann: Hi.'])));
    const c = capture();
    expect(await runCli(['import', '--project', project, '--home', home, '--kind', 'interview', good, bad], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/^broken\.docx is not a valid DOCX file/);
    await inspect(async (h) => expect(await get(h, 'sources.list')).toEqual([]));
  });

  it('refuses unusable options with exit code 2', async () => {
    const c = capture();
    expect(await runCli(['import', '--project', project, '--home', home, '--kind', 'video', 'x.txt'], c.io)).toBe(2);
    expect(c.err[0]).toContain('--kind must be interview, questionnaire, document, not "video"');
  });
});
