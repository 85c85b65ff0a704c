import type { Coding } from '../../../shared/domain/types.ts';
import { stripeLabelColor as labelColor } from './code-color-contrast.ts';
import type { PlacedCoding } from './coding-model.ts';

/** Width of one lane of the margin, in CSS pixels. */
export const LANE_WIDTH = 15;

/** Buttons kept aside for the next stripes to come on screen, at most. */
const SPARE_MAX = 64;

/** One stripe to draw: where, in which lane, cut off at the screen's edges or not, and room for its label. */
export type Bar = { placed: PlacedCoding; lane: number; top: number; height: number; openTop: boolean; openBottom: boolean; labelRoom: number };

/** A stripe button and what was last written to it: a scroll frame writes only what changed. */
type Drawn = {
  el: HTMLButtonElement;
  bar: HTMLSpanElement;
  memo: HTMLSpanElement | null;
  label: HTMLSpanElement | null;
  /** The drawing that last showed it: older ones are put aside. */
  stamp: number;
  /** Selected, open at the top, open at the bottom: bits 1, 2, 4 of its class; -1 when put aside. */
  flags: number;
  top: number;
  height: number;
  lane: number;
  color: string;
  coderColor: string | null;
  /** The coding and code name its aria-label was written for. */
  coding: Coding | null;
  name: string;
  labelPx: number;
};

/**
 * The stripes drawn in one gutter: the button of each coding shown, and buttons put aside.
 * A scroll of a screen per frame brings a whole new set of stripes every frame: the buttons of
 * stripes that left are reused for those that came, so a scroll creates no elements (which
 * the browser would have to collect while the text is scrolling).
 */
export type StripeSet = { shown: Map<number, Drawn>; spare: Drawn[] };

export const newStripeSet = (): StripeSet => ({ shown: new Map(), spare: [] });

let drawStamp = 0;

function newDrawn(gutter: HTMLElement): Drawn {
  const el = document.createElement('button');
  el.type = 'button';
  el.tabIndex = -1;
  const bar = document.createElement('span');
  bar.className = 'mg-stripe-bar';
  el.appendChild(bar);
  gutter.appendChild(el);
  return { el, bar, memo: null, label: null, stamp: 0, flags: -1, top: Number.NaN, height: Number.NaN, lane: -1, color: '', coderColor: null, coding: null, name: '', labelPx: -1 };
}

/** Takes a stripe off the screen: hidden, out of the accessibility tree and of `.mg-stripe` queries, kept for reuse. */
function putAside(d: Drawn, set: StripeSet): void {
  if (set.spare.length >= SPARE_MAX) {
    d.el.remove();
    return;
  }
  d.flags = -1;
  d.coding = null;
  d.coderColor = null;
  d.el.style.removeProperty('--coder');
  d.el.className = 'mg-stripe-spare';
  // Where it was would still count in the scroll area's height, after the text below it shrank.
  d.el.style.top = '0px';
  d.el.style.height = '0px';
  d.top = 0;
  d.height = 0;
  d.el.removeAttribute('aria-label');
  delete d.el.dataset['codingId'];
  set.spare.push(d);
}

/** Brings the gutter's buttons in line with `bars`, reusing the button of each coding still shown, then spare ones. */
export function drawBars(gutter: HTMLElement, bars: Bar[], selectedId: number | null, set: StripeSet): void {
  const stamp = ++drawStamp;
  const { shown, spare } = set;
  for (const b of bars) {
    const d = shown.get(b.placed.coding.id);
    if (d) d.stamp = stamp;
  }
  // Stripes that left go aside first, so that those that came can take their buttons.
  shown.forEach((d, id) => {
    if (d.stamp === stamp) return;
    shown.delete(id);
    putAside(d, set);
  });
  for (const b of bars) {
    const { coding } = b.placed;
    let d = shown.get(coding.id);
    if (!d) {
      d = spare.pop() ?? newDrawn(gutter);
      d.stamp = stamp;
      d.el.dataset['codingId'] = String(coding.id);
      shown.set(coding.id, d);
    }
    drawBar(d, b, coding.id === selectedId);
  }
}

function drawBar(d: Drawn, b: Bar, selected: boolean): void {
  const { el } = d;
  const { coding, code, color, coderColor } = b.placed;
  const flags = (selected ? 1 : 0) | (b.openTop ? 2 : 0) | (b.openBottom ? 4 : 0) | (coderColor ? 8 : 0);
  if (d.flags !== flags) {
    d.flags = flags;
    el.className = `mg-stripe${selected ? ' selected' : ''}${b.openTop ? ' open-top' : ''}${b.openBottom ? ' open-bottom' : ''}${coderColor ? ' by-coder' : ''}`;
  }
  if (d.top !== b.top) el.style.top = `${(d.top = b.top)}px`;
  if (d.height !== b.height) el.style.height = `${(d.height = b.height)}px`;
  if (d.lane !== b.lane) el.style.left = `${(d.lane = b.lane) * LANE_WIDTH}px`;
  const name = code?.name ?? 'Unknown code';
  if (d.color !== color) {
    el.style.color = d.color = color;
    if (d.label) d.label.style.color = labelColor(color);
    if (d.memo) d.memo.style.color = labelColor(color);
  }
  if (d.coderColor !== coderColor) {
    // The top of the bar in the coder's colour, when the view tells coders apart.
    if (coderColor) el.style.setProperty('--coder', coderColor);
    else el.style.removeProperty('--coder');
    d.coderColor = coderColor;
    d.coding = null; // the label names the coder or not: write it again
  }
  if (d.coding !== coding || d.name !== name) {
    el.setAttribute('aria-label', `${name}${coderColor ? ` (${coding.coderName})` : ''}: “${coding.quote.slice(0, 80)}”`);
    d.coding = coding;
    d.name = name;
    if (d.label) d.label.textContent = name;
  }
  const withMemo = coding.memoCount > 0;
  if (withMemo !== (d.memo !== null)) {
    if (d.memo) {
      d.memo.remove();
      d.memo = null;
    } else {
      const memo = document.createElement('span');
      memo.className = 'mg-stripe-memo';
      memo.title = 'Has a memo';
      memo.textContent = '✎';
      memo.style.color = labelColor(color);
      d.bar.after(memo);
      d.memo = memo;
    }
    d.labelPx = -1;
  }
  const labelPx = b.labelRoom > 24 ? Math.round(b.labelRoom) : 0;
  if (labelPx !== d.labelPx) {
    d.labelPx = labelPx;
    if (labelPx === 0) {
      d.label?.remove();
      d.label = null;
    } else {
      if (!d.label) {
        const label = document.createElement('span');
        label.className = 'mg-stripe-label';
        label.style.color = labelColor(color);
        label.textContent = name;
        el.appendChild(label);
        d.label = label;
      }
      d.label.style.maxHeight = `${labelPx - (withMemo ? 16 : 2)}px`;
    }
  }
}
