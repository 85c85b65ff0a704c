import { useState } from 'react';
import type { Code } from '../../../../shared/domain/types.ts';

/** Inline form: name a new code and choose where it goes (top level or under the selection). */
export function NewCodeForm({ parent, onCreate, onCancel }: { parent: Code | null; onCreate: (name: string, underParent: boolean) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [under, setUnder] = useState(parent !== null);
  return (
    <form
      className="new-code-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) onCreate(name.trim(), under && parent !== null);
      }}
    >
      <input
        aria-label="New code name"
        placeholder="New code name"
        value={name}
        autoFocus
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Escape') onCancel(); }}
      />
      {parent && (
        <label className="inline-check">
          <input type="checkbox" checked={under} onChange={(e) => setUnder(e.target.checked)} /> under “{parent.name}”
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!name.trim()}>Create</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
