import type { KeyboardEvent } from 'react';

/**
 * Arrow keys, Home and End move between the tabs of a WAI-ARIA tablist (and select the tab
 * they land on); Tab then leads into the panel.
 */
export function onTablistKey<T extends string>(e: KeyboardEvent<HTMLElement>, tabs: readonly T[], current: T, choose: (tab: T) => void): void {
  const i = tabs.indexOf(current);
  const next =
    e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length]
    : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length]
    : e.key === 'Home' ? tabs[0]
    : e.key === 'End' ? tabs[tabs.length - 1]
    : undefined;
  if (next === undefined) return;
  e.preventDefault();
  choose(next);
  const list = e.currentTarget;
  requestAnimationFrame(() => list.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus());
}
