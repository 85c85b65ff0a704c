/**
 * Rewrites a working copy of a project into its pseudonymized copy, in one transaction on the
 * copy (the original is never opened for writing): texts rewritten and every anchor moved,
 * quotes rebuilt, participants reduced to labels, every other text column rewritten term by
 * term, undo history and the review dropped, the audit log's details rewritten and its chain
 * recomputed, the search index rebuilt, then the report, an `anonymize` entry and a seal.
 */
import { randomBytes } from 'node:crypto';
import type { AnonymizationReport } from '../../../shared/domain/anonymize/api-types.ts';
import { moveSpan } from '../../../shared/domain/anonymize/replace.ts';
import type { Decisions } from '../../../shared/domain/anonymize/review.ts';
import type { DetectionKind } from '../../../shared/domain/anonymize/types.ts';
import { htmlToPlainText } from '../../../shared/domain/html-text.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/database.ts';
import {
  blankParticipants,
  clearTables,
  codingSpans,
  insertAnonymizationReport,
  memoBodies,
  rebuildSearchIndex,
  replaceAuditLog,
  setCodingSpan,
  setMemoText,
  setSourceText,
  setTextValue,
  setUnitSpan,
  sourceRows,
  textColumns,
  textValues,
  unitSpans,
  unitTotal,
  type TextColumn,
} from '../repositories/anonymize-copy.ts';
import { allAuditRows, CHAIN_START, chainHash, chainHead } from '../repositories/audit.ts';
import { counts, getCoder, setMeta } from '../repositories/meta.ts';
import { contentHash } from '../repositories/sources.ts';
import type { DetectionRun, Pace } from './detection.ts';
import { seal } from './manifest.ts';
import { Replacer } from './sweep.ts';

/** Tables a copy holds nothing of. */
const DROPPED = ['operations', 'operation_changes', 'anonymize_settings', 'anonymize_decisions', 'anonymizations', 'exchange_guids'];
/** Times and hashes the program writes: never a name, and a date rule must not touch them. */
const MACHINE_COLUMN = /(^|_)(at|hash)$/;
/** Columns rewritten on their own terms, or emptied, rather than swept. */
const SPECIAL = new Set(['sources.text', 'codings.quote', 'memos.body', 'memos.text', 'participants.name', 'participants.description']);

/** The column and row key a field reference (`table:id:column`) names. */
function columnOf(ref: string, columns: Map<string, TextColumn>): { column: TextColumn; key: string } | null {
  const [table, id, column] = ref.split(':') as [string, string, string];
  const c = columns.get(`${table}.${column}`);
  if (!c) return null;
  if (table === 'project_meta') return { column: c, key: JSON.stringify([id]) };
  return { column: c, key: JSON.stringify(id.split('-').map(Number)) };
}

/**
 * A source imported from a file keeps only the file's kind: a file name is often a person's
 * name in another spelling (`entrevista-maria-jose.docx`) that no rule can be sure to catch.
 */
function fileOrigin(origin: string, replacer: Replacer): string {
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(origin)?.[0];
  return ext ? `[file]${ext.toLowerCase()}` : replacer.text(origin);
}

export type CopyOutcome = { report: AnonymizationReport; replacer: Replacer };

export async function writeCopy(db: Db, ctx: Ctx, run: DetectionRun, decisions: Decisions, reviewers: string[], pace: Pace): Promise<CopyOutcome> {
  const replacer = new Replacer(run, decisions);
  const columns = new Map(textColumns(db).map((c) => [`${c.table}.${c.column}`, c]));
  const handled = new Set<string>();
  const byRef = new Map(run.fields.map((f) => [f.ref, f]));
  const sources = sourceRows(db);
  const total = sources.length + run.fields.length + 4;
  let done = 0;

  // Sources: text rewritten, units and codings moved, quotes rebuilt from the new text.
  for (const s of sources) {
    const rewritten = replacer.field(`sources:${s.id}:text`, s.text);
    if (rewritten.edits.length > 0) {
      setSourceText(db, s.id, rewritten.text, contentHash(rewritten.text));
      // Units from the last to the first, so no moved unit passes through another's place.
      for (const u of unitSpans(db, s.id)) {
        const m = moveSpan(rewritten.edits, u.start, u.end);
        if (m.start !== u.start || m.end !== u.end) setUnitSpan(db, u.id, m.start, m.end);
      }
    }
    for (const c of codingSpans(db, s.id)) {
      const m = moveSpan(rewritten.edits, c.start, c.end);
      setCodingSpan(db, c.id, m.start, m.end, rewritten.text.slice(m.start, m.end));
    }
    await pace(++done, total);
  }
  // Memo bodies: text as reviewed, tags term by term; the plain text derived again.
  for (const m of memoBodies(db)) {
    const field = byRef.get(`memos:${m.id}:body`);
    const body = replacer.tags(field ? replacer.field(field.ref, field.text).text : m.body);
    setMemoText(db, m.id, body, htmlToPlainText(body));
  }
  // Every other reviewed field, as reviewed.
  for (const f of run.fields) {
    if (f.ref.startsWith('sources:') && f.ref.endsWith(':text')) continue;
    if (f.ref.startsWith('memos:') && f.ref.endsWith(':body')) continue;
    const at = columnOf(f.ref, columns);
    if (!at) continue;
    handled.add(`${at.column.table}.${at.column.column}:${at.key}`);
    const rewritten = replacer.field(f.ref, f.text);
    if (rewritten.edits.length > 0) setTextValue(db, at.column, at.key, rewritten.text);
    await pace(++done, total);
  }
  blankParticipants(db);
  clearTables(db, DROPPED);
  setMeta(db, 'exchange_seed', randomBytes(16).toString('hex'));
  setMeta(db, 'is_demo', '0');

  // Everything else a copy keeps, term by term.
  for (const c of columns.values()) {
    if (SPECIAL.has(`${c.table}.${c.column}`) || MACHINE_COLUMN.test(c.column) || c.table === 'audit_log' || DROPPED.includes(c.table)) continue;
    for (const row of textValues(db, c)) {
      if (handled.has(`${c.table}.${c.column}:${row.key}`)) continue;
      const next =
        c.table === 'sources' && c.column === 'origin'
          ? fileOrigin(row.value, replacer)
          : c.table === 'project_meta' || c.column === 'mapping'
            ? replacer.json(row.value)
            : replacer.text(row.value);
      if (next !== row.value) setTextValue(db, c, row.key, next);
    }
  }
  await pace(++done, total);

  // The audit log: details rewritten, the chain computed again over them.
  let running = CHAIN_START;
  const audit = allAuditRows(db).map((r) => {
    const detail = replacer.json(r.detail);
    const row = { ...r, detail, prevHash: running };
    running = chainHash(running, row);
    return { ...row, hash: running };
  });
  replaceAuditLog(db, audit);
  await pace(++done, total);

  rebuildSearchIndex(db);
  await pace(++done, total);

  const replaced: Partial<Record<DetectionKind, number>> = {};
  const terms: Partial<Record<DetectionKind, number>> = {};
  for (const t of replacer.replaced.values()) {
    replaced[t.kind] = (replaced[t.kind] ?? 0) + t.occurrences;
    terms[t.kind] = (terms[t.kind] ?? 0) + 1;
  }
  const n = counts(db);
  const report: AnonymizationReport = {
    at: ctx.now(),
    approvedBy: getCoder(db, ctx.coderId)?.name ?? '',
    reviewers: reviewers.map((r) => replacer.text(r)),
    rules: run.config.rules,
    lists: { people: run.config.people.length, terms: run.config.terms.length },
    replaced,
    terms,
    kept: replacer.keptCount,
    copy: { sources: n.sources, codings: n.codings, units: unitTotal(db), memos: n.memos, participants: n.participants },
    chainHead: '',
  };
  const { chainHead: _head, ...summary } = report;
  ctx.audit('anonymize', 'project', null, summary);
  seal(ctx, 'pseudonymized copy');
  report.chainHead = chainHead(db).hash;
  insertAnonymizationReport(db, report.at, ctx.coderId, JSON.stringify(report));
  await pace(++done, total);
  return { report, replacer };
}

