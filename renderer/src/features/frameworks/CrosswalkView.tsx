import { useEffect, useMemo, useState } from 'react';
import { buildCodeTree, type CodeNode } from '../../../../shared/domain/code-tree.ts';
import { attempt } from '../../ui/notify.ts';
import { useCodebookStore } from '../codebook/store.ts';
import { afterChange } from '../undo/reload.ts';
import { linkKey, linkSet, useFrameworksStore } from './store.ts';
import './frameworks.css';

const flatten = (nodes: CodeNode[]): CodeNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

/**
 * The crosswalk: categories (and questionnaire items) × the elements of one reference
 * framework, a tick where a category covers an element.
 */
export function CrosswalkView() {
  const s = useFrameworksStore();
  const [newFramework, setNewFramework] = useState('');
  const [newElement, setNewElement] = useState('');
  useEffect(() => {
    void attempt(s.load);
  }, [s.load]);
  const cw = s.crosswalk;
  const rows = useMemo(() => (cw ? flatten(buildCodeTree(cw.codes)) : []), [cw]);
  const links = useMemo(() => linkSet(cw?.links ?? []), [cw]);
  const qlinks = useMemo(() => linkSet(cw?.questionLinks ?? []), [cw]);
  if (!cw) return <p className="empty-state">Loading frameworks…</p>;
  const fw = cw.frameworks.find((f) => f.id === s.frameworkId) ?? null;
  const elements = fw?.elements ?? [];
  // Links show in each code's details too.
  const changed = () => void attempt(() => Promise.all([afterChange(), useCodebookStore.getState().load()]));

  return (
    <div className="crosswalk-view">
      <div className="crosswalk-bar">
        <label className="inline-field">
          <span>Framework</span>
          <select value={fw?.id ?? ''} onChange={(e) => s.choose(Number(e.target.value))} aria-label="Framework">
            {cw.frameworks.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
            {cw.frameworks.length === 0 && <option value="">No frameworks yet</option>}
          </select>
        </label>
        <form className="inline-form-small" onSubmit={(e) => { e.preventDefault(); if (newFramework.trim()) void attempt(async () => { await s.createFramework(newFramework.trim()); setNewFramework(''); changed(); }); }}>
          <input type="text" aria-label="New framework name" placeholder="New framework…" value={newFramework} onChange={(e) => setNewFramework(e.target.value)} />
          <button type="submit" disabled={!newFramework.trim()}>Create framework</button>
        </form>
        {fw && (
          <form className="inline-form-small" onSubmit={(e) => { e.preventDefault(); if (newElement.trim()) void attempt(async () => { await s.addElement(fw.id, newElement.trim()); setNewElement(''); changed(); }); }}>
            <input type="text" aria-label="New element name" placeholder="New element…" value={newElement} onChange={(e) => setNewElement(e.target.value)} />
            <button type="submit" disabled={!newElement.trim()}>Add element</button>
          </form>
        )}
      </div>
      {fw?.description && <p className="view-intro">{fw.description}</p>}
      {!fw || elements.length === 0 ? (
        <p className="empty-state">{fw ? 'Add the elements of this framework to start the crosswalk.' : 'Create a reference framework to link categories to its elements.'}</p>
      ) : (
        <div className="crosswalk-scroll">
          <table className="crosswalk" aria-label={`Crosswalk of categories and ${fw.name}`}>
            <thead>
              <tr>
                <th className="corner">Category</th>
                {elements.map((el) => (
                  <th key={el.id} className="el-head" title={el.description || el.name} scope="col"><span>{el.name}</span></th>
                ))}
                <th className="num" scope="col">Linked</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const n = elements.filter((el) => links.has(linkKey(r.code.id, el.id))).length;
                return (
                  <tr key={r.code.id} className={r.depth === 0 ? 'section-row' : ''}>
                    <th scope="row" style={{ paddingLeft: 8 + r.depth * 14 }}>
                      <span className="swatch" style={{ background: r.code.color }} /> {r.code.name}
                      {r.code.origin === 'inductive' && <span className="badge origin inductive">inductive</span>}
                    </th>
                    {elements.map((el) => {
                      const on = links.has(linkKey(r.code.id, el.id));
                      return (
                        <td key={el.id} className={on ? 'on' : ''}>
                          <input type="checkbox" checked={on} aria-label={`${r.code.name} covers ${el.name}`} onChange={() => void attempt(async () => { await s.link(r.code.id, el.id, !on); changed(); })} />
                        </td>
                      );
                    })}
                    <td className="num muted">{n || ''}</td>
                  </tr>
                );
              })}
              {cw.questions.length > 0 && (
                <tr className="group-row"><th colSpan={elements.length + 2}>Questionnaire items</th></tr>
              )}
              {cw.questions.map((q) => (
                <tr key={`q${q.id}`}>
                  <th scope="row" className="question-head" title={q.text}><span className="q-key">{q.key}</span> {q.text}</th>
                  {elements.map((el) => {
                    const on = qlinks.has(linkKey(q.id, el.id));
                    return (
                      <td key={el.id} className={on ? 'on' : ''}>
                        <input type="checkbox" checked={on} aria-label={`${q.key} covers ${el.name}`} onChange={() => void attempt(async () => { await s.linkQuestion(q.id, el.id, !on); changed(); })} />
                      </td>
                    );
                  })}
                  <td className="num muted">{elements.filter((el) => qlinks.has(linkKey(q.id, el.id))).length || ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
