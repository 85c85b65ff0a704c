import { useEffect, useMemo, useState } from 'react';
import { treeOrder } from '../../../../shared/domain/analysis/rows.ts';
import type { Coder, SourceKind } from '../../../../shared/domain/types.ts';
import { call } from '../../api/client.ts';
import { attempt } from '../../ui/notify.ts';
import { useCodebookStore } from '../codebook/store.ts';
import { useParticipantsStore } from '../participants/store.ts';
import { ExcerptsPanel } from './ExcerptsPanel.tsx';
import { useExcerptsStore, type ExcerptQuery } from './store.ts';

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
  const [codeId, setCodeId] = useState<number | null>(null);
  const [descendants, setDescendants] = useState(true);
  const [who, setWho] = useState('');
  const [attributeId, setAttributeId] = useState<number | null>(null);
  const [value, setValue] = useState('');
  const [kind, setKind] = useState<'' | SourceKind>('');
  const [coderId, setCoderId] = useState<number | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const showExcerpts = useExcerptsStore((s) => s.showExcerpts);

  useEffect(() => void attempt(async () => setCoders(await call('coders.list', {}))), []);
  const ordered = useMemo(() => treeOrder(codes), [codes]);
  const values = useMemo(
    () => [...new Set(participants.map((p) => p.attributes[attributes.find((a) => a.id === attributeId)?.name ?? ''] ?? null))],
    [participants, attributes, attributeId],
  );

  useEffect(() => {
    if (codeId === null) return;
    const code = codes.find((c) => c.id === codeId);
    const q: ExcerptQuery = { codeIds: [codeId], includeDescendants: descendants };
    if (who === 'none') q.unattributed = true;
    else if (who) q.participantIds = [Number(who)];
    if (attributeId !== null && value) q.attribute = { attributeId, value: value === '\u0000' ? null : value };
    if (kind) q.sourceKinds = [kind];
    if (coderId !== null) q.coderIds = [coderId];
    if (from) q.from = from;
    if (to) q.to = to;
    void attempt(() => showExcerpts(`${code?.name ?? 'Code'}${descendants ? ' and subcodes' : ''}`, q));
  }, [codeId, descendants, who, attributeId, value, kind, coderId, from, to, codes, showExcerpts]);

  return (
    <div className="excerpts-tab">
      <form className="filter-column" aria-label="Excerpt filters" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>Code</span>
          <select value={codeId ?? ''} onChange={(e) => setCodeId(e.target.value ? Number(e.target.value) : null)} autoFocus>
            <option value="">Choose a code…</option>
            {ordered.map(({ code, depth }) => (
              <option key={code.id} value={code.id}>{'\u2003'.repeat(depth)}{code.name}</option>
            ))}
          </select>
        </label>
        <label className="inline-check"><input type="checkbox" checked={descendants} onChange={(e) => setDescendants(e.target.checked)} /> Include subcodes</label>
        <label className="field">
          <span>Participant</span>
          <select value={who} onChange={(e) => setWho(e.target.value)}>
            <option value="">Anyone</option>
            {participants.map((p) => <option key={p.id} value={p.id}>{p.label}{p.name ? ` — ${p.name}` : ''}</option>)}
            <option value="none">No participant (documents, interviewer)</option>
          </select>
        </label>
        <label className="field">
          <span>Attribute</span>
          <select value={attributeId ?? ''} onChange={(e) => { setAttributeId(e.target.value ? Number(e.target.value) : null); setValue(''); }}>
            <option value="">Any</option>
            {attributes.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </label>
        {attributeId !== null && (
          <label className="field">
            <span>Value</span>
            <select value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="">Any value</option>
              {values.map((v) => <option key={String(v)} value={v === null ? '\u0000' : String(v)}>{v === null ? '(no value)' : String(v)}</option>)}
            </select>
          </label>
        )}
        <label className="field">
          <span>Source kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as '' | SourceKind)}>
            {KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
          </select>
        </label>
        <label className="field">
          <span>Coder</span>
          <select value={coderId ?? ''} onChange={(e) => setCoderId(e.target.value ? Number(e.target.value) : null)}>
            <option value="">Any coder</option>
            {coders.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <div className="date-pair">
          <label className="field"><span>Coded from</span><input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
          <label className="field"><span>to</span><input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        </div>
      </form>
      <ExcerptsPanel emptyText="Choose a code to see every passage coded with it." />
    </div>
  );
}
