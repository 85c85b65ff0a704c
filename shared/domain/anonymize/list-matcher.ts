/**
 * Finds the entries of the names and terms lists in a text: whole words only (`Ana` is not
 * found in `análisis`), accents and case folded (`María`, `Maria`, `MARÍA`), any run of spaces
 * between the words of a name, never across a line break. Every match is returned, overlapping
 * ones included; detect.ts keeps the longest.
 */
import { foldKey, foldText, type FoldedText } from './fold.ts';
import type { PersonEntry, TermEntry } from './lists.ts';
import type { Candidate, TermInfo } from './types.ts';

type Form = {
  tokens: string[];
  /** Separators between tokens, normalised (see normSep). */
  seps: string[];
  termKey: string;
  kind: 'name' | 'term';
  /** Parts of a name (a first name alone) match only when written with a capital (or in a script without case). */
  capitalOnly: boolean;
};

const TOKEN = /[\p{L}\p{N}]+/gu;
/** Particles of a full name that never stand for the person alone. */
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'i', 'van', 'von', 'der', 'den', 'da', 'di', 'do', 'dos', 'das', 'du', 'le', 'al', 'el', 'bin', 'ibn', 'mc', 'st']);

/** A separator as compared: white space as one space, curly apostrophes straight; null across a line break. */
function normSep(sep: string): string | null {
  if (sep.includes('\n')) return null;
  return sep.replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
}

function tokenize(folded: string): { tokens: string[]; starts: number[]; ends: number[] } {
  const tokens: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of folded.matchAll(TOKEN)) {
    tokens.push(m[0]);
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { tokens, starts, ends };
}

function formOf(text: string, termKey: string, kind: Form['kind'], capitalOnly: boolean): Form | null {
  const folded = foldText(text).text;
  const t = tokenize(folded);
  if (t.tokens.length === 0) return null;
  // A lone letter ("J") would match every initial in the corpus.
  if (t.tokens.length === 1 && t.tokens[0]!.length < 2) return null;
  const seps: string[] = [];
  for (let i = 1; i < t.tokens.length; i++) seps.push(normSep(folded.slice(t.ends[i - 1], t.starts[i])) ?? ' ');
  return { tokens: t.tokens, seps, termKey, kind, capitalOnly };
}

export const personKey = (p: PersonEntry): string => `person:${foldKey(p.name)}`;
export const termKey = (t: TermEntry): string => `term:${foldKey(t.term)}`;

/**
 * The forms to look for, and what each term is. People merge when their names fold alike or
 * they name the same participant. A name's single words (a first name alone, a surname) are
 * and runs of them are looked for too, unless two people share one: then it stands for
 * neither and is proposed under its own term, so the researcher sees the ambiguity.
 */
export function buildForms(people: readonly PersonEntry[], terms: readonly TermEntry[]): { forms: Form[]; infos: Map<string, TermInfo> } {
  const infos = new Map<string, TermInfo>();
  const merged = new Map<string, PersonEntry>();
  const byLabel = new Map<string, string>();
  for (const p of people) {
    const labelKey = p.participantLabel ? foldKey(p.participantLabel) : null;
    const key = (labelKey && byLabel.get(labelKey)) ?? personKey(p);
    const prev = merged.get(key);
    if (prev) {
      merged.set(key, { ...prev, aliases: [...prev.aliases, ...(foldKey(p.name) === foldKey(prev.name) ? [] : [p.name]), ...p.aliases], participantLabel: prev.participantLabel ?? p.participantLabel });
    } else merged.set(key, p);
    if (labelKey) byLabel.set(labelKey, key);
  }
  const forms: Form[] = [];
  const explicit = new Set<string>();
  let order = 0;
  for (const [key, p] of merged) {
    infos.set(key, { key, kind: 'name', label: p.name, participantLabel: p.participantLabel, category: null, order: order++ });
    for (const name of [p.name, ...p.aliases]) {
      const f = formOf(name, key, 'name', false);
      if (f && !explicit.has(f.tokens.join(' '))) {
        explicit.add(f.tokens.join(' '));
        forms.push(f);
      }
    }
  }
  // Parts of full names (a first name alone, "María José" of "María José López", a surname),
  // with the people each could stand for.
  const parts = new Map<string, { original: string; tokens: string[]; seps: string[]; keys: Set<string> }>();
  for (const [key, p] of merged) {
    const folded = foldText(p.name);
    const t = tokenize(folded.text);
    for (let from = 0; from < t.tokens.length; from++) {
      for (let to = from + 1; to <= t.tokens.length; to++) {
        if (to - from === t.tokens.length) continue;
        const tokens = t.tokens.slice(from, to);
        if (tokens.every((tok) => PARTICLES.has(tok)) || PARTICLES.has(tokens[0]!) || PARTICLES.has(tokens[tokens.length - 1]!)) continue;
        if (tokens.length === 1 && tokens[0]!.length < 2) continue;
        const id = tokens.join(' ');
        if (explicit.has(id)) continue;
        const seps = tokens.slice(1).map((_, i) => normSep(folded.text.slice(t.ends[from + i], t.starts[from + i + 1])) ?? ' ');
        const original = p.name.slice(folded.origin[t.starts[from]!], folded.origin[t.ends[to - 1]!]);
        const part = parts.get(id) ?? { original, tokens, seps, keys: new Set<string>() };
        part.keys.add(key);
        parts.set(id, part);
      }
    }
  }
  for (const [id, part] of parts) {
    let termKey = [...part.keys][0]!;
    if (part.keys.size > 1) {
      termKey = `person-shared:${id}`;
      infos.set(termKey, { key: termKey, kind: 'name', label: `${part.original} (${part.keys.size} people in the names list)`, participantLabel: null, category: null, order: order++ });
    }
    forms.push({ tokens: part.tokens, seps: part.seps, termKey, kind: 'name', capitalOnly: true });
  }
  for (const t of terms) {
    const key = termKey(t);
    if (!infos.has(key)) infos.set(key, { key, kind: 'term', label: t.term, participantLabel: null, category: t.category, order: order++ });
    const f = formOf(t.term, key, 'term', false);
    if (f && !explicit.has(f.tokens.join(' '))) {
      explicit.add(f.tokens.join(' '));
      forms.push(f);
    }
  }
  return { forms, infos };
}

/** Written as a name: a capital (or titlecase) letter, or a letter of a script without case (Arabic, Hebrew, Devanagari, CJK …), where no capital can tell a name from a word. */
const isCapital = (text: string, at: number): boolean => !/\p{Ll}/u.test(String.fromCodePoint(text.codePointAt(at) ?? 0x61));

export class ListMatcher {
  private readonly byFirst = new Map<string, Form[]>();

  constructor(forms: readonly Form[]) {
    for (const f of forms) {
      const list = this.byFirst.get(f.tokens[0]!) ?? [];
      list.push(f);
      this.byFirst.set(f.tokens[0]!, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  }

  get empty(): boolean {
    return this.byFirst.size === 0;
  }

  find(text: string, folded: FoldedText = foldText(text)): Candidate[] {
    if (this.empty) return [];
    const { tokens, starts, ends } = tokenize(folded.text);
    const out: Candidate[] = [];
    const sepAt = (i: number) => normSep(folded.text.slice(ends[i], starts[i + 1]));
    for (let i = 0; i < tokens.length; i++) {
      const forms = this.byFirst.get(tokens[i]!);
      if (!forms) continue;
      for (const f of forms) {
        const n = f.tokens.length;
        if (i + n > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k++) ok = tokens[i + k] === f.tokens[k] && sepAt(i + k - 1) === f.seps[k - 1];
        if (!ok) continue;
        const start = folded.origin[starts[i]!]!;
        const end = folded.origin[ends[i + n - 1]!]!;
        if (f.capitalOnly && !isCapital(text, start)) continue;
        out.push({ start, end, kind: f.kind, termKey: f.termKey });
      }
    }
    return out;
  }
}
