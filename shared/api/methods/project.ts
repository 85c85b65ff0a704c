import { z } from 'zod';
import { command, query } from '../define.ts';
import { empty, filePath, label } from '../schemas.ts';
import type { Coder, ProjectInfo, RecentProject } from '../../domain/types.ts';

export const projectMethods = {
  'project.info': query(empty).returns<ProjectInfo>(),
  'project.open': command(z.object({ path: filePath }).strict()).returns<ProjectInfo>(),
  /**
   * A new project file: either `name` (the file name, `.marginalia` added) in `folder` (a full
   * path; the projects folder of app.paths when left out), or a `path`. A path that is not a
   * full path is taken inside the projects folder, never the working directory. Never overwrites.
   */
  'project.create': command(
    z
      .object({
        path: filePath.optional(),
        name: label('Project name', { max: 120 }).optional(),
        folder: filePath.optional(),
        template: z.enum(['five-questions', 'empty']).default('five-questions'),
      })
      .strict()
      .refine((v) => (v.path === undefined) !== (v.name === undefined), { message: 'give the project a name (or a path), not both', path: ['name'] })
      .refine((v) => v.folder === undefined || v.name !== undefined, { message: 'a folder goes with a name, not with a path', path: ['folder'] }),
  ).returns<ProjectInfo>(),
  'project.openDemo': command(empty).returns<ProjectInfo>(),
  'project.recent': query(empty).returns<RecentProject[]>(),
  /** The data folder, the folder new projects go in, and a suggested path for a new project (browser mode has no file dialog). */
  'app.paths': query(empty).returns<{ home: string; demoPath: string; suggestedNewPath: string; projectsDir: string; desktop: boolean }>(),
  'coders.list': query(empty).returns<Coder[]>(),
  /** The name new work is recorded under; `chosen` is false until the researcher has given theirs (first start). */
  'coders.current': query(empty).returns<{ name: string; chosen: boolean }>(),
  /** Who codes from now on, here and in projects opened later; the first name given replaces the machine's user name. */
  'coders.setCurrent': command(z.object({ name: label('Coder name', { max: 80 }) }).strict()).returns<Coder>(),
};
