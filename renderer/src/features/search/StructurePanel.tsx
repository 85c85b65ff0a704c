import { useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import { attempt, useNotices } from '../../ui/notify.ts';
import { CodeSelect } from './CodeSelect.tsx';
import { refreshAfterCoding } from './refresh.ts';
import { useSearchStore } from './store.ts';

const said = (created: number, already: number, what: string) =>
  `Coded ${created} ${what}${created === 1 ? '' : 's'}${already ? ` (${already} already were)` : ''}. Ctrl+Z undoes it.`;

/** Auto-coding by structure: every turn of a speaker, or every answer to an item, in one step. */
export function StructurePanel() {
  const { structure, loadStructure } = useSearchStore();
  const [speaker, setSpeaker] = useState('');
  const [speakerCode, setSpeakerCode] = useState<number | null>(null);
  const [question, setQuestion] = useState<number | null>(null);
  const [questionCode, setQuestionCode] = useState<number | null>(null);
  useEffect(() => void attempt(loadStructure), [loadStructure]);
  const push = (text: string) => useNotices.getState().push('info', text);

  return (
    <aside className="structure-panel" aria-label="Code by structure">
      <header className="pane-header"><h2>Code by structure</h2></header>
      <div className="pane-body padded">
        <form
          className="structure-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!speaker || speakerCode === null) return;
            void attempt(async () => {
              const r = await call('search.codeSpeaker', { speaker, codeId: speakerCode });
              await refreshAfterCoding();
              push(said(r.created, r.alreadyCoded, 'turn'));
            });
          }}
        >
          <h3>All turns of a speaker</h3>
          <select aria-label="Speaker" value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
            <option value="">Choose a speaker…</option>
            {structure?.speakers.map((s) => <option key={s.speaker} value={s.speaker}>{s.speaker} — {s.turns} turns in {s.sources} source{s.sources === 1 ? '' : 's'}</option>)}
          </select>
          <CodeSelect label="Code for the speaker's turns" value={speakerCode} onChange={setSpeakerCode} />
          <button type="submit" disabled={!speaker || speakerCode === null}>Code turns</button>
        </form>
        <form
          className="structure-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (question === null || questionCode === null) return;
            void attempt(async () => {
              const r = await call('search.codeQuestion', { questionId: question, codeId: questionCode });
              await refreshAfterCoding();
              push(said(r.created, r.alreadyCoded, 'answer'));
            });
          }}
        >
          <h3>All answers to an item</h3>
          <select aria-label="Questionnaire item" value={question ?? ''} onChange={(e) => setQuestion(e.target.value ? Number(e.target.value) : null)}>
            <option value="">Choose an item…</option>
            {structure?.questions.map((q) => <option key={q.id} value={q.id}>{q.key}. {q.text.length > 60 ? `${q.text.slice(0, 58)}…` : q.text} ({q.answers})</option>)}
          </select>
          <CodeSelect label="Code for the answers" value={questionCode} onChange={setQuestionCode} />
          <button type="submit" disabled={question === null || questionCode === null}>Code answers</button>
        </form>
      </div>
    </aside>
  );
}
