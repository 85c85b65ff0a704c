import { describe, expect, it } from 'vitest';
import { forbiddenCharacter, freeText, label } from '../../../shared/api/schemas.ts';

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe('label(): a short single-line name', () => {
  const codeName = label('Code name', { max: 120 });

  it('accepts names in any script, emoji included, and trims them', () => {
    for (const name of ['Flexibility', 'Café crème', 'Ñandú', '学习成果', 'Учёба', 'تعلم', 'Growth 🌱', '👩‍🎓 Learners', 'Cost–benefit']) {
      expect(codeName.parse(name), name).toBe(name);
    }
    expect(codeName.parse('  Why  ')).toBe('Why');
  });

  it('refuses control characters, naming the field, the character and where it is', () => {
    expect(messageOf(codeName.safeParse('Why\u0000'))).toBe('Code name contains a control character (U+0000) at position 4');
    expect(messageOf(codeName.safeParse('Why\nnot'))).toBe('Code name contains a control character (U+000A, a line feed) at position 4');
    expect(messageOf(codeName.safeParse('A\tB'))).toBe('Code name contains a control character (U+0009, a tab) at position 2');
    expect(messageOf(codeName.safeParse('A\r\nB'))).toBe('Code name contains a control character (U+000D, a carriage return) at position 2');
    expect(messageOf(codeName.safeParse('Esc\u001b[31m'))).toBe('Code name contains a control character (U+001B) at position 4');
    expect(messageOf(codeName.safeParse('Del\u007f'))).toBe('Code name contains a control character (U+007F) at position 4');
    expect(messageOf(codeName.safeParse('Next\u0085line'))).toBe('Code name contains a control character (U+0085) at position 5');
    expect(messageOf(codeName.safeParse('One\u2028two'))).toBe('Code name contains a line separator (U+2028) at position 4');
  });

  it('counts positions in characters as sent, before trimming, an emoji as one', () => {
    expect(messageOf(codeName.safeParse('  ab\u0000'))).toBe('Code name contains a control character (U+0000) at position 5');
    expect(messageOf(codeName.safeParse('🌱🌱\u0000'))).toBe('Code name contains a control character (U+0000) at position 3');
  });

  it('refuses a lone surrogate, high or low, but not a pair', () => {
    expect(messageOf(codeName.safeParse('ab\ud83c'))).toBe('Code name contains a lone surrogate (U+D83C, half of a character) at position 3');
    expect(messageOf(codeName.safeParse('\udf31 leaf'))).toBe('Code name contains a lone surrogate (U+DF31, half of a character) at position 1');
    expect(messageOf(codeName.safeParse('\ud83c\ud83c\udf31'))).toBe('Code name contains a lone surrogate (U+D83C, half of a character) at position 1');
    expect(codeName.parse('\ud83c\udf31')).toBe('🌱');
  });

  it('keeps the emptiness and length rules, and allows empty only when asked', () => {
    expect(messageOf(codeName.safeParse('   '))).toBe('Code name must not be empty');
    expect(messageOf(codeName.safeParse('x'.repeat(121)))).toBe('Code name must be at most 120 characters');
    expect(label('Participant name', { allowEmpty: true }).parse('  ')).toBe('');
    expect(messageOf(label('Participant name', { allowEmpty: true }).safeParse('A\tB'))).toMatch(/^Participant name contains a control character/);
  });
});

describe('freeText(): a memo, a definition, a description', () => {
  const memo = freeText('Memo body', 1_000_000);

  it('keeps line breaks, tabs and other controls of pasted text, emoji and any script', () => {
    const text = 'First line\n\tindented\r\nthird\fpage 🌱 学习 café';
    expect(memo.parse(text)).toBe(text);
  });

  it('refuses NUL and lone surrogates, naming the field', () => {
    expect(messageOf(memo.safeParse('line one\nline\u0000two'))).toBe('Memo body contains a control character (U+0000) at position 14');
    expect(messageOf(memo.safeParse('half \ud83c'))).toBe('Memo body contains a lone surrogate (U+D83C, half of a character) at position 6');
  });

  it('says how long it may be', () => {
    expect(messageOf(freeText('Definition', 20000).safeParse('x'.repeat(20001)))).toBe('Definition must be at most 20,000 characters');
  });
});

describe('forbiddenCharacter()', () => {
  it('finds nothing in clean text and the first fault otherwise', () => {
    expect(forbiddenCharacter('Definition 🌱', 'label')).toBeNull();
    expect(forbiddenCharacter('a\tb', 'free text')).toBeNull();
    expect(forbiddenCharacter('a\tb\u0000', 'label')).toBe('a control character (U+0009, a tab) at position 2');
  });
});
