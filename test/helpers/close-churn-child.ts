/**
 * Opens and closes projects as fast as a researcher switching projects could, each close
 * landing at another moment of the background integrity check and of the snapshot thread's copy
 * (every other round opens the project again after creating it, which takes a snapshot), and deletes each project's
 * folder right after closing it (as a test, or a user moving the project, would). Prints
 * "closed N" and exits 0; a check thread stopped in the middle of a SQLite call aborts the
 * whole process instead, and a file still held shows as a folder that cannot be removed.
 */
import { mkdtempSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Host } from '../../electron/backend/host.ts';

const rounds = Number(process.argv[2] ?? 30);
for (let i = 0; i < rounds; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-churn-'));
  const host = new Host({ home: join(dir, 'home'), coderName: 'churn' });
  const made = await host.call('project.create', { path: join(dir, 'study.marginalia'), template: 'five-questions' });
  if (!made.ok) throw new Error(made.error.message);
  if (i % 2 === 1) {
    const opened = await host.call('project.open', { path: join(dir, 'study.marginalia') });
    if (!opened.ok) throw new Error(opened.error.message);
  }
  // Close at once, or a moment into the check.
  if (i % 3 === 1) await new Promise((r) => setImmediate(r));
  if (i % 3 === 2) await new Promise((r) => setTimeout(r, i % 7));
  host.close();
  rmSync(join(dir, 'home'), { recursive: true, force: true });
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
  // No retries: whatever still writes into the folder after close shows here.
  rmdirSync(dir);
}
console.log(`closed ${rounds}`);
