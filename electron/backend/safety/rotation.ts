/**
 * Which snapshots to keep: the newest ten; the newest of each of the last seven days; the newest
 * of each of the last five weeks; and always the newest taken before a restore (the way back
 * from a restore chosen by mistake). Everything else may be deleted. Pure: tested on its own.
 */

export type RotationEntry = { name: string; takenAt: Date; reason: string };

export const KEEP_LATEST = 10;
export const KEEP_DAYS = 7;
export const KEEP_WEEKS = 5;

const DAY = 24 * 60 * 60 * 1000;
const WEEK = 7 * DAY;

/** The names to keep, for entries in any order. */
export function snapshotsToKeep(entries: readonly RotationEntry[], now: Date): Set<string> {
  const newestFirst = [...entries].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
  const keep = new Set<string>(newestFirst.slice(0, KEEP_LATEST).map((e) => e.name));
  const seenDays = new Set<number>();
  const seenWeeks = new Set<number>();
  let beforeRestore = false;
  for (const e of newestFirst) {
    const age = now.getTime() - e.takenAt.getTime();
    // Counted back from now, so "a day" is always 24 hours whatever the time zone.
    const day = Math.floor(Math.max(0, age) / DAY);
    const week = Math.floor(Math.max(0, age) / WEEK);
    if (day < KEEP_DAYS && !seenDays.has(day)) {
      seenDays.add(day);
      keep.add(e.name);
    }
    if (week < KEEP_WEEKS && !seenWeeks.has(week)) {
      seenWeeks.add(week);
      keep.add(e.name);
    }
    if (e.reason === 'restore' && !beforeRestore) {
      beforeRestore = true;
      keep.add(e.name);
    }
  }
  return keep;
}
