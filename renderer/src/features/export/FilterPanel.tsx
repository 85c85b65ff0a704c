import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Coder, SourceKind } from '../../../../shared/domain/types.ts';
import { call } from '../../api/client.ts';
import { attempt } from '../../ui/notify.ts';
import { useParticipantsStore } from '../participants/store.ts';
import { useExportStore } from './store.ts';

const KINDS: { value: SourceKind; label: string }[] = [
  { value: 'interview', label: 'Interviews' },
  { value: 'questionnaire', label: 'Questionnaires' },
  { value: 'document', label: 'Documents' },
];

/** A group of checkboxes; none ticked means no restriction, which the legend's hint says. */
function CheckGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="check-group">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** Who, which attribute values, which kinds of source, which coders: every filter but the codes. */
export function FilterPanel() {
  const { participants, attributes } = useParticipantsStore();
  const s = useExportStore();
  const [coders, setCoders] = useState<Coder[]>([]);
  useEffect(() => void attempt(async () => setCoders(await call('coders.list', {}))), []);

  const valuesOf = useMemo(() => {
    const out = new Map<number, (string | null)[]>();
    for (const a of attributes) {
      const values = new Set(participants.map((p) => (p.attributes[a.name] === undefined ? null : String(p.attributes[a.name]))));
      out.set(a.id, [...values].sort((x, y) => (x === null ? 1 : y === null ? -1 : x.localeCompare(y))));
    }
    return out;
  }, [participants, attributes]);

  const toggleValue = (attributeId: number, value: string | null) => {
    const list = s.attributeValues[attributeId] ?? [];
    s.set({ attributeValues: { ...s.attributeValues, [attributeId]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] } });
  };
  const any = s.participantIds.length + s.sourceKinds.length + s.coderIds.length + Object.values(s.attributeValues).flat().length > 0 || s.unattributed;

  return (
    <section className="pane export-filters" aria-labelledby="export-filters-title">
      <header className="pane-header">
        <h2 id="export-filters-title">Filters</h2>
        <button onClick={() => s.set({ participantIds: [], unattributed: false, attributeValues: {}, sourceKinds: [], coderIds: [] })} disabled={!any}>Clear</button>
      </header>
      <div className="pane-body padded">
        <p className="hint export-hint">Leave a group unticked to keep everything in it.</p>
        <CheckGroup legend="Participants">
          {participants.map((p) => (
            <label key={p.id} className="inline-check">
              <input type="checkbox" checked={s.participantIds.includes(p.id)} onChange={() => s.toggle('participantIds', p.id)} />
              <span>{p.label}{p.name ? <span className="muted"> — {p.name}</span> : null}</span>
            </label>
          ))}
          <label className="inline-check">
            <input type="checkbox" checked={s.unattributed} onChange={(e) => s.set({ unattributed: e.target.checked })} />
            <span>No participant <span className="muted">(documents, interviewer)</span></span>
          </label>
        </CheckGroup>
        {attributes.map((a) => (
          <CheckGroup key={a.id} legend={a.name}>
            {(valuesOf.get(a.id) ?? []).map((v) => (
              <label key={v ?? '\u0000'} className="inline-check">
                <input type="checkbox" checked={(s.attributeValues[a.id] ?? []).includes(v)} onChange={() => toggleValue(a.id, v)} />
                {v ?? <span className="muted">(no value)</span>}
              </label>
            ))}
          </CheckGroup>
        ))}
        <CheckGroup legend="Sources">
          {KINDS.map((k) => (
            <label key={k.value} className="inline-check">
              <input type="checkbox" checked={s.sourceKinds.includes(k.value)} onChange={() => s.toggle('sourceKinds', k.value)} />
              {k.label}
            </label>
          ))}
        </CheckGroup>
        <CheckGroup legend="Coders">
          {coders.map((c) => (
            <label key={c.id} className="inline-check">
              <input type="checkbox" checked={s.coderIds.includes(c.id)} onChange={() => s.toggle('coderIds', c.id)} />
              {c.name}
            </label>
          ))}
        </CheckGroup>
      </div>
    </section>
  );
}
