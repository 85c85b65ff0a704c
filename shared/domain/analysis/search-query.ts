import { tokenize, type Token } from './tokenize.ts';

/**
 * The search syntax: words, "exact phrases", prefixes (word*), AND / OR / NOT in capitals,
 * and parentheses. Words side by side mean AND. NOT binds tightest, then AND, then OR, as
 * in SQLite FTS5: `a OR b NOT c` is `a OR (b NOT c)`.
 */
export type QueryNode =
  | { kind: 'phrase'; words: string[]; prefix: boolean }
  | { kind: 'and' | 'or'; items: QueryNode[] }
  | { kind: 'not'; include: QueryNode; exclude: QueryNode };

export type ParseResult = { ok: true; node: QueryNode } | { ok: false; message: string };

type Lexeme = { type: 'open' | 'close' | 'and' | 'or' | 'not' } | { type: 'phrase'; text: string; prefix: boolean; quoted: boolean };

function lex(input: string): Lexeme[] | string {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) i++;
    else if (ch === '(') { out.push({ type: 'open' }); i++; }
    else if (ch === ')') { out.push({ type: 'close' }); i++; }
    else if (ch === '"' || ch === '“' || ch === '”') {
      const close = input.slice(i + 1).search(/["“”]/);
      if (close < 0) return 'a quoted phrase is missing its closing quote';
      const text = input.slice(i + 1, i + 1 + close);
      i += close + 2;
      const prefix = input[i] === '*';
      if (prefix) i++;
      out.push({ type: 'phrase', text: text.trim().replace(/\*$/, ''), prefix: prefix || /\*\s*$/.test(text), quoted: true });
    } else {
      const m = /^[^\s()"“”]+/.exec(input.slice(i))!;
      const word = m[0];
      i += word.length;
      if (word === 'AND') out.push({ type: 'and' });
      else if (word === 'OR') out.push({ type: 'or' });
      else if (word === 'NOT') out.push({ type: 'not' });
      else out.push({ type: 'phrase', text: word.replace(/\*+$/, ''), prefix: word.endsWith('*'), quoted: false });
    }
  }
  return out;
}

/** Parses the user's query; a bad query comes back with a message saying what is wrong. */
export function parseQuery(input: string): ParseResult {
  const lexed = lex(input);
  if (typeof lexed === 'string') return { ok: false, message: lexed };
  if (lexed.length === 0) return { ok: false, message: 'type a word or a "phrase" to search for' };
  let pos = 0;
  const peek = () => lexed[pos];
  const fail = (message: string): never => {
    throw new SyntaxError(message);
  };
  const primary = (): QueryNode => {
    const t = lexed[pos++];
    if (!t) return fail('the query ends too early: something should follow the last operator');
    if (t.type === 'open') {
      const node = or();
      if (peek()?.type !== 'close') fail('a parenthesis is not closed');
      pos++;
      return node;
    }
    if (t.type === 'phrase') {
      const words = tokenize(t.text).map((w) => w.word);
      if (words.length === 0) fail(`“${t.text || '*'}” has no letters or digits to search for`);
      return { kind: 'phrase', words, prefix: t.prefix };
    }
    if (t.type === 'close') return fail('there is a closing parenthesis without an opening one');
    return fail(`${t.type.toUpperCase()} needs a word before it, e.g. credential ${t.type === 'not' ? 'NOT badge' : `${t.type.toUpperCase()} badge`}`);
  };
  const not = (): QueryNode => {
    let node = primary();
    while (peek()?.type === 'not') {
      pos++;
      node = { kind: 'not', include: node, exclude: primary() };
    }
    return node;
  };
  const and = (): QueryNode => {
    const items = [not()];
    for (;;) {
      const t = peek();
      if (!t || t.type === 'or' || t.type === 'close') break;
      if (t.type === 'and') pos++;
      // "a AND NOT b" reads as "a NOT b".
      if (peek()?.type === 'not') {
        pos++;
        items.push({ kind: 'not', include: items.pop()!, exclude: primary() });
        continue;
      }
      items.push(not());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  };
  const or = (): QueryNode => {
    const items = [and()];
    while (peek()?.type === 'or') {
      pos++;
      items.push(and());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  };
  try {
    const node = or();
    if (pos < lexed.length) fail('there is a closing parenthesis without an opening one');
    return { ok: true, node };
  } catch (err) {
    if (err instanceof SyntaxError) return { ok: false, message: err.message };
    throw err;
  }
}

/**
 * The FTS5 MATCH expression that finds every source that could hold a hit. NOT is left out:
 * a source that mentions the excluded word may still have a unit without it, and units are
 * checked one by one afterwards. Words are quoted, so no input can inject FTS syntax.
 */
export function toFtsMatch(node: QueryNode): string {
  switch (node.kind) {
    case 'phrase':
      return `"${node.words.join(' ')}"${node.prefix ? ' *' : ''}`;
    case 'and':
      return node.items.map((n) => `(${toFtsMatch(n)})`).join(' AND ');
    case 'or':
      return node.items.map((n) => `(${toFtsMatch(n)})`).join(' OR ');
    case 'not':
      return toFtsMatch(node.include);
  }
}

export type Span = { start: number; end: number };

function phraseSpans(tokens: readonly Token[], words: readonly string[], prefix: boolean): Span[] {
  const out: Span[] = [];
  const n = words.length;
  for (let i = 0; i + n <= tokens.length; i++) {
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const w = tokens[i + k]!.word;
      ok = prefix && k === n - 1 ? w.startsWith(words[k]!) : w === words[k];
    }
    if (ok) out.push({ start: tokens[i]!.start, end: tokens[i + n - 1]!.end });
  }
  return out;
}

/**
 * Where the query matches in one unit's tokens: the spans of the words that make it match,
 * or null when the unit does not match. Spans are sorted and do not overlap.
 */
export function matchUnit(node: QueryNode, tokens: readonly Token[]): Span[] | null {
  const eval_ = (n: QueryNode): Span[] | null => {
    switch (n.kind) {
      case 'phrase': {
        const spans = phraseSpans(tokens, n.words, n.prefix);
        return spans.length > 0 ? spans : null;
      }
      case 'and': {
        const parts = n.items.map(eval_).filter((p): p is Span[] => p !== null);
        return parts.length === n.items.length ? parts.flat() : null;
      }
      case 'or': {
        const parts = n.items.map(eval_).filter((p): p is Span[] => p !== null);
        return parts.length > 0 ? parts.flat() : null;
      }
      case 'not':
        return eval_(n.exclude) === null ? eval_(n.include) : null;
    }
  };
  const spans = eval_(node);
  if (!spans) return null;
  const sorted = spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Whether the query can match anything at all (a query of only NOTs cannot). */
export const hasPositiveTerm = (node: QueryNode): boolean =>
  node.kind === 'phrase' || (node.kind === 'not' ? hasPositiveTerm(node.include) : node.items.some(hasPositiveTerm));

