/**
 * Names the lists miss: runs of capitalised words ("Rosa Elena Castillo", "Universidad de
 * Sonora", "Dr Okonkwo's team") in English and Spanish. A guess, so it errs towards proposing
 * and the researcher rejects what is not a name. A word that also appears in lower case
 * somewhere in the project is an ordinary word ("Engineering" beside "engineering"); a
 * capitalised word that opens a sentence counts only if it is never written in lower case.
 */
import { fold } from './fold.ts';
import type { Candidate } from './types.ts';

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’-]*\p{Ll}/u;
/** Lower-case words that may sit inside a name: "Universidad de Sonora", "School of Law". */
const CONNECTORS = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'of', 'the', 'for', 'and', 'van', 'von', 'der', 'da', 'di', 'du', 'le', 'el', 'al']);
/** Capitalised words that are not names, in English and Spanish (folded). */
const COMMON = new Set(
  (
    'i im ive id ill the a an and but or if so as at in on to of by for from with we they he she it you my our your his her their this that these those ' +
    'what when where why how who which yes no not well also then there here now okay ok mr mrs ms dr prof professor sir madam dear hi hello thanks thank ' +
    'monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays january february march april may june july august september october november december ' +
    'english spanish european american british french german latin international national interviewer interviewee participant question answer ' +
    'el la los las un una unos unas y o pero si sí no yo tu tú él ella ellos ellas nosotros nosotras usted ustedes mi mis su sus este esta estos estas eso esto ese esa ' +
    'que qué cuando cuándo donde dónde como cómo por para con sin en de del al lo le se es son fue era hay muy más bueno bien pues entonces también ' +
    'sr sra srta dra don doña lunes martes miércoles jueves viernes sábado domingo entrevistador entrevistadora entrevistado entrevistada pregunta respuesta'
  ).split(' ').map((w) => fold(w)),
);

/** What the whole project says about its words (folded): which are written in lower case somewhere, which capitalised inside a sentence. */
export type Vocabulary = { lower: ReadonlySet<string>; capitalisedInside: ReadonlySet<string> };

export function readVocabulary(texts: Iterable<string>): Vocabulary {
  const lower = new Set<string>();
  const capitalisedInside = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(WORD)) {
      const first = m[0][0]!;
      if (first !== first.toUpperCase()) lower.add(fold(m[0]));
      else if (CAPITALISED.test(m[0]) && !opensSentence(text, m.index)) capitalisedInside.add(fold(m[0]));
    }
  }
  return { lower, capitalisedInside };
}

/** True when the word at `at` opens a sentence, a line or the text (quotes and brackets skipped). */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[\s"'“‘«(¿¡[—–-]/u.test(text[i]!)) {
    if (text[i] === '\n') return true;
    i--;
  }
  if (i < 0) return true;
  // "Dr. Okonkwo", "Sra. Pérez", "J. Smith": a title or an initial, not the end of a sentence.
  if (text[i] === '.') {
    const before = text.slice(Math.max(0, i - 6), i);
    return !(TITLE_BEFORE.test(before.toLowerCase()) || INITIAL_BEFORE.test(before));
  }
  return /[!?:;…]/u.test(text[i]!);
}

const TITLE_BEFORE = /(?:^|[^\p{L}])(?:dr|dra|mr|mrs|ms|sr|sra|srta|prof|profa|lic|ing|st)$/u;
const INITIAL_BEFORE = /(?:^|[^\p{L}])\p{Lu}$/u;

type Word = { start: number; end: number; text: string };

/** Capitalised-name candidates outside `blocked` spans (what the lists and patterns already found). */
export function findNameCandidates(text: string, vocabulary: Vocabulary, blocked: readonly { start: number; end: number }[]): Candidate[] {
  const isBlocked = (w: Word) => blocked.some((b) => b.start < w.end && w.start < b.end);
  const out: Candidate[] = [];
  let run: Word[] = [];
  let pendingConnectors: Word[] = [];
  const flush = () => {
    // A word opening a sentence is dropped when it is ordinary; the rest must hold one word
    // that is neither common nor seen in lower case.
    const first = run[0];
    const atSentenceStart = first !== undefined && opensSentence(text, first.start);
    if (atSentenceStart) {
      const f = fold(first.text);
      if (COMMON.has(f) || vocabulary.lower.has(f)) run.shift();
    }
    while (run.length > 0 && COMMON.has(fold(run[0]!.text))) run.shift();
    while (run.length > 0 && COMMON.has(fold(run[run.length - 1]!.text))) run.pop();
    const words = run.filter((w) => CAPITALISED.test(w.text));
    // One word opening a sentence ("Honestly, …") is a name only if it is capitalised inside sentences too.
    const lone = words.length === 1 && run[0] === first && atSentenceStart && !vocabulary.capitalisedInside.has(fold(first.text));
    if (!lone && words.some((w) => !COMMON.has(fold(w.text)) && !vocabulary.lower.has(fold(w.text)))) {
      const start = run[0]!.start;
      const end = run[run.length - 1]!.end;
      const phrase = text.slice(start, end);
      out.push({ start, end, kind: 'candidate', termKey: `candidate:${fold(phrase).replace(/\s+/g, ' ')}` });
    }
    run = [];
    pendingConnectors = [];
  };
  let prevEnd = -1;
  for (const m of text.matchAll(WORD)) {
    const w: Word = { start: m.index, end: m.index + m[0].length, text: m[0] };
    const gap = prevEnd < 0 ? '' : text.slice(prevEnd, w.start);
    prevEnd = w.end;
    const joined = run.length > 0 && /^[ \u00a0]+$/.test(gap);
    if (!joined) flush();
    if (isBlocked(w)) {
      flush();
      continue;
    }
    if (CAPITALISED.test(w.text)) {
      run.push(...pendingConnectors, w);
      pendingConnectors = [];
    } else if (run.length > 0 && CONNECTORS.has(w.text.toLowerCase()) && pendingConnectors.length < 2) {
      pendingConnectors.push(w);
    } else flush();
  }
  flush();
  return out;
}
