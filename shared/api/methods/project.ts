import { z } from 'zod';
import { command, query } from '../define.ts';
import { empty, filePath, label } from '../schemas.ts';
import type { Coder, ProjectInfo, RecentProject } from '../../domain/types.ts';

export const projectMethods = {
  'project.info': query(empty).returns<ProjectInfo>(),
  'project.open': command(z.object({ path: filePath }).strict()).returns<ProjectInfo>(),
  'project.create': command(
    z.object({ path: filePath, template: z.enum(['five-questions', 'empty']).default('five-questions') }).strict(),
  ).returns<ProjectInfo>(),
  'project.openDemo': command(empty).returns<ProjectInfo>(),
  'project.recent': query(empty).returns<RecentProject[]>(),
  /** The data folder and a suggested path for a new project (browser mode has no file dialog). */
  'app.paths': query(empty).returns<{ home: string; demoPath: string; suggestedNewPath: string; desktop: boolean }>(),
  'coders.list': query(empty).returns<Coder[]>(),
  'coders.setCurrent': command(z.object({ name: label('Coder name', { max: 80 }) }).strict()).returns<Coder>(),
};
