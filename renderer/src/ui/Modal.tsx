import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { FOCUSABLE, useModalTrap } from './modal-trap.ts';

export type ModalProps = {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Where focus goes when the dialog closes; by default the element focused before it opened. */
  returnFocus?: () => void;
  wide?: boolean;
  /** Extra line under the title, read out with it. */
  description?: string;
};

/**
 * A modal dialog: focus moves in, Tab stays inside, Escape closes, and focus goes back to
 * where the researcher was (the document or the tree) when it closes.
 */
export function Modal({ title, onClose, children, returnFocus, wide, description }: ModalProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descId = useId();
  const restore = useRef<{ before: Element | null; open: boolean; returnFocus?: () => void }>({ before: null, open: false });
  restore.current.returnFocus = returnFocus;
  useModalTrap(ref, onClose);

  // Layout effect: focus must be inside before the next key arrives (Ctrl+K, then Enter at once).
  useLayoutEffect(() => {
    const r = restore.current;
    // StrictMode mounts, unmounts and remounts at once: keep what was focused before the first mount.
    if (r.before === null) r.before = document.activeElement;
    r.open = true;
    const first = ref.current?.querySelector<HTMLElement>('[autofocus], [data-autofocus]') ?? ref.current?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? ref.current)?.focus();
    return () => {
      r.open = false;
      // After the dialog is gone from the DOM, so the target is focusable again; not if it came straight back.
      queueMicrotask(() => {
        if (r.open) return;
        if (r.returnFocus) r.returnFocus();
        // preventScroll: focusing the document must not jump it to wherever the browser puts the caret.
        else if (r.before instanceof HTMLElement && r.before.isConnected) r.before.focus({ preventScroll: true });
      });
    };
  }, []);

  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div
        ref={ref}
        className={`modal${wide ? ' wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descId : undefined}
        tabIndex={-1}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') { e.preventDefault(); onClose(); }
          if (e.key !== 'Tab' || !ref.current) return;
          const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
          if (items.length === 0) return;
          const first = items[0]!;
          const last = items[items.length - 1]!;
          if (e.shiftKey && document.activeElement === first) { last.focus(); e.preventDefault(); }
          else if (!e.shiftKey && document.activeElement === last) { first.focus(); e.preventDefault(); }
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {description && <p id={descId} className="modal-description">{description}</p>}
        {children}
      </div>
    </div>
  );
}
