import type {
  ColumnPreview,
  DocumentPreview,
  FamilyCandidate,
  ImportPreview,
  InterviewPreview,
  QuestionnairePreview,
} from '../../../../shared/domain/import-types.ts';
import type { SourceKind } from '../../../../shared/domain/types.ts';
import type { Db } from '../../db/database.ts';
import { familyCandidates, familyQuestions, familyRespondents } from '../../repositories/import-families.ts';
import { listParticipantLabels } from '../../repositories/participants.ts';
import { sourceWithText } from '../../repositories/sources.ts';
import type { ParsedSource } from '../parsers/parse-source.ts';
import type { SurveyTable } from '../parsers/survey/recognize.ts';
import { attributeNameOf, questionOf, respondentIdProblem } from './questionnaire-plan.ts';
import { columnStats, suggestColumn, suggestIdColumn, suggestSpeaker } from './suggest.ts';
import { previewUpdate } from './update-preview.ts';

const FIRST_TURNS = 12;
const FIRST_UNITS = 24;
const FIRST_ROWS = 8;
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function duplicateOf(db: Db, text: string): string | null {
  return sourceWithText(db, text) ?? null;
}

function interviewPreview(db: Db, base: { stagedId: string; name: string }, parsed: Extract<ParsedSource, { kind: 'interview' }>): InterviewPreview {
  const participants = listParticipantLabels(db);
  const tally = new Map<string, { turns: number; words: number }>();
  for (const u of parsed.units) {
    if (u.speaker === null) continue;
    const t = tally.get(u.speaker) ?? { turns: 0, words: 0 };
    t.turns++;
    t.words += parsed.text.slice(u.start, u.end).split(/\s+/).filter(Boolean).length;
    tally.set(u.speaker, t);
  }
  return {
    ...base,
    kind: 'interview',
    tool: parsed.tool ?? null,
    characters: parsed.text.length,
    duplicateOf: duplicateOf(db, parsed.text),
    speakers: [...tally].map(([speaker, t]) => ({ speaker, ...t, suggestion: suggestSpeaker(speaker, participants) })),
    turns: parsed.units.slice(0, FIRST_TURNS).map((u) => ({ speaker: u.speaker, timestampMs: u.timestampMs, text: cut(parsed.text.slice(u.start, u.end), 280) })),
    turnCount: parsed.units.filter((u) => u.kind === 'turn').length,
    unitCount: parsed.units.length,
  };
}

function documentPreview(db: Db, base: { stagedId: string; name: string }, parsed: Extract<ParsedSource, { kind: 'document' }>): DocumentPreview {
  const pages = parsed.units.filter((u) => u.kind === 'page');
  // Pages contain paragraph units; the preview lists the paragraphs with their page number.
  const shown = pages.length > 0 ? parsed.units.filter((u) => u.kind !== 'page') : parsed.units;
  return {
    ...base,
    kind: 'document',
    characters: parsed.text.length,
    duplicateOf: duplicateOf(db, parsed.text),
    units: shown.slice(0, FIRST_UNITS).map((u) => ({ kind: u.kind, page: u.page ?? null, text: cut(parsed.text.slice(u.start, u.end), 280) })),
    unitCount: shown.length,
    pageCount: parsed.pageCount ?? null,
  };
}

/** Empty or repeated ids in the chosen column, said as the import would say it. */
function idProblem(table: SurveyTable, index: number, name: string): string | null {
  const first = new Map<string, number>();
  const at = (row: number) => `${name}, row ${row}, column "${table.header[index]}"`;
  for (const [r, cells] of table.rows.entries()) {
    const row = table.rowNumbers[r] ?? r + 2;
    const id = (cells[index] ?? '').trim();
    const problem = respondentIdProblem(id);
    if (problem !== null) return `${at(row)}: ${problem}`;
    const earlier = first.get(id.toLowerCase());
    if (earlier !== undefined) return `${at(row)}: respondent id "${id}" already appears in row ${earlier}`;
    first.set(id.toLowerCase(), row);
  }
  return null;
}

/**
 * The questionnaire a later export most likely belongs to: most of its columns seen before.
 * For a survey tool's export that is not enough (every Qualtrics survey has a Q1 and a
 * StartDate): the family must also know some of its respondents, or ask the questions it
 * shares with the file in the same words.
 */
function suggestFamily(db: Db, table: SurveyTable, families: FamilyCandidate[], idIndex: number): FamilyCandidate | undefined {
  if (!table.survey) return families.find((f) => f.matchingColumns >= Math.max(2, Math.ceil(table.header.length * 0.6)));
  const questions = table.columns.filter((c) => c.origin === 'question' || c.origin === 'embedded');
  const need = Math.max(1, Math.ceil(questions.length * 0.6));
  const ids = idIndex < 0 ? [] : table.rows.map((r) => (r[idIndex] ?? '').trim().toLowerCase());
  return families.find((f) => {
    const known = new Set([...familyQuestions(db, f.familyId).map((q) => q.header), ...(f.mapping?.columns ?? []).map((c) => c.column)].map((h) => h.toLowerCase()));
    if (questions.filter((c) => known.has(c.key.toLowerCase())).length < need) return false;
    const respondents = familyRespondents(db, f.familyId);
    if (ids.some((id) => respondents.has(id))) return true;
    // No respondent in common (a fresh export window): every question both have must read the same.
    const texts = new Map(questions.map((c, i) => [c.key.toLowerCase(), questionOf(c, i + 1).text]));
    const shared = familyQuestions(db, f.familyId).filter((q) => texts.has(q.header.toLowerCase()));
    return shared.length > 0 && shared.every((q) => texts.get(q.header.toLowerCase()) === q.text);
  });
}

function questionnairePreview(
  db: Db,
  base: { stagedId: string; name: string },
  table: SurveyTable,
  ask: { idColumn?: string | undefined; familyId?: number | null | undefined },
): QuestionnairePreview {
  const families = familyCandidates(db, table.header);
  const indexOf = (column: string | null | undefined) => (column ? table.header.findIndex((h) => h.toLowerCase() === column.toLowerCase()) : -1);
  const guessedId = suggestIdColumn(table.columns, table.rows);
  const suggested = suggestFamily(db, table, families, indexOf(ask.idColumn ?? guessedId));
  const familyId = ask.familyId === undefined ? (suggested?.familyId ?? null) : ask.familyId;
  const family = families.find((f) => f.familyId === familyId) ?? null;
  const questions = new Map(familyId === null ? [] : familyQuestions(db, familyId).map((q) => [q.header.toLowerCase(), q]));
  const remembered = new Map((family?.mapping?.columns ?? []).map((c) => [c.column.toLowerCase(), c]));
  const suggestedIdColumn = (family?.mapping && table.header.find((h) => h.toLowerCase() === family.mapping!.idColumn.toLowerCase())) || guessedId;
  const columns: ColumnPreview[] = table.header.map((column, i) => {
    const values = table.rows.map((r) => r[i] ?? '');
    const stats = columnStats(values);
    const q = questions.get(column.toLowerCase());
    const again = remembered.get(column.toLowerCase());
    const meaning = table.columns[i]!;
    return {
      column,
      suggestion: again ? { ...again, column } : q ? { column, role: 'answer', sectionCodeId: q.sectionCodeId } : suggestColumn(meaning, values, table.survey !== null),
      meaning,
      attributeName: attributeNameOf(meaning),
      filled: stats.filled,
      distinct: stats.distinct,
      samples: [...new Set(values.map((v) => v.trim()).filter(Boolean))].slice(0, 3).map((v) => cut(v, 60)),
      existingQuestion: q ? { key: q.key, text: q.text, sectionCodeId: q.sectionCodeId } : null,
    };
  });
  const idColumn = ask.idColumn ?? suggestedIdColumn ?? null;
  const idIndex = indexOf(idColumn);
  let known = 0;
  if (idIndex >= 0) {
    const mapped = familyId === null ? new Map<string, number>() : familyRespondents(db, familyId);
    const labels = new Set(listParticipantLabels(db).map((p) => p.label.toLowerCase()));
    known = table.rows.filter((r) => {
      const id = (r[idIndex] ?? '').trim().toLowerCase();
      return mapped.has(id) || labels.has(id);
    }).length;
  }
  const problem = idIndex >= 0 ? idProblem(table, idIndex, base.name) : idColumn === null ? null : `${base.name} has no column "${idColumn}"`;
  return {
    ...base,
    kind: 'questionnaire',
    characters: 0,
    duplicateOf: null,
    survey: table.survey,
    header: table.header,
    rows: table.rows.slice(0, FIRST_ROWS).map((r) => r.map((c) => cut(c, 120))),
    rowCount: table.rows.length,
    columns,
    suggestedIdColumn,
    families,
    suggestedFamilyId: suggested?.familyId ?? null,
    respondents: { idColumn: idIndex >= 0 ? table.header[idIndex]! : null, total: table.rows.length, known, problem },
    update: familyId !== null && idIndex >= 0 && problem === null ? previewUpdate(db, familyId, table, idIndex) : null,
  };
}

/** What importing a parsed file would bring in, before anything is written. */
export function buildPreview(
  db: Db,
  stagedId: string,
  name: string,
  parsed: ParsedSource,
  ask: { kind: SourceKind; idColumn?: string | undefined; familyId?: number | null | undefined },
): ImportPreview {
  const base = { stagedId, name };
  if (parsed.kind === 'interview') return interviewPreview(db, base, parsed);
  if (parsed.kind === 'document') return documentPreview(db, base, parsed);
  return questionnairePreview(db, base, parsed.table, ask);
}
