import { useEffect, useState } from 'react';
import { ApiCallError } from '../api/client.ts';
import { useCodebookStore } from '../features/codebook/store.ts';
import { CodebookView } from '../features/codebook/CodebookView.tsx';
import { ParticipantsView } from '../features/participants/ParticipantsView.tsx';
import { useParticipantsStore } from '../features/participants/store.ts';
import { ProjectDialog } from '../features/project/ProjectDialog.tsx';
import { StartView } from '../features/project/StartView.tsx';
import { CoderControl } from '../features/coders/CoderControl.tsx';
import { isReadOnly, useProjectStore, type View } from '../features/project/store.ts';
import { useAnalysisStore } from '../features/analysis/store.ts';
import { useSourcesStore } from '../features/sources/store.ts';
import { Workbench } from '../features/sources/Workbench.tsx';
import { MemoDialogHost } from '../features/memos/MemoDialogHost.tsx';
import { UndoButtons, useUndoShortcuts } from '../features/undo/UndoButtons.tsx';
import { ImportLayer, openImport } from '../features/import/ImportLayer.tsx';
import { attempt } from '../ui/notify.ts';
import { Notices } from '../ui/Notices.tsx';
import { DamagedOffer, SafetyBanner, SnapshotsButton } from '../features/safety/SafetyBanner.tsx';
import { SnapshotsDialog } from '../features/safety/SnapshotsDialog.tsx';
import { AnalysisView } from '../features/analysis/AnalysisView.tsx';
import { SearchView } from '../features/search/SearchView.tsx';
import { ExportView } from '../features/export/ExportView.tsx';
import { TeamView } from '../features/team/TeamView.tsx';
import { IntegrityView } from '../features/anonymize/IntegrityView.tsx';
import { ReviewerBanner } from '../features/anonymize/ReviewerBanner.tsx';
import { isTextField, keysOf, matches } from '../ui/shortcuts.ts';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { TeamSyncLayer, TeamSyncStatusLine } from '../features/team-sync/TeamSyncLayer.tsx';
import { useTeamSyncStore } from '../features/team-sync/store.ts';

const VIEWS: { view: View; label: string; key: string }[] = [
  { view: 'sources', label: 'Sources', key: '1' },
  { view: 'codebook', label: 'Codebook', key: '2' },
  { view: 'participants', label: 'Participants', key: '3' },
  { view: 'analysis', label: 'Analysis', key: '4' },
  { view: 'export', label: 'Export', key: '5' },
  { view: 'search', label: 'Search', key: '6' },
  { view: 'team', label: 'Team', key: '7' },
  { view: 'integrity', label: 'Integrity', key: '8' },
];

export function App() {
  const { info, view, generation, setView, refresh } = useProjectStore();
  // Reviewer mode, or a project another window writes: nothing offers to change it.
  const readOnly = isReadOnly(info);
  const [dialog, setDialog] = useState<'open' | 'new' | null>(null);
  const [cheatSheet, setCheatSheet] = useState(false);
  const [noProject, setNoProject] = useState(false);
  useUndoShortcuts(info?.path ?? null);

  useEffect(() => {
    refresh().catch((err: unknown) => {
      if (err instanceof ApiCallError && err.error.code === 'no_project') setNoProject(true);
      else void attempt(() => Promise.reject(err));
    });
  }, [refresh]);

  // Every project switch reloads what the feature stores cache.
  useEffect(() => {
    if (!info) return;
    setNoProject(false);
    // Coder ids belong to a project: a choice of whom to hide does not carry over to another.
    useAnalysisStore.getState().setHiddenCoders([]);
    void attempt(() => Promise.all([useSourcesStore.getState().load(), useCodebookStore.getState().load(), useParticipantsStore.getState().load()]));
  }, [generation, info?.path]);

  // The desktop File menu switches projects without the renderer asking.
  useEffect(
    () =>
      window.marginalia?.onProjectChanged(() => {
        void attempt(async () => {
          await useProjectStore.getState().refresh();
          useProjectStore.setState((s) => ({ generation: s.generation + 1, view: 'sources' }));
          await useProjectStore.getState().loadRecent();
        });
      }),
    [],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const inText = isTextField(document.activeElement);
      let handled = true;
      if (matches(e, 'view')) {
        const v = VIEWS.find((x) => x.key === e.code.replace('Digit', ''));
        if (v) setView(v.view);
      } else if (matches(e, 'openProject')) setDialog('open');
      else if (matches(e, 'newProject')) setDialog('new');
      else if (matches(e, 'focusDocument')) focusDocument();
      else if (matches(e, 'cheatSheet') || (!inText && matches(e, 'cheatSheetQ'))) setCheatSheet(true);
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setView]);

  /** Ctrl+E: the caret into the document text (the Sources view, the first source if none is open). */
  const focusDocument = () => {
    setView('sources');
    void attempt(async () => {
      const sources = useSourcesStore.getState();
      if (sources.openId === null) {
        if (!sources.sources[0]) throw new Error('There is no document to put the caret in yet: import a transcript or document first.');
        await sources.openSource(sources.sources[0].id);
      }
      useSourcesStore.getState().requestDocumentFocus();
    });
  };

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Marginalia</span>
        <span className="project-name" title={info?.path}>{info ? info.name : noProject ? 'No project open' : 'Opening…'}</span>
        {info?.isDemo && <span className="badge demo">demo</span>}
        <span className="spacer" />
        {info && !readOnly && <UndoButtons />}
        {info && !readOnly && <button onClick={openImport} title={`Import transcripts, documents and questionnaires (${keysOf('import')}), or drop files on the window`}>Import…</button>}
        <button onClick={() => setDialog('new')} title={`New project (${keysOf('newProject')})`}>New project</button>
        <button onClick={() => setDialog('open')} title={`Open project (${keysOf('openProject')})`}>Open…</button>
        <button className="icon-button" onClick={() => setCheatSheet(true)} title={`Keyboard shortcuts (${keysOf('cheatSheet')} or ?)`} aria-label="Keyboard shortcuts">?</button>
        {info && <CoderControl coderName={info.coder.name} projectPath={info.path} />}
      </header>
      {info && (
        <div className="app-banners">
          <ReviewerBanner info={info} />
          <SafetyBanner info={info} />
        </div>
      )}
      <nav className="navrail" aria-label="Views">
        {VIEWS.map((v) => (
          <button key={v.view} className={`nav-item${view === v.view ? ' active' : ''}`} aria-current={view === v.view ? 'page' : undefined} onClick={() => setView(v.view)} title={`${v.label} (Ctrl+${v.key})`}>
            {v.label}
          </button>
        ))}
      </nav>
      <main className="main">
        {!info ? (
          noProject ? <StartView onNew={() => setDialog('new')} onOpen={() => setDialog('open')} onJoin={() => useTeamSyncStore.getState().open('join')} /> : <div className="empty-state">Opening project…</div>
        ) : view === 'sources' ? (
          <Workbench />
        ) : view === 'codebook' ? (
          <CodebookView />
        ) : view === 'participants' ? (
          <ParticipantsView />
        ) : view === 'analysis' ? (
          <AnalysisView />
        ) : view === 'search' ? (
          <SearchView />
        ) : view === 'team' ? (
          <TeamView />
        ) : view === 'integrity' ? (
          <IntegrityView />
        ) : (
          <ExportView />
        )}
      </main>
      {info && (
        <footer className="statusbar">
          <span>{info.counts.sources} sources</span>
          <span>{info.counts.participants} participants</span>
          <span>{info.counts.codes} codes</span>
          <span>{info.counts.codings} codings</span>
          <span>{info.counts.memos} memos</span>
          <TeamSyncStatusLine />
          <span className="spacer" />
          <span className="muted path">{info.path}</span>
          <SnapshotsButton />
        </footer>
      )}
      {dialog && <ProjectDialog mode={dialog} onClose={() => setDialog(null)} onJoin={() => useTeamSyncStore.getState().open('join')} />}
      <TeamSyncLayer />
      {cheatSheet && <ShortcutsDialog onClose={() => setCheatSheet(false)} />}
      {info && <MemoDialogHost />}
      <ImportLayer enabled={info !== null && !readOnly} />
      <SnapshotsDialog />
      <DamagedOffer />
      <Notices />
    </div>
  );
}
