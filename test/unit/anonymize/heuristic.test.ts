import { describe, expect, it } from 'vitest';
import { findNameCandidates, readVocabulary } from '../../../shared/domain/anonymize/heuristic.ts';

type Span = { start: number; end: number };

/** The guessed names in a text, as surfaces, given the project's texts and the spans already found. */
function guesses(text: string, corpus: string[] = [], blocked: Span[] = []): string[] {
  return findNameCandidates(text, readVocabulary(corpus), blocked).map((c) => text.slice(c.start, c.end));
}

/** Which words the project capitalises inside sentences. */
const capitalisedInside = (...texts: string[]) => [...readVocabulary(texts).capitalisedInside].sort();

describe('reading the vocabulary of a project', () => {
  it('counts a capitalised word inside a sentence, not one opening a sentence, a line or the text', () => {
    expect(capitalisedInside('Maite agreed. Then we asked Rosa.\nLuego vino Tomás\nElena dijo: Ana no. ¡Pedro! "Inés said so"')).toEqual(['rosa', 'tomas']);
  });

  it('counts a name after a title or an initial, which is no end of a sentence', () => {
    expect(capitalisedInside('We met Dr. Okonkwo there. J. Smith came. It ended. Honestly.')).toEqual(['dr', 'okonkwo', 'smith']);
    expect(capitalisedInside('Dr. Okonkwo said so.')).toEqual(['okonkwo']);
    expect(capitalisedInside('Sra. Pérez y J. Smith')).toEqual(['perez', 'smith']);
  });

  it('counts a word after a one-letter word at the very start', () => {
    expect(capitalisedInside('y Maite vino')).toEqual(['maite']);
  });

  it('notes the words written in lower case, folded', () => {
    expect([...readVocabulary(['La Escuela de Ingeniería y la ingeniería civil']).lower].sort()).toEqual(['civil', 'de', 'ingenieria', 'la', 'y']);
  });
});

describe('capitalised-name guesses', () => {
  it('proposes a full name opening a sentence', () => {
    expect(guesses('Rosa Castillo vino ayer.')).toEqual(['Rosa Castillo']);
  });

  it('does not take a single unknown word opening a line or a quotation for a name', () => {
    expect(guesses('we talked\nHonestly yes')).toEqual([]);
    expect(guesses('"Honestly, no."')).toEqual([]);
    expect(guesses('¿Honestly?')).toEqual([]);
    expect(guesses('It ended. Honestly, no.')).toEqual([]);
  });

  it('proposes a single name after a title with a full stop, which does not open a sentence', () => {
    expect(guesses('We met Dr. Okonkwo there.')).toEqual(['Okonkwo']);
    expect(guesses('We met J. Okonkwo there.')).toEqual(['Okonkwo']);
  });

  it('drops an ordinary word opening the sentence and keeps the name after it', () => {
    expect(guesses('Yesterday Maite called.', ['I saw her yesterday.'])).toEqual(['Maite']);
    expect(guesses('Then Maite called.')).toEqual(['Maite']);
  });

  it('drops a common word at the end of a run of capitalised words', () => {
    expect(guesses('We met Rosa Castillo Monday morning.')).toEqual(['Rosa Castillo']);
  });

  it('joins names across connectors only, up to two in a row', () => {
    expect(guesses('Estudió en la Universidad de Sonora.')).toEqual(['Universidad de Sonora']);
    expect(guesses('Estudié en la Universidad de la de Sonora.')).toEqual(['Universidad', 'Sonora']);
    expect(guesses('su padre e Inés vinieron')).toEqual(['Inés']);
  });

  it('does not count connectors as the name itself: ordinary words joined by one are no name', () => {
    expect(guesses('Me gustan Ciencias e Ingeniería.', ['me gustan las ciencias y la ingeniería'])).toEqual([]);
  });

  it('joins words across spaces and no-break spaces only, not across punctuation', () => {
    expect(guesses('Luego vino Rosa  Castillo (Maite, la hermana).')).toEqual(['Rosa  Castillo', 'Maite']);
    expect(guesses('Luego vino Rosa Castillo, Maite.')).toEqual(['Rosa Castillo', 'Maite']);
  });

  it('gives one term to one name however it is spaced, and different terms to different names', () => {
    const text = 'Luego vino Rosa Castillo, luego Rosa  Castillo, luego Rosa\u00a0Castillo, luego Rosa Linda, luego Rosalinda.';
    const found = findNameCandidates(text, readVocabulary([]), []);
    expect(found.map((c) => c.kind)).toEqual(['candidate', 'candidate', 'candidate', 'candidate', 'candidate']);
    const keys = found.map((c) => c.termKey);
    expect(new Set(keys.slice(0, 3)).size).toBe(1);
    expect(new Set(keys).size).toBe(3);
  });

  it('does not guess inside what is already found, but does right before, right after and between found spans', () => {
    const text = 'Luego vino Rosa Castillo con Helena Varga y Tomás Reyes.';
    const at = (s: string): Span => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    expect(guesses(text, [], [at('Helena Varga')])).toEqual(['Rosa Castillo', 'Tomás Reyes']);
    expect(guesses(text, [], [at('Luego vino '), at(' con Helena Varga y ')])).toEqual(['Rosa Castillo', 'Tomás Reyes']);
    expect(guesses(text, [], [at('Castillo con Helena Varga')])).toEqual(['Rosa', 'Tomás Reyes']);
  });
});
