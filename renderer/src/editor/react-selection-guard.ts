/**
 * Keeps React from walking the document on every commit while the text has focus.
 *
 * Before each commit React 19 saves the selection of the focused element if it is an input,
 * a textarea or an element whose `contentEditable` property is "true": for a contenteditable
 * it counts the characters of every text node inside it (getModernOffsetsFromPoints), to put
 * the selection back should the commit move the element. This view is contenteditable for its
 * caret and keyboard selection, and a 200,000-word transcript is tens of thousands of nodes:
 * every status-line update, count change or hover card cost 10–20 ms of walking while a
 * researcher selected or coded text. React renders nothing inside the view and ProseMirror
 * owns its selection, so the element answers "inherit" to scripts that read the property;
 * the attribute, which the browser and ProseMirror go by, stays "true". Writes still go through.
 */
export function hideEditableFromReact(el: HTMLElement): void {
  const native = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable');
  if (!native?.get || !native.set) return;
  const { get, set } = native;
  Object.defineProperty(el, 'contentEditable', {
    configurable: true,
    get(this: HTMLElement) {
      const value = get.call(this) as string;
      return value === 'true' ? 'inherit' : value;
    },
    set(this: HTMLElement, value: string) {
      set.call(this, value);
    },
  });
}
