import { useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import { attempt } from '../../ui/notify.ts';
import { ExchangeImportDialog } from '../exchange/ExchangeImportDialog.tsx';
import { useProjectStore } from './store.ts';

/** A new project file beside the data folder, named after the file it is made from. */
const pathFor = (home: string, fileName: string): string => {
  const sep = home.includes('\\') && !home.includes('/') ? '\\' : '/';
  const base = fileName.replace(/\.[^.]+$/, '').replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'imported';
  return `${home}${home.endsWith(sep) ? '' : sep}${base}.marginalia`;
};

/**
 * Open or create a project by path. Browser mode has no native file dialog, so the path is
 * typed (the data folder and recent projects are offered); desktop mode also has the menu.
 */
export function ProjectDialog({ mode: initialMode, onClose }: { mode: 'open' | 'new'; onClose: () => void }) {
  const { recent, open, create, openDemo, loadRecent } = useProjectStore();
  const [mode, setMode] = useState(initialMode);
  const [path, setPath] = useState('');
  const [template, setTemplate] = useState<'five-questions' | 'empty' | 'refi'>('five-questions');
  const [refiFile, setRefiFile] = useState<File | null>(null);
  const [importing, setImporting] = useState<{ path: string; file: File } | null>(null);
  const [home, setHome] = useState('');
  useEffect(() => {
    void loadRecent();
    void attempt(async () => {
      const paths = await call('app.paths', {});
      setHome(paths.home);
      if (mode === 'new') setPath(paths.suggestedNewPath);
    });
  }, [mode, loadRecent]);
  const chooseRefi = (file: File | null) => {
    setRefiFile(file);
    if (file && home) setPath(pathFor(home, file.name));
  };
  const submit = () =>
    void attempt(async () => {
      if (mode === 'new' && template === 'refi') {
        if (refiFile) setImporting({ path: path.trim(), file: refiFile });
        return;
      }
      if (mode === 'new' && template !== 'refi') await create(path.trim(), template);
      else await open(path.trim());
      onClose();
    });
  if (importing) return <ExchangeImportDialog newProject={importing} onClose={onClose} />;
  return (
    <div className="modal-backdrop" role="presentation" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div role="dialog" aria-modal="true" aria-labelledby="project-dialog-title" className="modal" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
        <h2 id="project-dialog-title">{mode === 'new' ? 'New project' : 'Open project'}</h2>
        <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
          <label className="field">
            <span>Project file</span>
            <input aria-label="Project file path" value={path} autoFocus onChange={(e) => setPath(e.target.value)} placeholder={`${home}/my-study.marginalia`} />
          </label>
          {mode === 'new' && (
            <fieldset className="field">
              <legend>Codebook</legend>
              <label className="inline-check"><input type="radio" name="template" checked={template === 'five-questions'} onChange={() => setTemplate('five-questions')} /> Five questions (Why / What / How / When / Where)</label>
              <label className="inline-check"><input type="radio" name="template" checked={template === 'empty'} onChange={() => setTemplate('empty')} /> Empty codebook</label>
              <label className="inline-check"><input type="radio" name="template" checked={template === 'refi'} onChange={() => setTemplate('refi')} /> From a project made in NVivo, ATLAS.ti, MAXQDA, QualCoder… (REFI-QDA .qdpx)</label>
            </fieldset>
          )}
          {mode === 'new' && template === 'refi' && (
            <label className="field">
              <span>Project to bring in (.qdpx)</span>
              <input type="file" accept=".qdpx" aria-label="REFI-QDA project file" onChange={(e) => chooseRefi(e.target.files?.[0] ?? null)} />
            </label>
          )}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={!path.trim() || (mode === 'new' && template === 'refi' && !refiFile)}>{mode === 'new' ? 'Create' : 'Open'}</button>
            <button type="button" onClick={onClose}>Cancel</button>
          </div>
        </form>
        {mode === 'open' && (
          <>
            <h3>Recent</h3>
            <ul className="recent-list">
              {recent.map((r) => (
                <li key={r.path}>
                  <button className="link" disabled={!r.exists} onClick={() => void attempt(async () => { await open(r.path); onClose(); })}>{r.name}</button>
                  <span className="muted path">{r.path}{r.exists ? '' : ' (missing)'}</span>
                </li>
              ))}
              {recent.length === 0 && <li className="muted">No recent projects.</li>}
            </ul>
            <button className="link" onClick={() => void attempt(async () => { await openDemo(); onClose(); })}>Open the demo project</button>
            <p>
              <button className="link" onClick={() => { setMode('new'); setTemplate('refi'); setPath(''); }}>Open a project from NVivo, ATLAS.ti, MAXQDA…</button>
              <span className="hint"> (a REFI-QDA .qdpx file becomes a new Marginalia project)</span>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
