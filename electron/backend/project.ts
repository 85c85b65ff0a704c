import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { ApiFailure } from '../../shared/api/errors.ts';
import { FIVE_QUESTIONS } from '../../shared/domain/scheme.ts';
import type { ProjectInfo } from '../../shared/domain/types.ts';
import { makeCtx, type Clock, type Ctx } from './context.ts';
import { Db } from './db/database.ts';
import { assertSupportedVersion, loadMigrations, migrate, schemaVersion } from './db/migrate.ts';
import { insertCode } from './repositories/codes.ts';
import { counts, ensureCoder, findCoderByName, getCoder, getMeta, setMeta, tableNames } from './repositories/meta.ts';
import { quickCheckProblems } from './repositories/snapshots.ts';

export const PROJECT_EXTENSION = '.marginalia';

export type ProjectTemplate = 'five-questions' | 'empty';

export type OpenProjectOptions = {
  clock: Clock;
  coderName: string;
  /** Create a new project file; fails if the file exists. */
  create?: { template: ProjectTemplate; isDemo?: boolean };
  /** Open without writing anything (another process is the writer): no migration, no new coder row. */
  readOnly?: boolean;
};

/** SQLite's words for a file whose pages are broken (as opposed to a file that is not a database at all). */
const DAMAGE = /^SQLITE_(CORRUPT|NOTADB)/;

/** One open project file: its connection, its migrations applied, and the current coder. */
export class Project {
  readonly db: Db;
  readonly ctx: Ctx;

  /** The coder's name when they have no row (read-only, never wrote here). */
  private readonly viewerName: string;

  private constructor(db: Db, ctx: Ctx, viewerName = '') {
    this.db = db;
    this.ctx = ctx;
    this.viewerName = viewerName;
  }

  static open(path: string, options: OpenProjectOptions): Project {
    if (options.create && existsSync(path)) {
      throw new ApiFailure('conflict', `${path} already exists; open it instead, or choose another name`, 'path');
    }
    const db = new Db(path, { create: options.create !== undefined, readonly: options.readOnly === true && !options.create });
    try {
      if (!options.create) {
        assertIsMarginalia(db);
        assertSupportedVersion(db);
        assertUndamaged(db);
      }
      if (options.readOnly && !options.create) return Project.openReadOnly(db, options);
      db.enableWal();
      migrate(db);
      const now = options.clock().toISOString();
      const coder = db.transaction(() => {
        if (options.create) {
          setMeta(db, 'app', 'marginalia');
          setMeta(db, 'created_at', now);
          setMeta(db, 'name', basename(path, extname(path)));
          setMeta(db, 'is_demo', options.create.isDemo ? '1' : '0');
        }
        return ensureCoder(db, options.coderName, now);
      });
      const project = new Project(db, makeCtx(db, coder.id, options.clock));
      if (options.create) {
        db.transaction(() => {
          project.ctx.audit('create', 'project', null, { template: options.create!.template });
          if (options.create!.template === 'five-questions') seedFiveQuestions(project.ctx);
        });
      }
      return project;
    } catch (err) {
      db.close();
      if (err instanceof ApiFailure) throw err;
      const message = err instanceof Error ? err.message : String(err);
      const code = (err as { code?: unknown }).code;
      if (typeof code === 'string' && DAMAGE.test(code)) {
        throw new ApiFailure('damaged', `${path} is damaged and cannot be opened (SQLite: ${message}). It has been left exactly as it is.`, 'path');
      }
      throw new ApiFailure('not_a_project', `${path} could not be opened as a Marginalia project: ${message}`, 'path');
    }
  }

  private static openReadOnly(db: Db, options: OpenProjectOptions): Project {
    if (schemaVersion(db) < loadMigrations().length) {
      throw new ApiFailure('read_only', `${db.path} was last written by an older Marginalia and must be upgraded before it can be shown, which needs writing to it; it is open for writing elsewhere, so close it there first.`, 'path');
    }
    // A coder who never wrote to this project has no row yet, and a read-only project cannot add one.
    const coder = findCoderByName(db, options.coderName) ?? { id: 0, name: options.coderName };
    return new Project(db, makeCtx(db, coder.id, options.clock), coder.name);
  }

  info(): ProjectInfo {
    const coder = getCoder(this.db, this.ctx.coderId) ?? { id: this.ctx.coderId, name: this.viewerName };
    return {
      path: this.db.path,
      name: getMeta(this.db, 'name') ?? basename(this.db.path, extname(this.db.path)),
      schemaVersion: schemaVersion(this.db),
      createdAt: getMeta(this.db, 'created_at') ?? '',
      isDemo: getMeta(this.db, 'is_demo') === '1',
      coder,
      counts: counts(this.db),
    };
  }

  /** A project that switched coder: same connection, new context. */
  withCoder(coderId: number, clock: Clock): Project {
    return new Project(this.db, makeCtx(this.db, coderId, clock));
  }

  close(): void {
    this.db.close();
  }
}

/** The quick check on open: a file with broken pages is refused before anything writes to it. */
function assertUndamaged(db: Db): void {
  const problems = quickCheckProblems(db, 3);
  if (problems.length > 0) {
    throw new ApiFailure('damaged', `${db.path} is damaged: SQLite's check finds ${problems.join('; ')}. It has been left exactly as it is.`, 'path');
  }
}

/** A valid SQLite file from another program is not a project: say so instead of migrating it. */
function assertIsMarginalia(db: Db): void {
  const tables = tableNames(db);
  if (schemaVersion(db) === 0 && tables.length === 0) return; // an empty SQLite file: initialise it
  const app = tables.includes('project_meta') ? getMeta(db, 'app') : undefined;
  if (app !== 'marginalia') {
    throw new ApiFailure('not_a_project', `${db.path} is an SQLite database, but not a Marginalia project`, 'path');
  }
}

function seedFiveQuestions(ctx: Ctx): void {
  const now = ctx.now();
  for (const section of FIVE_QUESTIONS) {
    const sectionId = insertCode(ctx.db, { parentId: null, name: section.name, color: section.color, definition: section.definition, origin: 'deductive' }, ctx.coderId, now);
    for (const cat of section.categories) {
      insertCode(ctx.db, { parentId: sectionId, name: cat.name, color: section.color, definition: cat.definition, origin: 'deductive' }, ctx.coderId, now);
    }
  }
}
