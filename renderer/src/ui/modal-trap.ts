import { useLayoutEffect, useRef, type RefObject } from 'react';

/** What can take focus inside a dialog. */
export const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]):not([hidden]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** Open dialogs, innermost last: only the innermost one keeps focus and answers Escape. */
const open: HTMLElement[] = [];

/**
 * Keeps a modal dialog modal whatever else the page does: focus that lands outside it (a view
 * that redraws and puts the caret back in the document, a click on the backdrop's edge) comes
 * back to the dialog, and Escape closes it wherever focus is, so one press always does.
 */
export function useModalTrap(ref: RefObject<HTMLElement | null>, onEscape: () => void): void {
  const escape = useRef(onEscape);
  escape.current = onEscape;

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    open.push(dialog);
    const innermost = () => open[open.length - 1] === dialog;
    const onFocusIn = (e: FocusEvent) => {
      if (!innermost() || !(e.target instanceof Node) || dialog.contains(e.target)) return;
      const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>(FOCUSABLE) ?? dialog;
      first.focus({ preventScroll: true });
    };
    // Capture phase on the window: the dialog's own handler sees keys typed inside it first
    // (it stops them there); this one answers Escape pressed while focus is still elsewhere.
    const onKey = (e: KeyboardEvent) => {
      if (!innermost() || e.key !== 'Escape') return;
      if (e.target instanceof Node && dialog.contains(e.target)) return;
      e.preventDefault();
      e.stopPropagation();
      escape.current();
    };
    document.addEventListener('focusin', onFocusIn);
    window.addEventListener('keydown', onKey, true);
    return () => {
      const at = open.indexOf(dialog);
      if (at >= 0) open.splice(at, 1);
      document.removeEventListener('focusin', onFocusIn);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [ref]);
}
