import { describe, expect, it } from 'vitest';
import { snapshotsToKeep, KEEP_LATEST } from '../../../electron/backend/safety/rotation.ts';
import { cloudService, locationWarning, networkShare, parseMounts } from '../../../electron/backend/safety/location.ts';
import { describeStorageError, isStorageError } from '../../../electron/backend/safety/storage-errors.ts';
import { parseSnapshotName, snapshotName } from '../../../electron/backend/safety/snapshots.ts';

const HOUR = 3600_000;
const now = new Date('2026-11-28T12:00:00Z');
const at = (hoursAgo: number, reason = 'activity') => {
  const takenAt = new Date(now.getTime() - hoursAgo * HOUR);
  return { name: snapshotName(takenAt, reason as 'activity'), takenAt, reason };
};

describe('snapshot rotation', () => {
  it('keeps the newest ten, one a day for a week, one a week for five weeks', () => {
    // Every hour for 40 days.
    const entries = Array.from({ length: 40 * 24 }, (_, i) => at(i));
    const keep = snapshotsToKeep(entries, now);
    const kept = entries.filter((e) => keep.has(e.name));
    // The ten newest.
    for (const e of entries.slice(0, KEEP_LATEST)) expect(keep.has(e.name)).toBe(true);
    // Days 1..6 each keep their newest (hours 24, 48, …, 144).
    for (let d = 1; d < 7; d++) expect(keep.has(at(d * 24).name)).toBe(true);
    // Weeks 1..4 each keep their newest (hours 168, 336, …).
    for (let w = 1; w < 5; w++) expect(keep.has(at(w * 168).name)).toBe(true);
    // Nothing older than five weeks, and not every hour of a day either.
    expect(keep.has(at(5 * 168 + 1).name)).toBe(false);
    expect(keep.has(at(30).name)).toBe(false);
    expect(kept.length).toBe(KEEP_LATEST + 6 + 4);
  });

  it('always keeps the newest snapshot taken before a restore', () => {
    const entries = [...Array.from({ length: 30 }, (_, i) => at(i)), at(24 * 60, 'restore'), at(24 * 70, 'restore')];
    const keep = snapshotsToKeep(entries, now);
    expect(keep.has(at(24 * 60, 'restore').name)).toBe(true);
    expect(keep.has(at(24 * 70, 'restore').name)).toBe(false);
  });

  it('keeps everything when there are few', () => {
    const entries = [at(0), at(1), at(500)];
    expect(snapshotsToKeep(entries, now).size).toBe(3);
  });
});

describe('snapshot names', () => {
  it('round-trip time and reason, and refuse anything else', () => {
    const name = snapshotName(now, 'restore', 3);
    expect(name).toBe('2026-11-28T12-00-00Z-restore-3.marginalia');
    expect(parseSnapshotName(name)).toEqual({ takenAt: now, reason: 'restore', n: 3 });
    for (const bad of ['../2026-11-28T12-00-00Z-open.marginalia', '2026-11-28T12-00-00Z-open.marginalia.partial', 'study.marginalia', '2026-13-45T99-00-00Z-open.marginalia']) {
      expect(parseSnapshotName(bad)).toBeNull();
    }
  });
});

describe('location warning', () => {
  it('names the sync service of a cloud folder', () => {
    expect(cloudService('/home/ana/Dropbox/thesis/study.marginalia')).toBe('Dropbox');
    expect(cloudService('C:\\Users\\ana\\OneDrive - University\\study.marginalia')).toBe('OneDrive');
    expect(cloudService('/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/study.marginalia')).toBe('iCloud Drive');
    expect(cloudService('/Users/ana/Library/CloudStorage/GoogleDrive-ana@example.org/My Drive/study.marginalia')).toBe('Google Drive');
    expect(cloudService('G:\\My Drive\\study.marginalia')).toBe('Google Drive');
    expect(cloudService('/home/ana/projects/dropboxes/study.marginalia')).toBeNull();
    expect(locationWarning('/home/ana/Dropbox/study.marginalia', 'linux', [])).toMatch(/Dropbox folder.*sync service can copy the file while Marginalia writes it/);
  });

  it('finds network shares from the mount table and UNC paths', () => {
    const mounts = parseMounts('/dev/sda1 / ext4 rw 0 0\nserver:/export /mnt/lab nfs4 rw 0 0\n//nas/share /mnt/my\\040share cifs rw 0 0\n');
    expect(mounts).toContainEqual({ point: '/mnt/my share', type: 'cifs' });
    expect(networkShare('/mnt/lab/study.marginalia', 'linux', mounts)).toBe('a network share (nfs4)');
    expect(networkShare('/mnt/my share/a/study.marginalia', 'linux', mounts)).toBe('a network share (cifs)');
    expect(networkShare('/mnt/laboratory/study.marginalia', 'linux', mounts)).toBeNull();
    expect(networkShare('/home/ana/study.marginalia', 'linux', mounts)).toBeNull();
    expect(networkShare('\\\\nas\\research\\study.marginalia', 'win32', [])).toBe('a Windows network share');
    expect(networkShare('C:\\research\\study.marginalia', 'win32', [])).toBeNull();
    expect(locationWarning('/mnt/lab/study.marginalia', 'linux', mounts)).toMatch(/network share \(nfs4\).*locks and writes are not reliable/);
    expect(locationWarning('/home/ana/study.marginalia', 'linux', mounts)).toBeNull();
  });
});

describe('storage errors', () => {
  const err = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  it('says what the disk did, in words a researcher can act on', () => {
    expect(describeStorageError(err('SQLITE_FULL'))).toMatch(/disk is full/);
    expect(describeStorageError(err('ENOSPC'))).toMatch(/disk is full/);
    expect(describeStorageError(err('SQLITE_IOERR_WRITE', 'disk I/O error'))).toMatch(/input\/output error.*check the drive/);
    expect(describeStorageError(err('EROFS'))).toMatch(/cannot be written/);
    expect(isStorageError(err('SQLITE_FULL'))).toBe(true);
    expect(isStorageError(err('SQLITE_CONSTRAINT_UNIQUE'))).toBe(false);
  });
});
