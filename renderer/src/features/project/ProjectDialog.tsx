import { useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import { Modal } from '../../ui/Modal.tsx';
import { errorMessage } from '../../ui/notify.ts';
import { ExchangeImportDialog } from '../exchange/ExchangeImportDialog.tsx';
import { RecentList } from './RecentList.tsx';
import { useProjectStore } from './store.ts';
import './project.css';

const EXTENSION = '.marginalia';

const separatorOf = (folder: string) => (folder.includes('\\') && !folder.includes('/') ? '\\' : '/');

/** The file a name becomes in a folder, as the backend makes it: the extension added once. */
export const fileFor = (folder: string, name: string): string => {
  const sep = separatorOf(folder);
  const file = name.toLowerCase().endsWith(EXTENSION) ? name : `${name}${EXTENSION}`;
  return `${folder}${folder.endsWith(sep) ? '' : sep}${file}`;
};

/** A project name from a file brought in from another tool: its name without the extension. */
const nameFromFile = (fileName: string): string => fileName.replace(/\.[^.]+$/, '').replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'Imported project';

type Template = 'five-questions' | 'empty' | 'refi';

/**
 * New project: a name and a location (the projects folder, shown in full, unless another is
 * typed), the file path it makes shown before anything is written. Open project: a path (a bare
 * name is looked for in the projects folder), recent projects, the demo. Browser mode has no
 * native file dialog, so paths are typed; the desktop File menu also has the native ones.
 */
export function ProjectDialog({ mode: initialMode, onClose, onJoin }: { mode: 'open' | 'new'; onClose: () => void; onJoin?: () => void }) {
  const { recent, open, openForReview, createNamed, openDemo, loadRecent } = useProjectStore();
  const [mode, setMode] = useState(initialMode);
  const [name, setName] = useState('');
  const [folder, setFolder] = useState('');
  const [projectsDir, setProjectsDir] = useState('');
  const [path, setPath] = useState('');
  const [template, setTemplate] = useState<Template>('five-questions');
  const [refiFile, setRefiFile] = useState<File | null>(null);
  const [importing, setImporting] = useState<{ path: string; file: File } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadRecent().catch(() => undefined);
    void call('app.paths', {}).then(
      (paths) => {
        setProjectsDir(paths.projectsDir);
        setFolder((f) => f || paths.projectsDir);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [loadRecent]);

  const location = folder.trim() || projectsDir;
  const target = name.trim() ? fileFor(location, name.trim()) : '';
  const run = (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    action().then(onClose, (err: unknown) => {
      setBusy(false);
      setError(errorMessage(err));
    });
  };
  const submit = () => {
    if (mode === 'open') return run(() => open(path.trim()));
    if (!name.trim()) return;
    if (template === 'refi') {
      if (refiFile) setImporting({ path: target, file: refiFile });
      return;
    }
    run(() => createNamed(name.trim(), location === projectsDir ? null : location, template));
  };

  if (importing) return <ExchangeImportDialog newProject={importing} onClose={onClose} />;
  const canSubmit = !busy && (mode === 'open' ? path.trim() !== '' : name.trim() !== '' && location !== '' && (template !== 'refi' || refiFile !== null));
  return (
    <Modal title={mode === 'new' ? 'New project' : 'Open project'} onClose={onClose}>
      <form className="project-form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        {mode === 'new' ? (
          <>
            <label className="field">
              <span>Project name</span>
              <input type="text" value={name} data-autofocus maxLength={120} placeholder="e.g. Micro-credentials case study" onChange={(e) => { setName(e.target.value); setError(null); }} />
            </label>
            <label className="field">
              <span>Location</span>
              <input type="text" value={folder} spellCheck={false} onChange={(e) => { setFolder(e.target.value); setError(null); }} />
            </label>
            <p className="project-target" aria-live="polite">
              {target ? <>Saved as <code>{target}</code></> : <span className="muted">The project is one file, saved as you work: name it to see where it goes.</span>}
            </p>
            <fieldset className="field">
              <legend>Codebook</legend>
              <label className="inline-check"><input type="radio" name="template" checked={template === 'five-questions'} onChange={() => setTemplate('five-questions')} /> Five questions (Why / What / How / When / Where)</label>
              <label className="inline-check"><input type="radio" name="template" checked={template === 'empty'} onChange={() => setTemplate('empty')} /> Empty codebook</label>
              <label className="inline-check"><input type="radio" name="template" checked={template === 'refi'} onChange={() => setTemplate('refi')} /> From a project made in NVivo, ATLAS.ti, MAXQDA, QualCoder… (REFI-QDA .qdpx)</label>
            </fieldset>
            {template === 'refi' && (
              <label className="field">
                <span>Project to bring in (.qdpx)</span>
                <input
                  type="file"
                  accept=".qdpx"
                  aria-label="REFI-QDA project file"
                  onChange={(e) => {
                    const file = e.target.files?.[0] ?? null;
                    setRefiFile(file);
                    if (file && !name.trim()) setName(nameFromFile(file.name));
                  }}
                />
              </label>
            )}
          </>
        ) : (
          <label className="field">
            <span>Project file</span>
            <input type="text" aria-label="Project file path" value={path} data-autofocus spellCheck={false} onChange={(e) => { setPath(e.target.value); setError(null); }} placeholder={projectsDir ? fileFor(projectsDir, 'my-study') : ''} />
            <span className="field-hint">A full path, or the name of a project in {projectsDir || 'the projects folder'}.</span>
          </label>
        )}
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!canSubmit}>{mode === 'new' ? 'Create' : 'Open'}</button>
          {mode === 'open' && (
            <button type="button" disabled={!canSubmit} onClick={() => run(() => openForReview(path.trim()))} title="Read-only: every change is refused, and the integrity manifest is checked">
              Open for review (read-only)
            </button>
          )}
          <button type="button" onClick={onClose}>Cancel</button>
        </div>
      </form>
      {mode === 'open' && (
        <>
          <h3>Recent projects</h3>
          <RecentList recent={recent} onOpen={(p) => run(() => open(p))} />
          <p className="project-more">
            <button className="link" onClick={() => run(openDemo)}>Open the demo project</button>
          </p>
          <p className="project-more">
            <button className="link" onClick={() => { setMode('new'); setTemplate('refi'); setError(null); }}>Open a project from NVivo, ATLAS.ti, MAXQDA…</button>
            <span className="hint"> (a REFI-QDA .qdpx file becomes a new Marginalia project)</span>
          </p>
          {onJoin && (
            <p className="project-more">
              <button className="link" onClick={() => { onClose(); onJoin(); }}>Join a team project…</button>
              <span className="hint"> (a project shared on a team server, coded by several people at once)</span>
            </p>
          )}
        </>
      )}
    </Modal>
  );
}
