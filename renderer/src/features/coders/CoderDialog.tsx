import { useEffect, useState } from 'react';
import type { Coder } from '../../../../shared/domain/types.ts';
import { call } from '../../api/client.ts';
import { Modal } from '../../ui/Modal.tsx';
import { errorMessage } from '../../ui/notify.ts';
import { useCodersStore } from './store.ts';
import './coders.css';

/**
 * "Who is coding?": asked on first start, and from the top bar whenever the researcher wants
 * to change it. The name goes on every coding, memo and change made from then on.
 */
export function CoderDialog({ firstStart, onDone, onClose }: { firstStart: boolean; onDone: (coder: Coder) => void; onClose: () => void }) {
  const current = useCodersStore((s) => s.name);
  const setCurrent = useCodersStore((s) => s.setCurrent);
  const [name, setName] = useState(firstStart ? '' : current);
  const [others, setOthers] = useState<Coder[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!firstStart) void call('coders.list', {}).then(setOthers, () => undefined);
  }, [firstStart]);
  const save = (value: string) => {
    setError(null);
    setCurrent(value.trim()).then(onDone, (err: unknown) => setError(errorMessage(err)));
  };
  const listed = others.filter((c) => c.name !== current);
  return (
    <Modal
      title={firstStart ? 'Welcome — who is coding?' : 'Who is coding?'}
      onClose={onClose}
      description={
        firstStart
          ? 'Marginalia records who made each coding, memo and change, so a team can compare and merge its work later. Enter the name to show on your codings.'
          : 'Codings, memos and changes you make from now on are recorded under this name, in this project and in the ones you open later. Earlier work keeps its coder.'
      }
    >
      <form onSubmit={(e) => { e.preventDefault(); if (name.trim()) save(name); }}>
        <label className="field">
          <span>Your name</span>
          <input type="text" value={name} data-autofocus maxLength={80} autoComplete="name" placeholder="e.g. Ana Souza" onChange={(e) => { setName(e.target.value); setError(null); }} />
        </label>
        {listed.length > 0 && (
          <p className="coder-others">
            <span className="muted">Coders in this project: </span>
            {listed.map((c, i) => (
              <span key={c.id}>
                {i > 0 && ', '}
                <button type="button" className="link" onClick={() => save(c.name)} title={`Code as ${c.name} from now on`}>{c.name}</button>
              </span>
            ))}
          </p>
        )}
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!name.trim() || name.trim() === current && !firstStart}>{firstStart ? 'Start coding' : 'Save'}</button>
          <button type="button" onClick={onClose}>{firstStart ? 'Not now' : 'Cancel'}</button>
        </div>
      </form>
    </Modal>
  );
}
