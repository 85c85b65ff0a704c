import { useEffect } from 'react';
import type { ProjectInfo } from '../../../../shared/domain/types.ts';
import { useProjectStore } from '../project/store.ts';
import { useSafetyStore } from './store.ts';
import './safety.css';

/** How often the banner asks whether the background integrity check has finished. */
const CHECK_POLL_MS = 2000;

/**
 * What the researcher must know before working: the project is read-only here (and why), it
 * sits in a cloud-synced folder or on a network share, the full integrity check found damage,
 * or snapshots cannot be written.
 */
export function SafetyBanner({ info }: { info: ProjectInfo }) {
  const safety = info.safety;
  const openDialog = useSafetyStore((s) => s.openDialog);
  const checking = safety?.integrity === 'checking';
  useEffect(() => {
    if (!checking) return;
    const timer = setInterval(() => void useProjectStore.getState().refresh().catch(() => {}), CHECK_POLL_MS);
    return () => clearInterval(timer);
  }, [checking, info.path]);
  if (!safety) return null;
  const damaged = safety.integrity === 'damaged';
  const lines: { kind: 'danger' | 'warn'; key: string; text: string; action?: boolean }[] = [];
  if (damaged) lines.push({ kind: 'danger', key: 'damaged', text: `${safety.integrityProblem ?? 'The project file is damaged.'} Nothing more is written to it.`, action: true });
  // Reviewer mode says read-only in its own banner.
  else if (safety.readOnly && info.reviewer !== true) lines.push({ kind: 'warn', key: 'read-only', text: `Read-only: ${safety.readOnly}` });
  if (safety.location) lines.push({ kind: 'warn', key: 'location', text: safety.location });
  if (safety.snapshotProblem) lines.push({ kind: 'warn', key: 'snapshot', text: `Snapshots are not being kept: ${safety.snapshotProblem}` });
  if (lines.length === 0) return null;
  return (
    <div className="safety-banners" role="region" aria-label="Project warnings">
      {lines.map((l) => (
        <p key={l.key} className={`safety-banner ${l.kind}`} role={l.kind === 'danger' ? 'alert' : 'status'}>
          <span>{l.text}</span>
          {l.action && <button onClick={() => openDialog()}>Restore a snapshot…</button>}
        </p>
      ))}
    </div>
  );
}

/** The status bar's way to the snapshots list. */
export function SnapshotsButton() {
  const openDialog = useSafetyStore((s) => s.openDialog);
  return (
    <button className="link statusbar-link" onClick={() => openDialog()} title="Whole copies of the project, kept beside it; restore one">
      Snapshots…
    </button>
  );
}

/** A project refused as damaged: the snapshots dialog opens with the offer of its latest good snapshot. */
export function DamagedOffer() {
  const damaged = useProjectStore((s) => s.damaged);
  const openDialog = useSafetyStore((s) => s.openDialog);
  useEffect(() => {
    if (damaged === null) return;
    openDialog({ damaged });
    useProjectStore.getState().clearDamaged();
  }, [damaged, openDialog]);
  return null;
}
