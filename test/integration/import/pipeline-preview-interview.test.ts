import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentPreview, InterviewPreview } from '../../../shared/domain/import-types.ts';
import { makePdf, utf8Bytes } from '../../helpers/files.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { preview, stageOne } from './helpers.ts';

describe('the import preview of an interview and of a document, at its edges', () => {
  let t: TestHost;
  beforeEach(() => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
  });
  afterEach(() => t.cleanup());

  it('shows a turn of exactly 280 characters whole, and cuts one a character longer', async () => {
    // A long answer as hand-typed transcripts have them: one line per turn.
    const sentence = 'We moved the pilot to the library because students were already there in the evenings. ';
    const long = (n: number) => sentence.repeat(4).slice(0, n - 1).trimEnd().padEnd(n - 1, 'x') + '.';
    const exact = long(280);
    const over = long(281);
    expect([exact.length, over.length]).toEqual([280, 281]);
    const talk = ['Interviewer: Why the library?', `Chidi: ${exact}`, 'Interviewer: And then?', `Chidi: ${over}`, ''].join('\n');
    const p = (await preview(t, await stageOne(t, 'chidi.txt', utf8Bytes(talk)))) as InterviewPreview;
    expect(p.turns.map((u) => u.text)).toEqual(['Why the library?', exact, 'And then?', `${over.slice(0, 279)}…`]);
    expect(p.speakers.find((s) => s.speaker === 'Chidi')).toMatchObject({ turns: 2 });
  });

  it('counts every page of a PDF, a blank one in between too', async () => {
    const staged = await stageOne(t, 'report.pdf', await makePdf([['Findings of the pilot.'], [], ['Recommendations.']]));
    const p = (await preview(t, staged)) as DocumentPreview;
    // Page 2 is empty: no unit for it, but the document still has three pages.
    expect(p).toMatchObject({ kind: 'document', pageCount: 3, unitCount: 2 });
    expect(p.units.map((u) => [u.page, u.text])).toEqual([
      [1, 'Findings of the pilot.'],
      [3, 'Recommendations.'],
    ]);
  });

  it('counts a blank last page of a PDF, as a PDF reader would', async () => {
    const staged = await stageOne(t, 'report.pdf', await makePdf([['Findings of the pilot.'], ['Recommendations.'], []]));
    const p = (await preview(t, staged)) as DocumentPreview;
    expect(p).toMatchObject({ kind: 'document', pageCount: 3, unitCount: 2 });
  });
});
