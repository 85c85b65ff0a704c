import { useMemo } from 'react';
import { treeOrder } from '../../../../shared/domain/analysis/rows.ts';
import type { RowSpec } from '../../../../shared/domain/analysis/types.ts';
import type { SourceKind } from '../../../../shared/domain/types.ts';
import { useCodebookStore } from '../codebook/store.ts';

/** Which codes become rows: every code, the sections, or the children of one parent. */
export function RowPicker({ value, onChange, allLabel = 'All codes (parents roll up)' }: { value: RowSpec; onChange: (v: RowSpec) => void; allLabel?: string }) {
  const codes = useCodebookStore((s) => s.codes);
  const parents = useMemo(() => treeOrder(codes).filter((n) => n.hasChildren), [codes]);
  const encoded = value.kind === 'children' ? `children:${value.parentId}` : value.kind;
  return (
    <label className="tool-field">
      <span>Rows</span>
      <select
        aria-label="Rows"
        value={encoded}
        onChange={(e) => {
          const v = e.target.value;
          onChange(v.startsWith('children:') ? { kind: 'children', parentId: Number(v.slice(9)) } : { kind: v as 'codes' | 'sections' });
        }}
      >
        <option value="codes">{allLabel}</option>
        <option value="sections">Sections (Why, What, How…)</option>
        {parents.length > 0 && (
          <optgroup label="Inside one code">
            {parents.map(({ code, depth }) => <option key={code.id} value={`children:${code.id}`}>{'\u2003'.repeat(depth)}{code.name}</option>)}
          </optgroup>
        )}
      </select>
    </label>
  );
}

export function SourceKindPicker({ value, onChange }: { value: SourceKind | null; onChange: (v: SourceKind | null) => void }) {
  return (
    <label className="tool-field">
      <span>Sources</span>
      <select aria-label="Sources" value={value ?? ''} onChange={(e) => onChange((e.target.value || null) as SourceKind | null)}>
        <option value="">All</option>
        <option value="interview">Interviews</option>
        <option value="questionnaire">Questionnaires</option>
        <option value="document">Documents</option>
      </select>
    </label>
  );
}

/** A small radio group drawn as joined buttons; arrow keys move the choice. */
export function Segmented<T extends string>({ label, options, value, onChange }: { label: string; options: { value: T; label: string }[]; value: T; onChange: (v: T) => void }) {
  return (
    <span className="segmented" role="radiogroup" aria-label={label}>
      <span className="segmented-label">{label}</span>
      {options.map((o, i) => (
        <button
          key={o.value}
          role="radio"
          aria-checked={o.value === value}
          tabIndex={o.value === value ? 0 : -1}
          className={o.value === value ? 'on' : undefined}
          onClick={() => onChange(o.value)}
          onKeyDown={(e) => {
            const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
            if (!step) return;
            e.preventDefault();
            const next = options[(i + step + options.length) % options.length]!;
            onChange(next.value);
            const group = e.currentTarget.parentElement;
            requestAnimationFrame(() => group?.querySelector<HTMLButtonElement>('[aria-checked="true"]')?.focus());
          }}
        >
          {o.label}
        </button>
      ))}
    </span>
  );
}
