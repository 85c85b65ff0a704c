/** A structural piece of a document, in reading order, before it is joined into text. */
export type Block = { kind: 'heading' | 'paragraph'; text: string; level?: number };

/** Trims a block's text and drops it when empty; blank lines inside become single breaks. */
export function pushBlock(blocks: Block[], kind: Block['kind'], text: string, level?: number): void {
  const tidy = text
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
  if (!tidy) return;
  blocks.push(kind === 'heading' && level !== undefined ? { kind, text: tidy, level } : { kind, text: tidy });
}
