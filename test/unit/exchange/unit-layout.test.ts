import { describe, expect, it } from 'vitest';
import { layoutUnits, paragraphs } from '../../../electron/backend/exchange/unit-layout.ts';

const view = (text: string, units: ReturnType<typeof layoutUnits>) =>
  units.map((u) => [u.kind, text.slice(u.start, u.end), u.participant, u.speaker, u.isInterviewer]);

describe('layoutUnits', () => {
  it('lays out an interview: credited turns with their labels, the interviewer’s turns between them', () => {
    const text = 'PA: Hello there.\n\nInterviewer: Why?\n\nPA: Because.';
    const credited = [text.indexOf('Hello'), text.indexOf('Because')].map((start, i) => ({ start, end: start + (i === 0 ? 12 : 8), participant: 'pa' }));
    expect(view(text, layoutUnits(text, 'interview', credited, null))).toEqual([
      ['turn', 'Hello there.', 'pa', 'PA', false],
      ['turn', 'Why?', null, 'Interviewer', true],
      ['turn', 'Because.', 'pa', 'PA', false],
    ]);
  });

  it('credits a whole source line by line to its case, but not the interviewer’s lines', () => {
    const text = 'Interviewer: Why?\nSam: They add value.\nSam: Ownership is unclear.\n';
    expect(view(text, layoutUnits(text, 'interview', [], 'sam'))).toEqual([
      ['turn', 'Why?', null, 'Interviewer', true],
      ['turn', 'They add value.', 'sam', 'Sam', false],
      ['turn', 'Ownership is unclear.', 'sam', 'Sam', false],
    ]);
  });

  it('shows every paragraph of a document, and the questions of a questionnaire around its answers', () => {
    const doc = 'First paragraph\nstill first.\n\n  Second.  \n\n\nThird.';
    expect(view(doc, layoutUnits(doc, 'document', [], null)).map((u) => u[1])).toEqual(['First paragraph\nstill first.', 'Second.', 'Third.']);
    const survey = 'Q1. Why?\n\nPA: To grow.\n\nQ2. How?';
    const answer = { start: survey.indexOf('To grow'), end: survey.indexOf('To grow') + 8, participant: 'pa' };
    expect(view(survey, layoutUnits(survey, 'questionnaire', [answer], null))).toEqual([
      ['question', 'Q1. Why?', null, null, false],
      ['answer', 'To grow.', 'pa', 'PA', false],
      ['question', 'Q2. How?', null, null, false],
    ]);
  });

  it('cuts a long run of lines at its line breaks', () => {
    const text = Array.from({ length: 40 }, (_, i) => `Line ${i} ${'x'.repeat(40)}`).join('\n');
    expect(paragraphs(text)).toHaveLength(40);
    expect(paragraphs('short\nrun')).toEqual([{ start: 0, end: 9 }]);
  });
});
