/**
 * What a questionnaire's columns become in the project: a question's key and text, an
 * attribute's name (at most 80 characters, its option kept), an answer's codable text, and an
 * attribute's stored value or the reason a cell cannot be one (questionnaire-plan.ts).
 */
import { describe, expect, it } from 'vitest';
import { column } from '../../../electron/backend/import/parsers/survey/columns.ts';
import { answerText, attributeNameOf, attributeValue, questionKeyAndText } from '../../../electron/backend/import/pipeline/questionnaire-plan.ts';

describe('question keys from headers', () => {
  it('takes the number a header starts with as the key, in the forms survey tools and people write', () => {
    expect(questionKeyAndText('Q3. Why did you enrol?', 7)).toEqual({ key: 'Q3', text: 'Why did you enrol?' });
    expect(questionKeyAndText('3) Why did you enrol?', 7)).toEqual({ key: 'Q3', text: 'Why did you enrol?' });
    expect(questionKeyAndText('q12a: What changed?  ', 7)).toEqual({ key: 'Q12A', text: 'What changed?' });
  });

  it('does not take a number the question starts with for its key', () => {
    for (const header of ['3.5 hours a week: enough?', '10:30 start: too early?', '360-degree feedback: useful?', '2–3 sessions a week?']) {
      expect(questionKeyAndText(header, 6)).toEqual({ key: 'Q6', text: header });
    }
    expect(questionKeyAndText('Q7 – How often?', 1)).toEqual({ key: 'Q7', text: 'How often?' });
    expect(questionKeyAndText('7 - How often?', 1)).toEqual({ key: 'Q7', text: 'How often?' });
    expect(questionKeyAndText('7)How often?', 1)).toEqual({ key: 'Q7', text: 'How often?' });
  });

  it('numbers a header without a key by its position, its text trimmed', () => {
    expect(questionKeyAndText('  What would you change?  ', 4)).toEqual({ key: 'Q4', text: 'What would you change?' });
  });
});

describe('attribute names', () => {
  const NAME_LIMIT = 80;

  it('keeps a short question and its option as they are', () => {
    expect(attributeNameOf(column('Age group'))).toBe('Age group');
    expect(attributeNameOf(column('Which formats?', { option: 'Workshop' }))).toBe('Which formats? [Workshop]');
  });

  it('shortens a long question to fit, keeping its option whole', () => {
    const question = 'How satisfied were you with each of the following parts of the micro-credential you took last year?';
    const name = attributeNameOf(column(question, { option: 'Assessment' }));
    expect(name).toHaveLength(NAME_LIMIT);
    expect(name).toBe(`${question.slice(0, NAME_LIMIT - ' [Assessment]'.length - 1)}… [Assessment]`);
  });

  it('does not leave a space before the ellipsis', () => {
    // With " [Other]" kept, 71 characters of the question fit: the cut falls right after "the ".
    const question = `${'x'.repeat(66)} the rest of a long question`;
    expect(attributeNameOf(column(question, { option: 'Other' }))).toBe(`${'x'.repeat(66)} the… [Other]`);
  });

  it('shortens the whole name when the option alone would take more than half of it', () => {
    const option = 'I would rather not say, or none of the options above describes my situation';
    const name = attributeNameOf(column('What is your current employment status?', { option }));
    expect(name).toHaveLength(NAME_LIMIT);
    expect(name).toBe(`${`What is your current employment status? [${option}]`.slice(0, NAME_LIMIT - 1)}…`);
  });

  it('keeps a name of exactly the limit whole', () => {
    const question = 'q'.repeat(NAME_LIMIT);
    expect(attributeNameOf(column(question))).toBe(question);
    expect(attributeNameOf(column(`${question}!`))).toBe(`${'q'.repeat(NAME_LIMIT - 1)}…`);
  });
});

describe('answers as codable text', () => {
  it('normalises line ends, drops spaces before them, and keeps at most one blank line', () => {
    expect(answerText('  The badge mattered.  \r\nMy employer asked for it.\n\n\n\nThat was all.  ')).toBe('The badge mattered.\nMy employer asked for it.\n\nThat was all.');
  });
});

describe('attribute values', () => {
  it('reads numbers, a decimal comma too, and says what is not one', () => {
    expect(attributeValue(' 12 ', 'number')).toEqual({ value: '12' });
    expect(attributeValue('3,5', 'number')).toEqual({ value: '3.5' });
    expect(attributeValue('12,75', 'number')).toEqual({ value: '12.75' });
    expect(attributeValue('-2,25', 'number')).toEqual({ value: '-2.25' });
    expect(attributeValue('1,234,5', 'number')).toEqual({ problem: '"1,234,5" is not a number' });
    expect(attributeValue('about 3', 'number')).toEqual({ problem: '"about 3" is not a number' });
    expect(attributeValue('  ', 'number')).toEqual({ problem: '"" is not a number' });
  });

  it('reads numbers as spreadsheets write them, and only decimal numbers', () => {
    expect(attributeValue('.5', 'number')).toEqual({ value: '0.5' });
    expect(attributeValue('+3', 'number')).toEqual({ value: '3' });
    expect(attributeValue('1.2E+06', 'number')).toEqual({ value: '1200000' });
    for (const text of ['0x1F', '0b11', 'Infinity', '-', '.', '1.2.3', '3,', ',5']) {
      expect(attributeValue(text, 'number')).toEqual({ problem: `"${text}" is not a number` });
    }
  });

  it('reads commas that can only separate thousands, and refuses a number that could be a thousand or a decimal', () => {
    expect(attributeValue('1,000,000', 'number')).toEqual({ value: '1000000' });
    expect(attributeValue('-12,500,000', 'number')).toEqual({ value: '-12500000' });
    expect(attributeValue('1,000.5', 'number')).toEqual({ value: '1000.5' });
    expect(attributeValue('2,50', 'number')).toEqual({ value: '2.5' });
    expect(attributeValue('12,5000', 'number')).toEqual({ value: '12.5' });
    // A German 1,000 is one, an English one a thousand: neither is guessed.
    expect(attributeValue('1,000', 'number')).toEqual({ problem: '"1,000" could be 1000 or 1; write it without the comma, or with a full stop for a decimal' });
    expect(attributeValue('-2,500', 'number')).toEqual({ problem: '"-2,500" could be -2500 or -2.5; write it without the comma, or with a full stop for a decimal' });
  });

  it('reads dates written the ISO way, with or without a time, and day.month.year', () => {
    expect(attributeValue('2025-03-04', 'date')).toEqual({ value: '2025-03-04' });
    expect(attributeValue('2025-03-04 09:12', 'date')).toEqual({ value: '2025-03-04' });
    expect(attributeValue('2025-03-04T09:12:01.5+01:00', 'date')).toEqual({ value: '2025-03-04' });
    expect(attributeValue('2025-03-04T09:12:01Z', 'date')).toEqual({ value: '2025-03-04' });
    expect(attributeValue('4.3.2025', 'date')).toEqual({ value: '2025-03-04' });
    expect(attributeValue('14.11.2025', 'date')).toEqual({ value: '2025-11-14' });
  });

  it('refuses what is not a calendar day, or has more around the date, saying how to write one', () => {
    const problem = (text: string) => ({ problem: `"${text}" is not a date; write dates as YYYY-MM-DD (day.month.year is read too)` });
    for (const text of ['2025-02-30', '31.4.2025', 'Tuesday 2025-03-04', '2025-03-04 (approx.)', 'on 4.3.2025', '4.3.2025 10:00', '03/04/2025', '']) {
      expect(attributeValue(text, 'date')).toEqual(problem(text));
    }
  });

  it('keeps text up to 2000 characters', () => {
    expect(attributeValue(` ${'a'.repeat(2000)} `, 'text')).toEqual({ value: 'a'.repeat(2000) });
    expect(attributeValue('a'.repeat(2001), 'text')).toEqual({ problem: 'the value is longer than 2000 characters' });
  });
});
