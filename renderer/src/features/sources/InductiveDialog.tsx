import { useState } from 'react';
import { Modal } from '../../ui/Modal.tsx';

export type InductiveDialogProps = {
  quote: string;
  onCreate: (name: string, memo: string) => void;
  onClose: () => void;
  returnFocus?: () => void;
};

/** "New category from this passage": name the category and say in a line or two why it is needed. */
export function InductiveDialog({ quote, onCreate, onClose, returnFocus }: InductiveDialogProps) {
  const [name, setName] = useState('');
  const [memo, setMemo] = useState('');
  const excerpt = quote.length > 320 ? `${quote.slice(0, 320)}…` : quote;
  return (
    <Modal title="New category from this passage" onClose={onClose} returnFocus={returnFocus} description="Creates an inductive code, codes this passage with it and keeps your reason as a memo on the code.">
      <blockquote className="passage-quote">{excerpt}</blockquote>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onCreate(name.trim(), memo);
        }}
      >
        <label className="field">
          <span>Category name</span>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} data-autofocus maxLength={120} />
        </label>
        <label className="field">
          <span>Why this category?</span>
          <textarea rows={3} value={memo} onChange={(e) => setMemo(e.target.value)} placeholder="What does the data show that the scheme lacks?" />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!name.trim()}>Create category</button>
          <button type="button" onClick={onClose}>Cancel</button>
        </div>
      </form>
    </Modal>
  );
}
