import { resolve } from 'node:path';
import type { Input, MethodName, Output } from '../../shared/api/contract.ts';
import {
  SURVEY_PLATFORM_NAMES,
  type ColumnMeaning,
  type ColumnRole,
  type ImportFileOptions,
  type ImportReport,
  type InterviewPreview,
  type QuestionnaireOptions,
  type QuestionnairePreview,
  type SpeakerAction,
  type UpdatePreview,
} from '../../shared/domain/import-types.ts';
import type { Participant } from '../../shared/domain/types.ts';
import { IMPORT_USAGE, parseImportArgs, UsageError, type ImportArgs } from './import-args.ts';

type Caller = <M extends MethodName>(method: M, input: Input<M>) => Promise<Output<M>>;
type Io = { out: (line: string) => void; err: (line: string) => void };

/** --speaker, --interviewer and --other first; otherwise what the dialog would suggest. */
function speakerAction(preview: InterviewPreview['speakers'][number], args: ImportArgs, participants: Participant[]): SpeakerAction {
  const { speaker } = preview;
  const label = args.speakers.get(speaker);
  if (label !== undefined) {
    const existing = participants.find((p) => p.label.toLowerCase() === label.toLowerCase());
    return existing ? { speaker, as: 'participant', participantId: existing.id } : { speaker, as: 'new', label };
  }
  if (args.interviewers.has(speaker)) return { speaker, as: 'interviewer' };
  if (args.others.has(speaker)) return { speaker, as: 'other' };
  return preview.suggestion;
}

/** --credit: an existing participant, by label. */
function creditedParticipant(args: ImportArgs, participants: Participant[]): Participant | null {
  if (args.credit === null) return null;
  const found = participants.find((p) => p.label.toLowerCase() === args.credit!.toLowerCase());
  if (!found) throw new UsageError(`--credit ${args.credit}: no participant has that label (create it first, or use one of ${participants.map((p) => p.label).join(', ') || 'none yet'})`);
  return found;
}

function describeSpeaker(a: SpeakerAction, participants: Participant[]): string {
  if (a.as === 'participant') return `${a.speaker} → ${participants.find((p) => p.id === a.participantId)?.label ?? a.participantId}`;
  if (a.as === 'new') return `${a.speaker} → new participant ${a.label}`;
  return `${a.speaker} → ${a.as === 'interviewer' ? 'interviewer' : 'not a participant'}`;
}

function columnRoles(p: QuestionnairePreview, idColumn: string, args: ImportArgs, sections: Map<string, number>): ColumnRole[] {
  const section = (name: string | null): number | null => {
    if (name === null) return null;
    const id = sections.get(name.toLowerCase());
    if (id === undefined) throw new UsageError(`no scheme section "${name}"; the sections are ${[...sections.keys()].join(', ')}`);
    return id;
  };
  const given = (m: Map<string, unknown> | Set<string>, column: string) => [...m.keys()].find((k) => k.toLowerCase() === column.toLowerCase());
  for (const column of [...args.answers.keys(), ...args.attributes.keys()]) {
    if (!p.header.some((h) => h.toLowerCase() === column.toLowerCase())) throw new UsageError(`${p.name} has no column "${column}" (its columns are ${p.header.map((h) => `"${h}"`).join(', ')})`);
  }
  return p.columns
    .filter((c) => c.column.toLowerCase() !== idColumn.toLowerCase())
    .map((c): ColumnRole => {
      if (!args.rolesGiven) return c.suggestion;
      const answer = given(args.answers, c.column);
      if (answer !== undefined) return { column: c.column, role: 'answer', sectionCodeId: section(args.answers.get(answer) ?? null) };
      const attribute = given(args.attributes, c.column);
      if (attribute !== undefined) return { column: c.column, role: 'attribute', type: args.attributes.get(attribute)! };
      return { column: c.column, role: 'ignore' };
    });
}

async function questionnaireOptions(call: Caller, stagedId: string, args: ImportArgs, sections: Map<string, number>, io: Io): Promise<QuestionnaireOptions> {
  const familyId = args.family === 'auto' ? undefined : args.family === 'new' ? null : args.family;
  const ask = { stagedId, kind: 'questionnaire' as const, ...(args.idColumn ? { idColumn: args.idColumn } : {}) };
  let p = (await call('import.preview', { ...ask, ...(familyId === undefined ? {} : { familyId }) })) as QuestionnairePreview;
  const chosen = familyId === undefined ? p.suggestedFamilyId : familyId;
  // Asked again for the chosen family, so its remembered roles are suggested.
  if (familyId === undefined && chosen !== null) p = (await call('import.preview', { ...ask, familyId: chosen })) as QuestionnairePreview;
  const idColumn = args.idColumn ?? p.suggestedIdColumn;
  if (!idColumn) throw new UsageError(`${p.name}: say which column holds the respondent id (--id-column)`);
  // Asked again with the id column the user gave, so the problem and the update are counted by it.
  if (args.idColumn && p.respondents.idColumn?.toLowerCase() !== args.idColumn.toLowerCase()) p = (await call('import.preview', { ...ask, familyId: chosen })) as QuestionnairePreview;
  const columns = columnRoles(p, idColumn, args, sections);
  const family = chosen === null ? { mode: 'new' as const, ...(args.name ? { name: args.name } : {}) } : { mode: 'update' as const, familyId: chosen };
  const name = chosen === null ? 'a new questionnaire' : `a later export of "${p.families.find((f) => f.familyId === chosen)?.name ?? chosen}"`;
  const meaning = new Map(p.columns.map((c) => [c.column, c]));
  const named = (c: ColumnRole) => {
    const m = meaning.get(c.column);
    const text = m && c.role === 'attribute' ? m.attributeName : m ? questionText(m.meaning) : c.column;
    return `${text === c.column ? c.column : `${c.column} “${text}”`}${c.type ? ` (${c.type})` : ''}`;
  };
  const list = (role: ColumnRole['role']) => columns.filter((c) => c.role === role).map(named).join('; ') || 'none';
  if (!args.json) {
    if (p.survey) {
      io.out(`${p.name}: ${SURVEY_PLATFORM_NAMES[p.survey.platform]} export (${p.survey.layout}); ${p.survey.headerRows} header row${p.survey.headerRows === 1 ? '' : 's'}, ${p.rowCount} respondents`);
      for (const note of p.survey.notes) io.out(`  ${note}`);
    }
    io.out(`${p.name}: ${name}; respondent id "${idColumn}"; answers: ${list('answer')}; attributes: ${list('attribute')}`);
    if (p.update) io.out(`${p.name}: ${describeUpdate(p.update)}`);
  }
  const identifying = [idColumn, ...columns.filter((c) => c.role !== 'ignore').map((c) => c.column)].flatMap((c) => {
    const why = meaning.get(c)?.meaning.identifying;
    return why ? [`"${c}" (${why})`] : [];
  });
  if (identifying.length > 0) io.err(`${p.name}: warning: ${identifying.join(', ')} can identify a person and will be stored in the project; leave ${identifying.length === 1 ? 'it' : 'them'} out with --ignore unless you need ${identifying.length === 1 ? 'it' : 'them'}`);
  return { idColumn, columns, family };
}

const questionText = (m: ColumnMeaning) => (m.option ? `${m.question} — ${m.option}` : m.question);

function describeUpdate(u: UpdatePreview): string {
  const changed = u.answersChanged > 0 ? `, ${u.answersChanged} changed (the first version is kept, it may be coded: ${u.changed.map((c) => `${c.respondent}/${c.question}`).join(', ')}${u.answersChanged > u.changed.length ? ', …' : ''})` : '';
  return `${u.respondentsAdded} new respondents, ${u.respondentsKnown} already imported; answers to known questions: ${u.answersAdded} new, ${u.answersUnchanged} unchanged${changed}`;
}

function printReport(report: ImportReport, io: Io): void {
  io.out(`Imported ${report.files.length} file${report.files.length === 1 ? '' : 's'}:`);
  for (const f of report.files) {
    const q = f.questionnaire;
    if (!q) {
      const size = f.speakers ? `${f.turns} turns by ${f.speakers} speakers` : `${f.units} units`;
      io.out(`  ${f.name} → ${f.kind} "${f.sourceName}", ${size}`);
      continue;
    }
    const parts = [`${q.answersAdded} answers added`, `${q.newRespondents.length} new respondents`];
    if (q.answersAlreadyImported) parts.push(`${q.answersAlreadyImported} answers already imported`);
    if (q.answersChanged.length) parts.push(`${q.answersChanged.length} changed answers kept as first imported (${q.answersChanged.map((c) => `${c.respondent}/${c.question}`).join(', ')})`);
    if (q.emptyAnswersSkipped) parts.push(`${q.emptyAnswersSkipped} empty answers skipped`);
    if (q.attributeValuesChanged) parts.push(`${q.attributeValuesChanged} attribute values changed`);
    io.out(`  ${f.name} → ${f.sourceId === null ? `nothing new for "${q.familyName}"` : `questionnaire "${f.sourceName}"`}: ${parts.join('; ')}`);
  }
  if (report.participantsCreated.length) io.out(`Participants created: ${report.participantsCreated.map((p) => p.label).join(', ')}`);
}

/** A file the import refused: its message (file, row, column), and that the project is unchanged. */
function failed(error: unknown, io: Io): number {
  io.err(`${error instanceof Error ? error.message : String(error)}\nNothing was imported.`);
  return 1;
}

/** `marginalia import`: stage by path, map as told or as suggested, import in one step. */
export async function runImportCommand(argv: readonly string[], call: Caller, io: Io): Promise<number> {
  let args: ImportArgs;
  try {
    args = parseImportArgs(argv);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${IMPORT_USAGE}`);
    return 2;
  }
  const staged = await call('import.stage', { files: args.files.map((f) => ({ path: resolve(f), ...(args.kind ? { kind: args.kind } : {}) })) });
  const bad = staged.filter((s) => s.error !== null);
  if (bad.length > 0) {
    for (const s of bad) io.err(s.error!);
    io.err('Nothing was imported.');
    return 1;
  }
  const participants = await call('participants.list', {});
  const sections = new Map((await call('codes.list', {})).filter((c) => c.parentId === null).map((c) => [c.name.toLowerCase(), c.id]));
  const files: ImportFileOptions[] = [];
  try {
    for (const s of staged) {
      const kind = args.kind ?? s.suggestedKind!;
      const name = args.name && staged.length === 1 ? { name: args.name } : {};
      if (kind === 'questionnaire') {
        files.push({ stagedId: s.stagedId, kind, ...name, questionnaire: await questionnaireOptions(call, s.stagedId, args, sections, io) });
      } else if (kind === 'interview') {
        const p = (await call('import.preview', { stagedId: s.stagedId, kind })) as InterviewPreview;
        const speakers = p.speakers.map((sp) => speakerAction(sp, args, participants));
        const credit = p.speakers.length === 0 ? creditedParticipant(args, participants) : null;
        if (!args.json) {
          const tool = p.tool ? ` — ${p.tool}` : '';
          const none = credit ? `no speaker names; the text is credited to ${credit.label}` : 'no speaker names: the text is imported as paragraphs credited to nobody (give it to a participant with --credit LABEL)';
          io.out(`${s.name}: interview${tool}; ${speakers.map((a) => describeSpeaker(a, participants)).join('; ') || none}`);
        }
        files.push({ stagedId: s.stagedId, kind, ...name, interview: { speakers, ...(credit ? { unattributedParticipantId: credit.id } : {}) } });
      } else {
        if (!args.json) io.out(`${s.name}: document`);
        files.push({ stagedId: s.stagedId, kind, ...name });
      }
    }
  } catch (error) {
    if (!(error instanceof UsageError)) return failed(error, io);
    io.err(`${error.message}\nNothing was imported.`);
    return 2;
  }
  let report: ImportReport;
  try {
    report = await call('import.run', { files });
  } catch (error) {
    return failed(error, io);
  }
  if (args.json) io.out(JSON.stringify(report));
  else printReport(report, io);
  return 0;
}
