import { readFileSync } from 'node:fs';

/**
 * Whether a project sits where SQLite is not safe: a folder a sync service copies behind our
 * back, or a network share whose locks and writes are not reliable. Pure, apart from
 * readMounts(): tested on its own.
 */

export type Mount = { point: string; type: string };

/** Folder names sync clients create, matched against each folder on the path (any letter case). */
const CLOUD_FOLDERS: { test: (segment: string) => boolean; service: string }[] = [
  { test: (s) => s === 'dropbox' || s.startsWith('dropbox (') || s.startsWith('dropbox-'), service: 'Dropbox' },
  { test: (s) => s === 'onedrive' || s.startsWith('onedrive - ') || s.startsWith('onedrive-'), service: 'OneDrive' },
  { test: (s) => s === 'mobile documents' || s === 'icloud drive' || s === 'iclouddrive' || s.startsWith('icloud~'), service: 'iCloud Drive' },
  { test: (s) => s === 'google drive' || s === 'googledrive' || s === 'my drive' || s.startsWith('googledrive-'), service: 'Google Drive' },
  { test: (s) => s === 'box' || s === 'box sync' || s.startsWith('box-box'), service: 'Box' },
  { test: (s) => s === 'pcloud drive' || s === 'pclouddrive', service: 'pCloud' },
  { test: (s) => s === 'nextcloud' || s === 'owncloud', service: 'Nextcloud' },
  { test: (s) => s === 'mega' || s === 'megasync', service: 'MEGA' },
];

const NETWORK_TYPES = new Set(['nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'smb2', 'afpfs', 'webdav', 'davfs', 'fuse.davfs2', 'fuse.sshfs', 'sshfs', '9p', 'afs', 'ncpfs', 'glusterfs', 'fuse.glusterfs', 'ceph', 'fuse.ceph', 'fuse.rclone', 'fuse.s3fs', 'lustre', 'gpfs']);

const segments = (path: string): string[] => path.split(/[\\/]+/).filter(Boolean).map((s) => s.toLowerCase());

/** The sync service whose folder holds the path, if any. */
export function cloudService(path: string): string | null {
  const parts = segments(path);
  // macOS puts every File Provider service (Dropbox, OneDrive, Google Drive, Box…) under ~/Library/CloudStorage.
  const storage = parts.findIndex((s, i) => s === 'cloudstorage' && parts[i - 1] === 'library');
  if (storage >= 0 && parts[storage + 1]) {
    const provider = parts[storage + 1]!;
    return CLOUD_FOLDERS.find((c) => c.test(provider.split('-')[0]!) || c.test(provider))?.service ?? 'a cloud storage service';
  }
  for (const part of parts) {
    const hit = CLOUD_FOLDERS.find((c) => c.test(part));
    if (hit) return hit.service;
  }
  return null;
}

/** The kind of network file system the path is on, if it is on one. */
export function networkShare(path: string, platform: string, mounts: readonly Mount[]): string | null {
  if (platform === 'win32') {
    if (/^\\\\\?\\UNC\\/i.test(path) || (/^\\\\[^?.]/.test(path))) return 'a Windows network share';
    return null;
  }
  let best: Mount | null = null;
  for (const m of mounts) {
    const inside = path === m.point || path.startsWith(m.point.endsWith('/') ? m.point : `${m.point}/`);
    if (inside && (!best || m.point.length > best.point.length)) best = m;
  }
  return best && NETWORK_TYPES.has(best.type.toLowerCase()) ? `a network share (${best.type})` : null;
}

/** /proc/mounts as mount points and types (Linux); empty where there is no such file. */
export function parseMounts(text: string): Mount[] {
  const decode = (s: string) => s.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
  return text.split('\n').flatMap((line) => {
    const [, point, type] = line.split(' ');
    return point && type ? [{ point: decode(point), type }] : [];
  });
}

export function readMounts(): Mount[] {
  try {
    return parseMounts(readFileSync('/proc/mounts', 'utf8'));
  } catch {
    return [];
  }
}

/** The warning a researcher sees for a project at `path`, or null when the place is safe. */
export function locationWarning(path: string, platform: string = process.platform, mounts: readonly Mount[] = platform === 'linux' ? readMounts() : []): string | null {
  const cloud = cloudService(path);
  if (cloud) {
    return `This project is in a ${cloud} folder. A sync service can copy the file while Marginalia writes it, or put an older copy back, and either can damage the project or lose work. Keep projects in a local folder, or pause syncing while the project is open.`;
  }
  const share = networkShare(path, platform, mounts);
  if (share) {
    return `This project is on ${share}. Over a network, file locks and writes are not reliable enough for the project's database: two people may end up writing at once, and a dropped connection can damage the file. Copy it to a local disk to work on it.`;
  }
  return null;
}
