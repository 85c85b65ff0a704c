import type { SourceKind } from '../../../../shared/domain/types.ts';
import { DocumentPanel } from './DocumentPanel.tsx';
import type { Draft } from './drafts.ts';
import { InterviewPanel } from './InterviewPanel.tsx';
import { QuestionnairePanel } from './QuestionnairePanel.tsx';
import { useImportStore } from './store.ts';

const KIND_LABEL: Record<SourceKind, string> = { interview: 'Interview', document: 'Document', questionnaire: 'Questionnaire' };

/** The selected file: what it becomes, and the preview with the choices it needs. */
export function FilePanel({ draft, disabled, others }: { draft: Draft; disabled: boolean; /** Files in the dialog that can be imported. */ others: number }) {
  const s = useImportStore();
  const p = draft.preview;
  return (
    <section className="imp-panel" aria-label={`Preview of ${draft.name}`}>
      <header className="imp-panel-head">
        <h3 className="imp-panel-title" title={draft.name}>{draft.name}</h3>
        {draft.kinds.length > 0 && (
          <div className="imp-kinds" role="radiogroup" aria-label="Import as">
            {draft.kinds.map((k) => (
              <label key={k} className={`imp-kind${draft.kind === k ? ' on' : ''}`}>
                <input type="radio" name={`kind-${draft.key}`} checked={draft.kind === k} disabled={disabled} onChange={() => void s.setKind(draft.key, k)} />
                {KIND_LABEL[k]}
              </label>
            ))}
          </div>
        )}
      </header>
      <fieldset className="imp-panel-body" disabled={disabled}>
        {draft.status === 'error' && (
          <div className="imp-error" role="alert">
            <p>{draft.error}</p>
            <p className="muted">
              {others > 0
                ? `This file cannot be imported. Remove it to import the other ${others === 1 ? 'file' : `${others} files`}.`
                : 'This file cannot be imported. Add other files, or close the dialog: nothing has been written to the project.'}
            </p>
          </div>
        )}
        {(draft.status === 'uploading' || draft.status === 'previewing') && !p && <p className="imp-note">Reading {draft.name}…</p>}
        {p && draft.status !== 'error' && (
          <>
            <label className="imp-inline imp-name">
              <span>{p.kind === 'questionnaire' && draft.questionnaire?.family.mode === 'new' ? 'Name' : 'Source name'}</span>
              <input aria-label="Source name" value={draft.sourceName} maxLength={300} onChange={(e) => s.setSourceName(draft.key, e.target.value)} />
            </label>
            {p.duplicateOf && <p className="imp-note imp-warn">The project already has a source with exactly this text: “{p.duplicateOf}”.</p>}
            {p.kind === 'interview' && (
              <InterviewPanel
                preview={p}
                speakers={draft.speakers}
                unattributed={draft.unattributedParticipantId}
                choices={s.choices}
                onSpeaker={(a) => s.setSpeaker(draft.key, a)}
                onUnattributed={(id) => s.setUnattributed(draft.key, id)}
              />
            )}
            {p.kind === 'document' && <DocumentPanel preview={p} />}
            {p.kind === 'questionnaire' && draft.questionnaire && (
              <QuestionnairePanel
                preview={p}
                options={draft.questionnaire}
                choices={s.choices}
                onIdColumn={(c) => void s.setIdColumn(draft.key, c)}
                onFamily={(f) => void s.setFamily(draft.key, f)}
                onColumn={(r) => s.setColumn(draft.key, r)}
              />
            )}
          </>
        )}
      </fieldset>
    </section>
  );
}
