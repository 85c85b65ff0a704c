import { useEffect, useState, type ReactNode } from 'react';
import type { Code, Framework } from '../../../../shared/domain/types.ts';
import { CODE_PALETTE } from '../../../../shared/domain/palette.ts';

export type CodeDetailsProps = {
  code: Code;
  frameworks: Framework[];
  onRename: (name: string) => void;
  onRecolor: (color: string) => void;
  onDescribe: (fields: { definition: string; whenToUse: string; whenNotToUse: string; example: string }) => void;
  onDelete: () => void;
  onMemo: () => void;
  /** The number-key control of the coding view, shown beside the counts. */
  keyControl?: ReactNode;
};

/** Name, colour and the codebook entry of one code (definition, when to use, when not, example). */
export function CodeDetails({ code, frameworks, onRename, onRecolor, onDescribe, onDelete, onMemo, keyControl }: CodeDetailsProps) {
  const [name, setName] = useState(code.name);
  const [fields, setFields] = useState({ definition: code.definition, whenToUse: code.whenToUse, whenNotToUse: code.whenNotToUse, example: code.example });
  useEffect(() => {
    setName(code.name);
    setFields({ definition: code.definition, whenToUse: code.whenToUse, whenNotToUse: code.whenNotToUse, example: code.example });
  }, [code]);
  const dirty = fields.definition !== code.definition || fields.whenToUse !== code.whenToUse || fields.whenNotToUse !== code.whenNotToUse || fields.example !== code.example;
  const elements = frameworks.flatMap((f) => f.elements.filter((e) => code.elementIds.includes(e.id)).map((e) => ({ framework: f.name, element: e.name })));
  const area = (key: keyof typeof fields, label: string, rows = 3) => (
    <label className="field">
      <span>{label}</span>
      <textarea rows={rows} value={fields[key]} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} />
    </label>
  );
  return (
    <div className="code-details" role="region" aria-label={`Details of ${code.name}`}>
      <div className="details-head">
        <span className="swatch large" style={{ background: code.color }} />
        <form onSubmit={(e) => { e.preventDefault(); if (name.trim() && name.trim() !== code.name) onRename(name.trim()); }} className="name-form">
          <input aria-label="Code name" value={name} onChange={(e) => setName(e.target.value)} onBlur={() => { if (name.trim() && name.trim() !== code.name) onRename(name.trim()); }} />
        </form>
        <span className={`badge ${code.origin}`}>{code.origin}</span>
      </div>
      <div className="meta-line">
        <span>{code.codingCount} codings · created {code.createdAt.slice(0, 10)}</span>
        {keyControl}
      </div>
      <div className="palette" role="radiogroup" aria-label="Colour">
        {CODE_PALETTE.map((c) => (
          <button key={c} role="radio" aria-checked={c === code.color} aria-label={`Colour ${c}`} className={`palette-chip${c === code.color ? ' current' : ''}`} style={{ background: c }} onClick={() => onRecolor(c)} />
        ))}
      </div>
      {area('definition', 'Definition', 3)}
      {area('whenToUse', 'When to use', 2)}
      {area('whenNotToUse', 'When not to use', 2)}
      {area('example', 'Example', 2)}
      <div className="form-actions">
        <button className="primary" disabled={!dirty} onClick={() => onDescribe(fields)}>Save description</button>
        <button onClick={onMemo}>Memo…</button>
        <span className="spacer" />
        <button className="danger" onClick={onDelete}>Delete code…</button>
      </div>
      <h3>Framework elements</h3>
      {elements.length === 0 ? <p className="empty-note">Not linked to any framework element.</p> : (
        <ul className="element-list">{elements.map((e) => <li key={`${e.framework}/${e.element}`}><span className="muted">{e.framework}</span> › {e.element}</li>)}</ul>
      )}
    </div>
  );
}
