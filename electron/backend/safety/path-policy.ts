import { dirname, isAbsolute, normalize, relative } from 'node:path';
import { ApiFailure } from '../../../shared/api/errors.ts';
import { PROJECT_EXTENSION } from '../project.ts';

/**
 * Who made a call: the CLI, tests and the desktop shell's own menus and dialogs are trusted
 * with paths; the page (the renderer, over IPC or HTTP) is not. A page that runs someone
 * else's script must not be able to make the backend read an arbitrary file.
 */
export type CallOrigin = 'trusted' | 'renderer';

export type PathPolicy = {
  /** The desktop app has native dialogs: there, a page may only name projects the user already chose. */
  desktop: boolean;
  /** A project path as the Host resolves it (a bare name lands in the projects folder). */
  resolve: (path: string) => string;
  /** Paths the user chose before (recent projects, the demo, the projects and data folders). */
  chosen: (fullPath: string) => boolean;
  /** A new file's place the user chose before: beside a recent project, or in the projects or data folder. */
  besideChosen: (fullPath: string) => boolean;
};

/** The ending a key file must have when the page names it (the copy dialog proposes one). */
export const KEY_EXTENSION = '.key';

const FILE_REFUSED = 'is not read from a path the page gives: the page sends the file’s contents (choose or drop the file in the window), and only the command line imports by path';

export const isInside = (folder: string, path: string): boolean => {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

function checkProjectPath(path: string, policy: PathPolicy, opening: boolean): void {
  const full = normalize(policy.resolve(path));
  if (!full.toLowerCase().endsWith(PROJECT_EXTENSION)) {
    throw new ApiFailure('invalid_input', `Only Marginalia project files (${PROJECT_EXTENSION}) can be ${opening ? 'opened' : 'created'} from the window; “${path}” is not one`, 'path');
  }
  if (policy.desktop && !policy.chosen(full)) {
    throw new ApiFailure(
      'invalid_input',
      `${full} was not chosen in a file dialog: use File → ${opening ? 'Open…' : 'New…'} to ${opening ? 'open' : 'create'} a project outside the projects folder`,
      'path',
    );
  }
}

/** Throws when a page's call names a path it may not; trusted calls pass untouched. */
export function checkCallPaths(method: string, input: unknown, origin: CallOrigin, policy: PathPolicy): void {
  if (origin === 'trusted' || typeof input !== 'object' || input === null) return;
  const i = input as Record<string, unknown>;
  switch (method) {
    case 'import.stage': {
      const files = Array.isArray(i['files']) ? (i['files'] as unknown[]) : [];
      files.forEach((f, n) => {
        if (typeof f === 'object' && f !== null && 'path' in f) throw new ApiFailure('invalid_input', `files.${n}: a file ${FILE_REFUSED}`, `files.${n}.path`);
      });
      return;
    }
    case 'exchange.stage': {
      const file = i['file'];
      if (typeof file === 'object' && file !== null && 'path' in file) throw new ApiFailure('invalid_input', `file: a REFI-QDA file ${FILE_REFUSED}`, 'file.path');
      return;
    }
    case 'team.stage': {
      const file = i['file'];
      if (typeof file === 'object' && file !== null && 'path' in file) throw new ApiFailure('invalid_input', `file: a coder’s copy ${FILE_REFUSED}`, 'file.path');
      return;
    }
    case 'project.open':
    case 'project.openForReview':
      if (typeof i['path'] === 'string') checkProjectPath(i['path'], policy, true);
      return;
    case 'project.create':
      if (typeof i['path'] === 'string') checkProjectPath(i['path'], policy, false);
      else if (policy.desktop && typeof i['folder'] === 'string' && !policy.chosen(normalize(i['folder']))) {
        throw new ApiFailure('invalid_input', `${i['folder']} was not chosen in a file dialog: use File → New… to create a project in another folder`, 'folder');
      }
      return;
    case 'anonymize.apply':
      if (typeof i['out'] === 'string') checkFileOfItsKind(i['out'], PROJECT_EXTENSION, 'out', 'pseudonymized copy', policy);
      if (typeof i['keyPath'] === 'string') checkFileOfItsKind(i['keyPath'], KEY_EXTENSION, 'keyPath', 'key file', policy);
      return;
    case 'teamSync.join':
      if (typeof i['path'] === 'string') checkFileOfItsKind(i['path'], PROJECT_EXTENSION, 'path', 'team project file', policy);
      return;
    case 'anonymize.readKey':
      if (typeof i['keyPath'] === 'string') checkFileOfItsKind(i['keyPath'], KEY_EXTENSION, 'keyPath', 'key file', policy);
      return;
    default:
      return;
  }
}

/**
 * A file the page asks the backend to write (a pseudonymized copy, its key) or to read back
 * (a key): only of its own kind, and in the desktop app only beside a project the user chose,
 * so a page cannot make the backend write or probe files of other kinds or places.
 */
function checkFileOfItsKind(path: string, extension: string, field: string, what: string, policy: PathPolicy): void {
  const full = normalize(path);
  if (!isAbsolute(full) || !full.toLowerCase().endsWith(extension) || full.length === extension.length) {
    throw new ApiFailure('invalid_input', `The ${what} must be a full path ending in ${extension}; “${path}” is not`, field);
  }
  if (policy.desktop && !policy.besideChosen(full)) {
    throw new ApiFailure('invalid_input', `${dirname(full)} is not the folder of a project you opened, nor the projects folder: put the ${what} beside the project`, field);
  }
}
