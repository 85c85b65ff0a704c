import type { Page } from 'playwright-core';
import type { App } from './harness.ts';

/**
 * Selects a phrase in the open document the way a mouse drag would: a DOM Range over the
 * text nodes (highlights split a paragraph into several), with the document focused so the
 * editor takes the selection over.
 */
export async function selectPhrase(page: Page, phrase: string, attempt = 1): Promise<void> {
  const found = await page.evaluate((needle) => {
    const root = document.querySelector<HTMLElement>('.mg-doc');
    if (!root) return 'no document';
    root.focus({ preventScroll: true });
    for (const block of Array.from(root.querySelectorAll<HTMLElement>('.mg-text'))) {
      const nodes: { node: Text; at: number }[] = [];
      let text = '';
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n as Text, at: text.length });
        text += (n as Text).data;
      }
      const i = text.indexOf(needle);
      if (i < 0) continue;
      const locate = (offset: number, preferNext: boolean) => {
        for (let k = nodes.length - 1; k >= 0; k--) {
          const { node, at } = nodes[k]!;
          if (at < offset || (at === offset && (preferNext || k === 0))) return { node, offset: offset - at };
        }
        return { node: nodes[0]!.node, offset: 0 };
      };
      const a = locate(i, true);
      const b = locate(i + needle.length, false);
      const range = document.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return 'ok';
    }
    return `phrase not found: ${needle}`;
  }, phrase);
  if (found !== 'ok') throw new Error(found);
  // A redraw still under way (the coding just made) may put the editor's own selection back
  // before it has read this one: check that the selection holds over two frames, else select again.
  const held = await page.evaluate(
    (needle) =>
      new Promise<boolean>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(window.getSelection()?.toString() === needle), 20))),
      ),
    phrase,
  );
  if (!held && attempt < 5) return selectPhrase(page, phrase, attempt + 1);
}

/** Codings of a source straight from the project file, as the researcher's data. */
export function codingsInFile(app: App, sourceName: string): { code: string; quote: string; start: number; end: number }[] {
  return app.host.current!.db.raw
    .prepare(
      `SELECT k.name AS code, c.quote, c.start, c.end FROM codings c JOIN codes k ON k.id = c.code_id
       JOIN sources s ON s.id = c.source_id WHERE s.name = ? ORDER BY c.start, c.id`,
    )
    .all(sourceName) as { code: string; quote: string; start: number; end: number }[];
}

export function codeCount(app: App, name: string): number {
  const row = app.host.current!.db.raw
    .prepare('SELECT count(*) AS n FROM codings c JOIN codes k ON k.id = c.code_id WHERE k.name = ?')
    .get(name) as { n: number };
  return row.n;
}
