import type { SnapshotReason } from '../../../../shared/domain/safety-types.ts';

export const REASON_LABEL: Record<SnapshotReason, string> = {
  open: 'On opening',
  activity: 'During work',
  restore: 'Before a restore',
  manual: 'Taken by hand',
};

export const formatWhen = (iso: string): string => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
