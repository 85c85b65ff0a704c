/** A passage dragged from the document onto a code: its offsets travel in the drag data. */
export const PASSAGE_MIME = 'application/x-marginalia-passage';

export type DraggedPassage = { sourceId: number; start: number; end: number };

export const encodePassage = (p: DraggedPassage): string => JSON.stringify(p);

/** The passage in a drop's data, or null when something else is dropped. */
export function decodePassage(data: string): DraggedPassage | null {
  try {
    const v = JSON.parse(data) as Partial<DraggedPassage>;
    const ok = [v.sourceId, v.start, v.end].every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0);
    return ok && v.end! > v.start! ? { sourceId: v.sourceId!, start: v.start!, end: v.end! } : null;
  } catch {
    return null;
  }
}
