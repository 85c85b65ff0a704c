import { useEffect, useRef } from 'react';
import type { Coding } from '../../../shared/domain/types.ts';
import { coderColor } from '../../../shared/domain/coder-colors.ts';
import './coder-filter.css';

export type CoderInSource = { id: number; name: string; color: string; codings: number };

/**
 * Which coders' codings a view shows: all, some or one (the document, the analysis tabs).
 * Each coder's colour is the one that marks their stripes in the margin.
 */
export function CoderFilter({ coders, hidden, onChange }: { coders: CoderInSource[]; hidden: ReadonlySet<number>; onChange: (hidden: number[]) => void }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const shown = coders.filter((c) => !hidden.has(c.id));
  const summary = shown.length === coders.length ? 'All coders' : shown.length === 1 ? shown[0]!.name : `${shown.length} of ${coders.length} coders`;
  const set = (id: number, on: boolean) => onChange(coders.filter((c) => (c.id === id ? !on : hidden.has(c.id))).map((c) => c.id));

  // Escape or a click elsewhere folds it again, as a menu would.
  useEffect(() => {
    const close = (e: Event) => {
      const el = ref.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !el.contains(e.target as Node)) {
        el.open = false;
        if (e instanceof KeyboardEvent) el.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);

  return (
    <details ref={ref} className="coder-filter">
      <summary aria-label={`Coders shown: ${summary}`}>
        <span className="coder-dots" aria-hidden="true">{shown.map((c) => <span key={c.id} className="coder-dot" style={{ background: c.color }} />)}</span>
        {summary}
      </summary>
      <fieldset className="coder-filter-menu">
        <legend>Show the codings of</legend>
        {coders.map((c) => (
          <div key={c.id} className="coder-filter-row">
            <label className="inline-check">
              <input type="checkbox" checked={!hidden.has(c.id)} onChange={(e) => set(c.id, e.target.checked)} />
              <span className="coder-dot" style={{ background: c.color }} aria-hidden="true" />
              {c.name} <span className="muted">{c.codings}</span>
            </label>
            <button type="button" className="link" onClick={() => onChange(coders.filter((o) => o.id !== c.id).map((o) => o.id))} aria-label={`Only ${c.name}`}>only</button>
          </div>
        ))}
        <button type="button" className="link" disabled={hidden.size === 0} onClick={() => onChange([])}>Show all coders</button>
      </fieldset>
    </details>
  );
}

/**
 * The coders' counts after `added` came in and `gone` went out; from nothing, the coders of a
 * whole list. Codings drawn ahead of the backend's answer (ids below zero) are not counted.
 * Unchanged counts give back the same array, so nothing that depends on it redraws.
 */
export function countCoders(coders: readonly CoderInSource[], added: readonly Coding[], gone: readonly Coding[] = []): CoderInSource[] {
  const byId = new Map(coders.map((c) => [c.id, { ...c }]));
  const count = (c: Coding, step: number) => {
    if (c.id < 0) return;
    const seen = byId.get(c.coderId);
    if (seen) seen.codings += step;
    else if (step > 0) byId.set(c.coderId, { id: c.coderId, name: c.coderName, color: coderColor(c.coderId), codings: 1 });
  };
  for (const c of gone) count(c, -1);
  for (const c of added) count(c, 1);
  const left = [...byId.values()].filter((c) => c.codings > 0);
  const same = left.length === coders.length && left.every((c, i) => c.id === coders[i]!.id && c.codings === coders[i]!.codings);
  return same ? (coders as CoderInSource[]) : left.sort((a, b) => a.name.localeCompare(b.name));
}
