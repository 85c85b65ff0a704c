import { useRef } from 'react';
import { IMPORT_EXTENSIONS } from '../../../../shared/domain/import-types.ts';
import { formatSize, type Draft } from './drafts.ts';

/** One line under the file name: what the file will become, or why it cannot. */
export function fileSummary(d: Draft): string {
  if (d.status === 'uploading') return 'Reading…';
  if (d.status === 'previewing') return 'Preparing preview…';
  if (d.status === 'error' || !d.preview) return 'Cannot be imported';
  const p = d.preview;
  if (p.kind === 'interview') {
    return p.speakers.length === 0 ? `Interview · no speakers · ${p.unitCount} paragraphs` : `Interview · ${p.turnCount} turns · ${p.speakers.length} speakers`;
  }
  if (p.kind === 'document') return `Document · ${p.unitCount} paragraphs${p.pageCount ? ` · ${p.pageCount} pages` : ''}`;
  return `Questionnaire · ${p.rowCount} respondents`;
}

type Props = {
  drafts: Draft[];
  selected: string | null;
  disabled: boolean;
  onSelect: (key: string) => void;
  onRemove: (key: string) => void;
  onAdd: (files: File[]) => void;
};

/** The files of the batch; arrow keys move, Delete removes, the button adds more. */
export function FileList({ drafts, selected, disabled, onSelect, onRemove, onAdd }: Props) {
  const picker = useRef<HTMLInputElement>(null);
  const move = (delta: number) => {
    const i = drafts.findIndex((d) => d.key === selected);
    const next = drafts[Math.max(0, Math.min(drafts.length - 1, i + delta))];
    if (next) onSelect(next.key);
  };
  return (
    <section className="imp-files" aria-label="Files">
      <div className="imp-files-head">
        <h3>Files</h3>
        <span className="count">{drafts.length}</span>
      </div>
      <ul
        className="imp-file-list"
        role="listbox"
        aria-label="Files to import"
        aria-description="Arrow keys choose a file; Delete removes it from this import."
        tabIndex={0}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { move(1); e.preventDefault(); }
          else if (e.key === 'ArrowUp') { move(-1); e.preventDefault(); }
          else if ((e.key === 'Delete' || e.key === 'Backspace') && selected && !disabled) { onRemove(selected); e.preventDefault(); }
        }}
      >
        {drafts.map((d) => (
          <li
            key={d.key}
            role="option"
            aria-selected={d.key === selected}
            className={`imp-file${d.key === selected ? ' selected' : ''}${d.status === 'error' ? ' failed' : ''}`}
            onClick={() => onSelect(d.key)}
            title={`${d.name} · ${formatSize(d.size)}`}
          >
            <span className={`kind-dot ${d.kind ?? ''}`} aria-hidden="true" />
            <span className="imp-file-text">
              <span className="imp-file-name">{d.name}</span>
              <span className="imp-file-meta">{fileSummary(d)}</span>
            </span>
            {!disabled && (
              // A control inside an option would be a second stop for keyboards and screen readers:
              // there, the list's Delete key removes the selected file (said in the list's description).
              <span className="imp-remove" aria-hidden="true" title="Remove from this import (Delete)" onClick={(e) => { e.stopPropagation(); onRemove(d.key); }}>×</span>
            )}
          </li>
        ))}
      </ul>
      <div className="imp-add">
        <button onClick={() => picker.current?.click()} disabled={disabled}>Add files…</button>
        <span className="hint">or drop files anywhere</span>
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          aria-label="Choose files to import"
          accept={IMPORT_EXTENSIONS.join(',')}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length > 0) onAdd(files);
          }}
        />
      </div>
    </section>
  );
}
