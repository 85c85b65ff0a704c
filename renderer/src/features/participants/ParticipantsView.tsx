import { useState } from 'react';
import { attempt } from '../../ui/notify.ts';
import { useParticipantsStore } from './store.ts';

/** Participants (cases) with their attributes and how much of the coding is theirs. */
export function ParticipantsView() {
  const { participants, attributes, create } = useParticipantsStore();
  const [label, setLabel] = useState('');
  const [name, setName] = useState('');
  return (
    <section className="pane wide" aria-label="Participants">
      <header className="pane-header"><h2>Participants</h2><span className="muted">{participants.length}</span></header>
      <div className="pane-body padded">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Name</th>
              {attributes.map((a) => <th key={a.id} scope="col">{a.name} <span className="muted">({a.type})</span></th>)}
              <th scope="col" className="num">Codings</th>
            </tr>
          </thead>
          <tbody>
            {participants.map((p) => (
              <tr key={p.id}>
                <td><strong>{p.label}</strong></td>
                <td>{p.name}</td>
                {attributes.map((a) => <td key={a.id}>{p.attributes[a.name] ?? <span className="muted">—</span>}</td>)}
                <td className="num">{p.codingCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void attempt(async () => { await create(label.trim(), name.trim()); setLabel(''); setName(''); });
          }}
        >
          <input aria-label="New participant label" placeholder="Label, e.g. PD" value={label} onChange={(e) => setLabel(e.target.value)} />
          <input aria-label="New participant name" placeholder="Name (optional)" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={!label.trim()}>Add participant</button>
        </form>
      </div>
    </section>
  );
}
