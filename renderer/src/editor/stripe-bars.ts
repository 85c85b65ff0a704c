import type { Coding } from '../../../shared/domain/types.ts';
import type { PlacedCoding } from './coding-model.ts';

/** Width of one lane of the margin, in CSS pixels. */
export const LANE_WIDTH = 15;

/** One stripe to draw: where, in which lane, cut off at the screen's edges or not, and room for its label. */
export type Bar = { placed: PlacedCoding; lane: number; top: number; height: number; openTop: boolean; openBottom: boolean; labelRoom: number };

/** A drawn stripe and what was last written to it: a scroll frame writes only what changed. */
export type Drawn = {
  el: HTMLButtonElement;
  /** The drawing that last showed it: older ones are removed. */
  stamp: number;
  /** Selected, open at the top, open at the bottom: bits 1, 2, 4 of its class. */
  flags: number;
  top: number;
  height: number;
  lane: number;
  color: string;
  /** The coding and code name its aria-label was written for. */
  coding: Coding | null;
  name: string;
  /** What its inner parts were made for: the code name, a memo, the room for the label (0: none). */
  inside: string;
};

let drawStamp = 0;

/** Brings the gutter's buttons in line with `bars`, reusing the button of each coding still shown. */
export function drawBars(gutter: HTMLElement, bars: Bar[], selectedId: number | null, drawn: Map<number, Drawn>): void {
  const stamp = ++drawStamp;
  for (const b of bars) {
    const { coding, code, color } = b.placed;
    let d = drawn.get(coding.id);
    if (!d) {
      const el = document.createElement('button');
      el.type = 'button';
      el.tabIndex = -1;
      el.dataset['codingId'] = String(coding.id);
      d = { el, stamp, flags: -1, top: Number.NaN, height: Number.NaN, lane: -1, color: '', coding: null, name: '', inside: '' };
      drawn.set(coding.id, d);
      gutter.appendChild(el);
    }
    const { el } = d;
    d.stamp = stamp;
    const selected = coding.id === selectedId;
    const flags = (selected ? 1 : 0) | (b.openTop ? 2 : 0) | (b.openBottom ? 4 : 0);
    if (d.flags !== flags) {
      d.flags = flags;
      el.className = `mg-stripe${selected ? ' selected' : ''}${b.openTop ? ' open-top' : ''}${b.openBottom ? ' open-bottom' : ''}`;
    }
    if (d.top !== b.top) el.style.top = `${(d.top = b.top)}px`;
    if (d.height !== b.height) el.style.height = `${(d.height = b.height)}px`;
    if (d.lane !== b.lane) el.style.left = `${(d.lane = b.lane) * LANE_WIDTH}px`;
    if (d.color !== color) el.style.color = d.color = color;
    const name = code?.name ?? 'Unknown code';
    if (d.coding !== coding || d.name !== name) {
      el.setAttribute('aria-label', `${name}: “${coding.quote.slice(0, 80)}”`);
      d.coding = coding;
      d.name = name;
    }
    const withMemo = coding.memoCount > 0;
    const labelPx = b.labelRoom > 24 ? Math.round(b.labelRoom) : 0;
    const inside = `${name}|${withMemo ? 1 : 0}|${labelPx}`;
    if (d.inside !== inside) {
      d.inside = inside;
      drawInside(el, name, withMemo, labelPx);
    }
  }
  drawn.forEach((d, id) => {
    if (d.stamp === stamp) return;
    d.el.remove();
    drawn.delete(id);
  });
}

/** The bar, the memo mark and the code-name label of a stripe. */
function drawInside(el: HTMLButtonElement, name: string, withMemo: boolean, labelPx: number): void {
  el.replaceChildren();
  const bar = document.createElement('span');
  bar.className = 'mg-stripe-bar';
  el.appendChild(bar);
  if (withMemo) {
    const memo = document.createElement('span');
    memo.className = 'mg-stripe-memo';
    memo.title = 'Has a memo';
    memo.textContent = '✎';
    el.appendChild(memo);
  }
  if (labelPx > 0) {
    const label = document.createElement('span');
    label.className = 'mg-stripe-label';
    label.style.maxHeight = `${labelPx - (withMemo ? 16 : 2)}px`;
    label.textContent = name;
    el.appendChild(label);
  }
}
