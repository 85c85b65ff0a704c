import { useEffect } from 'react';
import { wordTable } from '../../../../shared/domain/analysis/tables.ts';
import type { StopWordLanguage } from '../../../../shared/domain/analysis/types.ts';
import { attempt } from '../../ui/notify.ts';
import { useParticipantsStore } from '../participants/store.ts';
import { useSourcesStore } from '../sources/store.ts';
import { TableExportButtons } from '../../ui/ExportButtons.tsx';
import { useAnalysisStore } from './store.ts';

const toggle = (list: number[], id: number) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

/** Word frequency over chosen sources and participants, without English and Spanish stop words. */
export function WordsTab() {
  const { words: w, wordResult: r, setWords, loadWords } = useAnalysisStore();
  const sources = useSourcesStore((s) => s.sources);
  const participants = useParticipantsStore((s) => s.participants);
  useEffect(() => void attempt(loadWords), [w, loadWords]);
  const top = r?.words[0]?.count ?? 0;
  const lang = (l: StopWordLanguage, on: boolean) => setWords({ languages: on ? [...w.languages, l] : w.languages.filter((x) => x !== l) });

  return (
    <div className="excerpts-tab">
      <form className="filter-column" aria-label="Word frequency settings" onSubmit={(e) => e.preventDefault()}>
        <fieldset className="field">
          <legend>Sources {w.sourceIds.length === 0 && <span className="muted">(all)</span>}</legend>
          {sources.map((s) => (
            <label key={s.id} className="inline-check"><input type="checkbox" checked={w.sourceIds.includes(s.id)} onChange={() => setWords({ sourceIds: toggle(w.sourceIds, s.id) })} /> {s.name}</label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>Participants {w.participantIds.length === 0 && <span className="muted">(all)</span>}</legend>
          {participants.map((p) => (
            <label key={p.id} className="inline-check"><input type="checkbox" checked={w.participantIds.includes(p.id)} onChange={() => setWords({ participantIds: toggle(w.participantIds, p.id) })} /> {p.label}</label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>Leave out stop words</legend>
          <label className="inline-check"><input type="checkbox" checked={w.languages.includes('en')} onChange={(e) => lang('en', e.target.checked)} /> English</label>
          <label className="inline-check"><input type="checkbox" checked={w.languages.includes('es')} onChange={(e) => lang('es', e.target.checked)} /> Spanish</label>
        </fieldset>
        <label className="field">
          <span>Shortest word</span>
          <input type="number" min={1} max={30} value={w.minLength} onChange={(e) => setWords({ minLength: Math.min(30, Math.max(1, Number(e.target.value) || 1)) })} />
        </label>
        <label className="inline-check"><input type="checkbox" checked={w.includeInterviewer} onChange={(e) => setWords({ includeInterviewer: e.target.checked })} /> Include interviewer turns and item texts</label>
      </form>
      <section className="words-result" aria-label="Word frequency">
        <header className="pane-header">
          <h2>Word frequency</h2>
          {r && <span className="muted">{r.totalWords} words · {r.distinctWords} different · {r.sourcesCounted} sources</span>}
          <TableExportButtons table={() => wordTable(r!)} disabled={!r || r.words.length === 0} />
        </header>
        {/* Focusable, so the list scrolls from the keyboard too (it holds nothing else to focus). */}
        <div className="pane-body" tabIndex={0} role="region" aria-label="Words, most frequent first">
          <table className="data-table words-table">
            <thead><tr><th scope="col">Word</th><th scope="col" className="num">Count</th><th scope="col" className="num">Sources</th><th scope="col" aria-hidden /></tr></thead>
            <tbody>
              {r?.words.map((x) => (
                <tr key={x.word}>
                  <td>{x.word}</td>
                  <td className="num">{x.count}</td>
                  <td className="num">{x.sources}</td>
                  <td className="bar-cell"><span className="word-bar" style={{ width: `${top ? (x.count / top) * 100 : 0}%` }} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
