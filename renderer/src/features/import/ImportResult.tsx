import type { ImportedFile, ImportReport } from '../../../../shared/domain/import-types.ts';

const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function describe(f: ImportedFile): string {
  const q = f.questionnaire;
  if (f.kind === 'interview' && f.speakers) return `Interview “${f.sourceName}” · ${n(f.turns ?? 0, 'turn')} by ${n(f.speakers, 'speaker')}`;
  if (!q) return `${f.kind === 'interview' ? 'Interview' : 'Document'} “${f.sourceName}” · ${n(f.units, 'paragraph')}`;
  const parts = [n(q.answersAdded, 'answer'), n(q.newRespondents.length, 'new respondent')];
  if (q.questionsAdded) parts.push(n(q.questionsAdded, 'new question'));
  if (q.answersAlreadyImported) parts.push(`${n(q.answersAlreadyImported, 'answer')} already imported before`);
  if (q.emptyAnswersSkipped) parts.push(`${n(q.emptyAnswersSkipped, 'empty answer')} skipped`);
  if (q.attributeValuesChanged) parts.push(`${n(q.attributeValuesChanged, 'attribute value')} updated`);
  const head = f.sourceId === null ? `Nothing new for “${q.familyName}”` : `Questionnaire “${f.sourceName}”`;
  return `${head} · ${parts.join(' · ')}`;
}

/** What the import added, file by file, with what changed for a later questionnaire export. */
export function ImportResult({ report, onOpen, onClose }: { report: ImportReport; onOpen: (sourceId: number) => void; onClose: () => void }) {
  const first = report.files.find((f) => f.sourceId !== null);
  return (
    <div className="imp-result">
      <p>
        Imported {report.files.length === 1 ? 'one file' : `${report.files.length} files`}
        {report.participantsCreated.length > 0 && <> and created {report.participantsCreated.length === 1 ? 'participant' : 'participants'} <strong>{report.participantsCreated.map((p) => p.label).join(', ')}</strong></>}.
        {' '}<span className="hint">Undo takes the whole import back in one step.</span>
      </p>
      <ul className="imp-result-list">
        {report.files.map((f) => (
          <li key={f.name}>
            <span className={`kind-dot ${f.kind}`} aria-hidden="true" />
            <span className="imp-file-name">{f.name}</span>
            <span className="imp-result-what">{describe(f)}</span>
            {f.sourceId !== null && <button className="link" onClick={() => onOpen(f.sourceId!)}>Open</button>}
            {(f.questionnaire?.answersChanged.length ?? 0) > 0 && (
              <span className="imp-result-changed">
                {f.questionnaire!.answersChanged.length} answers differ from the earlier export and were kept as first imported (they may be coded):{' '}
                {f.questionnaire!.answersChanged.slice(0, 8).map((c) => `${c.respondent} ${c.question}`).join(', ')}
                {f.questionnaire!.answersChanged.length > 8 ? ' …' : ''}
              </span>
            )}
          </li>
        ))}
      </ul>
      <div className="imp-foot">
        <span className="spacer" />
        <button onClick={onClose}>Close</button>
        {first && <button className="primary" data-autofocus autoFocus onClick={() => onOpen(first.sourceId!)}>Open “{first.sourceName}”</button>}
      </div>
    </div>
  );
}
