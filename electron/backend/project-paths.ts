import { existsSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, normalize, relative } from 'node:path';
import { ApiFailure } from '../../shared/api/errors.ts';
import { PROJECT_EXTENSION } from './project.ts';

/** The data folder each platform gives an application, before MARGINALIA_HOME is considered. */
export const platformHome = (): string =>
  process.platform === 'win32'
    ? join(process.env['APPDATA'] || homedir(), 'Marginalia')
    : process.platform === 'darwin'
      ? join(homedir(), 'Library', 'Application Support', 'Marginalia')
      : join(process.env['XDG_DATA_HOME'] || join(homedir(), '.local', 'share'), 'marginalia');

/**
 * Where new projects go unless the researcher picks another folder: MARGINALIA_PROJECTS when
 * set; a "Marginalia" folder in the user's Documents when the data folder is the platform's
 * own (a data folder chosen on purpose, as tests and sandboxes do, keeps its projects inside it);
 * otherwise `projects` in the data folder.
 */
export function defaultProjectsDir(home: string): string {
  const chosen = process.env['MARGINALIA_PROJECTS'];
  if (chosen) return chosen;
  const documents = join(homedir(), 'Documents');
  if (normalize(home) === normalize(platformHome()) && existsSync(documents)) return join(documents, 'Marginalia');
  return join(home, 'projects');
}

export const withProjectExtension = (name: string): string =>
  name.toLowerCase().endsWith(PROJECT_EXTENSION) ? name : `${name}${PROJECT_EXTENSION}`;

// Characters no file name may hold on one of the three platforms, and names Windows reserves.
const BAD_FILE_CHARACTER = /[\\/:*?"<>|]/;
const RESERVED_NAME = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/** A project name as a file name: refused, with the reason, when some platform could not store it. */
export function checkProjectName(name: string): void {
  const bad = BAD_FILE_CHARACTER.exec(name);
  if (bad) throw new ApiFailure('invalid_input', `Project name cannot contain “${bad[0]}”: it becomes the file name, and file names cannot hold \\ / : * ? " < > |`, 'name');
  if (name === '.' || name === '..' || name.startsWith('.')) throw new ApiFailure('invalid_input', 'Project name cannot start with a dot: the file would be hidden', 'name');
  if (name.endsWith('.') || name.endsWith(' ')) throw new ApiFailure('invalid_input', 'Project name cannot end with a dot or a space', 'name');
  if (RESERVED_NAME.test(name)) throw new ApiFailure('invalid_input', `“${name}” is a name Windows reserves for devices; choose another`, 'name');
}

const isInside = (folder: string, path: string): boolean => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * The file a project path stands for. A full path is taken as it is. Anything else (a bare
 * name such as "Case study") is a project in the projects folder and gets the extension:
 * the renderer cannot know the backend's working directory, so nothing resolves against it.
 */
export function projectFile(path: string, projectsDir: string): string {
  if (isAbsolute(path)) return normalize(path);
  return join(projectsDir, withProjectExtension(path));
}

/** The file of a new project named `name` in `folder` (the projects folder when none is given). */
export function newProjectFile(name: string, folder: string | undefined, projectsDir: string): string {
  checkProjectName(name);
  const dir = folder ?? projectsDir;
  if (!isAbsolute(dir)) {
    throw new ApiFailure('invalid_input', `Location must be a full path to a folder, such as ${projectsDir}; “${dir}” is not`, 'folder');
  }
  return join(normalize(dir), withProjectExtension(name));
}

/**
 * Makes sure the folder a new project goes in exists: the projects folder (and folders
 * inside it) are made on first use; any other folder must already be there.
 */
export function prepareFolder(file: string, projectsDir: string): void {
  const dir = dirname(file);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new ApiFailure('invalid_input', `${dir} is a file, not a folder`, 'folder');
    return;
  }
  if (isInside(projectsDir, dir)) mkdirSync(dir, { recursive: true });
  else throw new ApiFailure('invalid_input', `The folder ${dir} does not exist; create it first or choose another location`, 'folder');
}
