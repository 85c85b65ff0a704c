import { SURVEY_PLATFORM_NAMES, type ColumnMeaning, type ColumnRole, type QuestionnaireOptions, type QuestionnairePreview } from '../../../../shared/domain/import-types.ts';
import type { AttributeType } from '../../../../shared/domain/types.ts';
import type { Choices } from './store.ts';

const TYPES: AttributeType[] = ['category', 'text', 'number', 'date'];

type Props = {
  preview: QuestionnairePreview;
  options: { idColumn: string | null; columns: ColumnRole[]; family: QuestionnaireOptions['family'] };
  choices: Choices;
  onIdColumn: (column: string) => void;
  onFamily: (family: QuestionnaireOptions['family']) => void;
  onColumn: (role: ColumnRole) => void;
};

/** How the file's header was read: the survey tool and its header rows, or a plain table. */
function SurveyReading({ preview }: { preview: QuestionnairePreview }) {
  const { survey } = preview;
  return (
    <section className="imp-section imp-survey" aria-label="How the file was read">
      {survey ? (
        <p>
          Recognised as a <strong>{SURVEY_PLATFORM_NAMES[survey.platform]} export</strong> ({survey.layout}).{' '}
          {survey.headerRows > 1
            ? `Its ${survey.headerRows} header rows name the columns and their questions; they are not respondents.`
            : 'Its header row names the columns and their questions.'}{' '}
          Questions are shown by their text; the tool’s own records and what identifies a person are left out unless you include them.
        </p>
      ) : (
        <p>A plain table: its first row names the columns, and each row below it is one respondent.</p>
      )}
      {survey?.notes.map((note) => <p key={note} className="imp-warn">{note}</p>)}
    </section>
  );
}

/** A column as its export describes it: the question's text (and option), the column's own header below it when that differs. */
function ColumnName({ column, meaning, platform }: { column: string; meaning: ColumnMeaning; platform: string | null }) {
  const text = meaning.option ? `${meaning.question} — ${meaning.option}` : meaning.question;
  const record = meaning.origin === 'metadata' ? (platform ? `${platform} record` : 'record') : meaning.origin === 'embedded' ? 'embedded data' : null;
  return (
    <>
      <span className="imp-col-text">{text}</span>
      {(text !== column || record || meaning.identifying) && (
        <span className="imp-col-key">
          {text !== column && <code>{column}</code>}
          {record && <span>{record}</span>}
          {meaning.identifying && <span className="imp-identifying">identifies a person: {meaning.identifying}</span>}
        </span>
      )}
    </>
  );
}

/** Which questionnaire this is, the respondent id, each column's role, and the first rows. */
export function QuestionnairePanel({ preview, options, choices, onIdColumn, onFamily, onColumn }: Props) {
  const { respondents } = preview;
  const familyValue = options.family.mode === 'update' ? String(options.family.familyId) : 'new';
  const sectionName = (id: number | null) => choices.sections.find((s) => s.id === id)?.name ?? 'no section';
  const platform = preview.survey ? SURVEY_PLATFORM_NAMES[preview.survey.platform] : null;
  // The respondent id first, then the questions as the file orders them, then the tool's own records.
  const rank = (c: (typeof preview.columns)[number]) => (c.column === options.idColumn ? 0 : c.meaning.origin === 'metadata' ? 2 : 1);
  const ordered = preview.columns.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
  return (
    <>
      <SurveyReading preview={preview} />
      <div className="imp-section imp-grid">
        <label className="imp-inline">
          <span>Questionnaire</span>
          <select
            aria-label="Questionnaire"
            value={familyValue}
            onChange={(e) => onFamily(e.target.value === 'new' ? { mode: 'new' } : { mode: 'update', familyId: Number(e.target.value) })}
          >
            <option value="new">A new questionnaire</option>
            {preview.families.map((f) => (
              <option key={f.familyId} value={f.familyId}>
                Later export of “{f.name}” ({f.matchingColumns} of {preview.header.length} columns match)
              </option>
            ))}
          </select>
        </label>
        <label className="imp-inline">
          <span>Respondent id</span>
          <select aria-label="Respondent id column" value={options.idColumn ?? ''} onChange={(e) => onIdColumn(e.target.value)}>
            {options.idColumn === null && <option value="">Choose a column…</option>}
            {preview.columns.map((c) => <option key={c.column} value={c.column}>{c.meaning.question !== c.column ? `${c.column} — ${c.meaning.question}` : c.column}</option>)}
          </select>
        </label>
        <p className={`imp-note${respondents.problem ? ' imp-problem' : ''}`} role={respondents.problem ? 'alert' : undefined}>
          {respondents.problem ??
            `${respondents.total} respondents: ${respondents.total - respondents.known} become new participants, ${respondents.known} match participants already in the project.`}
          {options.family.mode === 'update' && !respondents.problem && ' Only answers not imported before are added; earlier sources stay as they are.'}
        </p>
      </div>
      <div className="imp-section">
        <h3>Columns <span className="imp-h-note">answers become codable text; attributes describe participants</span></h3>
        <table className="imp-table imp-columns" aria-label="Columns">
          <colgroup><col className="c-name" /><col /><col className="c-filled" /><col className="c-role" /><col className="c-detail" /></colgroup>
          <thead>
            <tr><th scope="col">Column</th><th scope="col">Examples</th><th scope="col" className="num">Filled</th><th scope="col">Import as</th><th scope="col">Section / type</th></tr>
          </thead>
          <tbody>
            {ordered.map((c, i) => {
              const firstRecord = c.meaning.origin === 'metadata' && ordered[i - 1]?.meaning.origin !== 'metadata' && c.column !== options.idColumn;
              const group = firstRecord && (
                <tr key={`${c.column} group`} className="imp-group-row">
                  <th scope="rowgroup" colSpan={5}>{platform ? `${platform}’s own records` : 'Records'}: dates, progress, location, who answered. Left out unless you include them.</th>
                </tr>
              );
              if (c.column === options.idColumn) {
                return (
                  <tr key={c.column} className="imp-id-row">
                    <th scope="row" data-column={c.column} title={c.column}><ColumnName column={c.column} meaning={c.meaning} platform={platform} /></th>
                    <td className="imp-samples">{c.samples.join(' · ')}</td>
                    <td className="num">{c.filled}</td>
                    <td colSpan={2} className="muted">Respondent id → participant label</td>
                  </tr>
                );
              }
              const role = options.columns.find((r) => r.column === c.column) ?? { column: c.column, role: 'ignore' as const };
              return [
                group,
                <tr key={c.column} className={role.role === 'ignore' ? 'imp-ignored' : ''}>
                  <th scope="row" data-column={c.column} title={c.meaning.question !== c.column ? `${c.column}: ${c.meaning.question}` : c.column}><ColumnName column={c.column} meaning={c.meaning} platform={platform} /></th>
                  <td className="imp-samples" title={c.samples.join('\n')}>{c.samples.join(' · ')}</td>
                  <td className="num">{c.filled}</td>
                  <td>
                    <select
                      aria-label={`Import ${c.column} as`}
                      value={role.role}
                      onChange={(e) => {
                        const next = e.target.value as ColumnRole['role'];
                        onColumn(next === 'answer' ? { column: c.column, role: 'answer', sectionCodeId: c.existingQuestion?.sectionCodeId ?? null } : next === 'attribute' ? { column: c.column, role: 'attribute', type: 'category' } : { column: c.column, role: 'ignore' });
                      }}
                    >
                      <option value="answer">Answers</option>
                      <option value="attribute">Attribute</option>
                      <option value="ignore">Ignore</option>
                    </select>
                  </td>
                  <td className="imp-detail">
                    {role.role === 'answer' && c.existingQuestion && <span className="muted" title="A question keeps its section; change it in the codebook">{c.existingQuestion.key} · {sectionName(c.existingQuestion.sectionCodeId)} (as before)</span>}
                    {role.role === 'answer' && !c.existingQuestion && (
                      <select aria-label={`Section of ${c.column}`} value={role.sectionCodeId ?? ''} onChange={(e) => onColumn({ ...role, sectionCodeId: e.target.value ? Number(e.target.value) : null })}>
                        <option value="">No section</option>
                        {choices.sections.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                      </select>
                    )}
                    {role.role === 'attribute' && (
                      <select aria-label={`Type of ${c.column}`} value={role.type ?? 'text'} onChange={(e) => onColumn({ ...role, type: e.target.value as AttributeType })}>
                        {TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
                      </select>
                    )}
                    {role.role !== 'ignore' && c.meaning.identifying && (
                      <p className="imp-problem imp-identifying-note" role="alert">This column identifies a person ({c.meaning.identifying}): its values will be stored in the project.</p>
                    )}
                  </td>
                </tr>,
              ];
            })}
          </tbody>
        </table>
      </div>
      <div className="imp-section">
        <h3>First rows <span className="imp-h-note">{preview.rowCount} in all; empty answers are skipped</span></h3>
        <div className="imp-rows-scroll" role="region" aria-label="First rows" tabIndex={0}>
          <table className="imp-table imp-rows">
            <thead><tr>{preview.header.map((h) => <th key={h} scope="col" title={h}>{h}</th>)}</tr></thead>
            <tbody>{preview.rows.map((r, i) => <tr key={i}>{r.map((cell, j) => <td key={j} title={cell}>{cell}</td>)}</tr>)}</tbody>
          </table>
        </div>
      </div>
    </>
  );
}
