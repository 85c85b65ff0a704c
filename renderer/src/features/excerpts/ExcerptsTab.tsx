import { useEffect, useMemo, useState } from 'react';
import { treeOrder } from '../../../../shared/domain/analysis/rows.ts';
import type { Coder, SourceKind } from '../../../../shared/domain/types.ts';
import { call } from '../../api/client.ts';
import { attempt } from '../../ui/notify.ts';
import { useCodebookStore } from '../codebook/store.ts';
import { useParticipantsStore } from '../participants/store.ts';
import { ExcerptsPanel } from './ExcerptsPanel.tsx';
import { EMPTY_FORM, formOf, queryOf, type ExcerptForm } from './form.ts';
import { useExcerptsStore } from './store.ts';

const KINDS: { value: '' | SourceKind; label: string }[] = [
  { value: '', label: 'All sources' },
  { value: 'interview', label: 'Interviews' },
  { value: 'questionnaire', label: 'Questionnaires' },
  { value: 'document', label: 'Documents' },
];

/** Coded-excerpt retrieval: one code (with its subcodes), filtered by who, where, by whom and when. */
export function ExcerptsTab() {
  const codes = useCodebookStore((s) => s.codes);
  const { participants, attributes } = useParticipantsStore();
  const [coders, setCoders] = useState<Coder[]>([]);
  const showExcerpts = useExcerptsStore((s) => s.showExcerpts);
  // Opened on results another view showed (a frequency cell): the filters say what the list holds.
  const [form, setForm] = useState<ExcerptForm>(() => {
    const shown = useExcerptsStore.getState().shown;
    const from = shown?.kind === 'excerpts' ? formOf(shown.query, useCodebookStore.getState().codes) : null;
    if (shown && !from) useExcerptsStore.getState().close();
    return from ?? EMPTY_FORM;
  });
  const set = (patch: Partial<ExcerptForm>) => setForm((f) => ({ ...f, ...patch }));
  const { codeId, descendants, who, attributeId, value, kind, coderId, from, to } = form;

  useEffect(() => void attempt(async () => setCoders(await call('coders.list', {}))), []);
  const ordered = useMemo(() => treeOrder(codes), [codes]);
  const values = useMemo(
    () => [...new Set(participants.map((p) => p.attributes[attributes.find((a) => a.id === attributeId)?.name ?? ''] ?? null))],
    [participants, attributes, attributeId],
  );

  useEffect(() => {
    const q = queryOf(form);
    if (!q) return;
    const code = codes.find((c) => c.id === form.codeId);
    void attempt(() => showExcerpts(`${code?.name ?? 'Code'}${form.descendants ? ' and subcodes' : ''}`, q));
  }, [form, codes, showExcerpts]);

  return (
    <div className="excerpts-tab">
      <form className="filter-column" aria-label="Excerpt filters" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>Code</span>
          <select value={codeId ?? ''} onChange={(e) => set({ codeId: e.target.value ? Number(e.target.value) : null })} autoFocus>
            <option value="">Choose a code…</option>
            {ordered.map(({ code, depth }) => (
              <option key={code.id} value={code.id}>{'\u2003'.repeat(depth)}{code.name}</option>
            ))}
          </select>
        </label>
        <label className="inline-check"><input type="checkbox" checked={descendants} onChange={(e) => set({ descendants: e.target.checked })} /> Include subcodes</label>
        <label className="field">
          <span>Participant</span>
          <select value={who} onChange={(e) => set({ who: e.target.value })}>
            <option value="">Anyone</option>
            {participants.map((p) => <option key={p.id} value={p.id}>{p.label}{p.name ? ` — ${p.name}` : ''}</option>)}
            <option value="none">No participant (documents, interviewer)</option>
          </select>
        </label>
        <label className="field">
          <span>Attribute</span>
          <select value={attributeId ?? ''} onChange={(e) => set({ attributeId: e.target.value ? Number(e.target.value) : null, value: '' })}>
            <option value="">Any</option>
            {attributes.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </label>
        {attributeId !== null && (
          <label className="field">
            <span>Value</span>
            <select value={value} onChange={(e) => set({ value: e.target.value })}>
              <option value="">Any value</option>
              {values.map((v) => <option key={String(v)} value={v === null ? '\u0000' : String(v)}>{v === null ? '(no value)' : String(v)}</option>)}
            </select>
          </label>
        )}
        <label className="field">
          <span>Source kind</span>
          <select value={kind} onChange={(e) => set({ kind: e.target.value as '' | SourceKind })}>
            {KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
          </select>
        </label>
        <label className="field">
          <span>Coder</span>
          <select value={coderId ?? ''} onChange={(e) => set({ coderId: e.target.value ? Number(e.target.value) : null })}>
            <option value="">Any coder</option>
            {coders.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <div className="date-pair">
          <label className="field"><span>Coded from</span><input type="date" value={from} onChange={(e) => set({ from: e.target.value })} /></label>
          <label className="field"><span>to</span><input type="date" value={to} onChange={(e) => set({ to: e.target.value })} /></label>
        </div>
      </form>
      <ExcerptsPanel emptyText="Choose a code to see every passage coded with it." />
    </div>
  );
}
