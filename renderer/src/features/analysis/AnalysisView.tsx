import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ExcerptsPanel } from '../excerpts/ExcerptsPanel.tsx';
import { ExcerptsTab } from '../excerpts/ExcerptsTab.tsx';
import { useExcerptsStore } from '../excerpts/store.ts';
import { CooccurrenceTab } from './CooccurrenceTab.tsx';
import { FrameworksTab } from './FrameworksTab.tsx';
import { FrequencyTab } from './FrequencyTab.tsx';
import { useAnalysisStore, type AnalysisTab } from './store.ts';
import { WordsTab } from './WordsTab.tsx';
import './analysis.css';

const TABS: { tab: AnalysisTab; label: string }[] = [
  { tab: 'excerpts', label: 'Coded excerpts' },
  { tab: 'frequency', label: 'Frequency' },
  { tab: 'cooccurrence', label: 'Co-occurrence' },
  { tab: 'frameworks', label: 'Frameworks' },
  { tab: 'words', label: 'Words' },
];

/** Retrieval and analysis: one tab per question a researcher asks of the coding. */
export function AnalysisView() {
  const { tab, setTab, selectCell } = useAnalysisStore();
  const shown = useExcerptsStore((s) => s.shown);
  const close = useExcerptsStore((s) => s.close);
  const drill = shown !== null && tab !== 'excerpts' && tab !== 'words';
  // The drill-down panel lies over the view below the tab's settings bar, which stays in reach.
  const viewRef = useRef<HTMLDivElement>(null);
  const [panelTop, setPanelTop] = useState(0);
  useLayoutEffect(() => {
    const view = viewRef.current;
    const bar = view?.querySelector('.analysis-toolbar');
    if (!drill || !view || !bar) return;
    const place = () => setPanelTop(Math.max(0, bar.getBoundingClientRect().bottom - view.getBoundingClientRect().top));
    place();
    const watch = new ResizeObserver(place);
    watch.observe(bar);
    return () => watch.disconnect();
  }, [drill, tab]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape' && useExcerptsStore.getState().shown && !(e.target instanceof HTMLSelectElement)) {
        close();
        selectCell(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close, selectCell]);

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.findIndex((t) => t.tab === tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = TABS[(i + step + TABS.length) % TABS.length]!;
    setTab(next.tab);
    requestAnimationFrame(() => e.currentTarget.querySelector<HTMLButtonElement>('[aria-selected="true"]')?.focus());
  };

  return (
    <div ref={viewRef} className={`analysis-view${drill ? ' with-drill' : ''}`}>
      <section className="pane analysis-main" aria-label="Analysis">
        <header className="pane-header analysis-tabs">
          <h2 className="analysis-title">Analysis</h2>
          <div role="tablist" aria-label="Analysis" onKeyDown={onTabKey}>
            {TABS.map((t) => (
              <button key={t.tab} role="tab" aria-selected={t.tab === tab} tabIndex={t.tab === tab ? 0 : -1} className={`tab${t.tab === tab ? ' on' : ''}`} onClick={() => setTab(t.tab)}>
                {t.label}
              </button>
            ))}
          </div>
        </header>
        <div className="analysis-body" role="tabpanel" aria-label={TABS.find((t) => t.tab === tab)?.label}>
          {tab === 'excerpts' && <ExcerptsTab />}
          {tab === 'frequency' && <FrequencyTab />}
          {tab === 'cooccurrence' && <CooccurrenceTab />}
          {tab === 'frameworks' && <FrameworksTab />}
          {tab === 'words' && <WordsTab />}
        </div>
      </section>
      {drill && (
        <div className="drill-overlay" style={{ top: panelTop }}>
          <ExcerptsPanel onClose={() => { close(); selectCell(null); }} />
        </div>
      )}
    </div>
  );
}
