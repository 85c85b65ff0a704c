import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ProgressEvent } from '../../shared/api/contract.ts';
import { ApiFailure } from '../../shared/api/errors.ts';
import type { Coder, RecentProject } from '../../shared/domain/types.ts';
import { readSettings, writeSettings } from './app-settings.ts';
import type { Clock } from './context.ts';
import { seedDemo } from './demo/seed.ts';
import { createDispatcher, type Dispatcher } from './dispatcher.ts';
import { projectHandlers } from './handlers.ts';
import { coderCreatedAt, ensureCoder, findCoderByName, getCoder, listCoders, renameCoder } from './repositories/meta.ts';
import { Project, PROJECT_EXTENSION, type ProjectTemplate } from './project.ts';
import type { ProjectInfo } from '../../shared/domain/types.ts';
import { ProjectGuard } from './safety/guard.ts';
import { safetyHandlers } from './safety/host-handlers.ts';
import { checkCallPaths, isInside } from './safety/path-policy.ts';
import { defaultProjectsDir, newProjectFile, platformHome, prepareFolder, projectFile } from './project-paths.ts';
import { getSyncState } from './repositories/team-sync.ts';
import { teamSyncHandlers, type TeamSyncHostDeps } from './team-sync/handlers.ts';
import { TeamLive } from './team-sync/live.ts';
import { replicaClient } from './team-sync/sync.ts';

export type HostOptions = {
  /** The data folder: demo project, recent list. */
  home: string;
  clock?: Clock;
  /** Who is coding, fixed by the caller (tests, benchmarks); otherwise the name saved in the data folder's settings. */
  coderName?: string;
  /** Where new projects go by default; see defaultProjectsDir. */
  projectsDir?: string;
  onProgress?: (event: ProgressEvent) => void;
  /** True when the renderer runs in the Electron shell (native dialogs exist). */
  desktop?: boolean;
  /** Keep a team replica in step while it is open (live connection, sync after commands); default true, the CLI says false. */
  teamLive?: boolean;
};

export const defaultHome = (): string => process.env['MARGINALIA_HOME'] || platformHome();

/** Until the researcher says who they are: the machine's user name, a placeholder. */
const provisionalCoder = (): string => {
  try {
    return userInfo().username || 'researcher';
  } catch {
    return 'researcher';
  }
};

/** Why a project opened for review refuses every change (the banner says it too). */
export const REVIEWER_MODE = 'Reviewer mode: this project is open read-only. Reading, searching, analysis and exports work; every change is refused.';

/** Why a reviewer's replica of a team project refuses every change (the team's changes still arrive). */
export const REVIEWER_REPLICA = 'Reviewer: this team project is open read-only. The team’s changes arrive as they are made; reading, searching, analysis and exports work; every change is refused.';

/**
 * Owns the open project and the dispatcher every transport calls. Only one project is
 * open at a time; opening another closes the first.
 */
export class Host {
  readonly home: string;
  readonly call: Dispatcher;
  private project: Project | null = null;
  /** Opened in reviewer mode (project.openForReview): read-only, whoever else writes it. */
  private reviewing = false;
  /** One writer, snapshots, integrity: every project opens through it (safety/guard.ts). */
  readonly guard: ProjectGuard;
  readonly projectsDir: string;
  private readonly clock: Clock;
  private coderName: string;
  /** False while the name is the machine's user name, before the researcher gave theirs. */
  private coderChosen: boolean;
  /** Coders recorded from this moment on were made by this run (see setCoder). */
  private readonly startedAt: string;
  readonly onProgress: (event: ProgressEvent) => void;
  readonly desktop: boolean;
  private readonly teamLive: boolean;
  /** A reviewer's team replica: commands are refused with this, team syncs still write. */
  private replicaReadOnly: string | null = null;
  /** The open replica's live connection to its team server. */
  private live: TeamLive | null = null;

  constructor(options: HostOptions) {
    this.home = resolve(options.home);
    this.clock = options.clock ?? (() => new Date());
    this.guard = new ProjectGuard({ clock: this.clock });
    this.startedAt = this.clock().toISOString();
    const given = options.coderName ?? (process.env['MARGINALIA_CODER'] || readSettings(this.home).coderName || undefined);
    this.coderName = given ?? provisionalCoder();
    this.coderChosen = given !== undefined;
    this.projectsDir = resolve(options.projectsDir ?? defaultProjectsDir(this.home));
    this.onProgress = options.onProgress ?? (() => {});
    this.desktop = options.desktop ?? false;
    this.teamLive = options.teamLive ?? true;
    mkdirSync(this.home, { recursive: true });
    this.call = createDispatcher({
      projectHandlers,
      // The methods that need no open project; with projectHandlers they must cover the contract exactly once.
      hostHandlers: {
        'project.info': () => this.withSafety(this.requireProject().info()),
        'project.open': (i) => this.open(projectFile(i.path, this.projectsDir), false),
        'project.create': (i) => this.create(i.path !== undefined ? projectFile(i.path, this.projectsDir) : newProjectFile(i.name!, i.folder, this.projectsDir), i.template),
        'project.openDemo': () => this.openDemo(),
        'project.openForReview': (i) => this.open(projectFile(i.path, this.projectsDir), false, true),
        'project.recent': () => this.recent(),
        'app.paths': () => ({ home: this.home, demoPath: this.demoPath, suggestedNewPath: this.suggestNewPath(), projectsDir: this.projectsDir, desktop: this.desktop }),
        'coders.list': () => listCoders(this.requireProject().db),
        'coders.current': () => ({ name: this.coderName, chosen: this.coderChosen }),
        'coders.setCurrent': (i) => this.setCoder(i.name),
        ...safetyHandlers({ guard: this.guard, project: () => this.project, open: (p) => this.open(p, false), assertIdle: (w) => this.assertIdle(w) }),
        ...teamSyncHandlers(this.teamDeps()),
      },
      current: () => (this.project ? { ctx: { ...this.project.ctx, progress: this.onProgress }, transaction: (fn) => this.project!.db.transaction(fn), readOnly: this.readOnlyReason() } : null),
      beforeWrite: () => this.guard.beforeWrite(),
      afterWrite: () => {
        if (this.project) this.guard.afterWrite(this.project);
        this.live?.kick();
      },
      checkCall: (method, input, origin) => checkCallPaths(method, input, origin, { desktop: this.desktop, resolve: (p) => projectFile(p, this.projectsDir), chosen: (p) => this.chosenBefore(p), besideChosen: (p) => this.besideChosen(p) }),
    });
  }

  get demoPath(): string {
    return join(this.home, `demo${PROJECT_EXTENSION}`);
  }

  get current(): Project | null {
    return this.project;
  }

  private requireProject(): Project {
    if (!this.project) throw new ApiFailure('no_project', 'No project is open');
    return this.project;
  }

  /** An import writing into the open project must not find it closed or its coder changed. */
  private assertIdle(what: string): void {
    if (this.call.runningJobs() > 0) {
      throw new ApiFailure('conflict', `An import is still running; wait for it to finish or cancel it before ${what}`);
    }
  }

  /** Opens a project file, or creates it with a template; the old one stays open on failure. */
  open(path: string, create: ProjectTemplate | false, reviewer = false) {
    this.assertIdle('opening another project');
    const full = resolve(path);
    const next = this.guard.open(
      full,
      (readOnly) => Project.open(full, { clock: this.clock, coderName: this.coderName, readOnly: readOnly || reviewer, ...(create ? { create: { template: create } } : {}) }),
      { creating: create !== false, ...(reviewer ? { reviewer: REVIEWER_MODE } : {}) },
    );
    this.project?.close();
    this.project = next;
    this.reviewing = reviewer;
    this.replicaOpened();
    this.remember(full, next.info().name);
    return this.withSafety(this.project.info());
  }

  private readOnlyReason(): string | null {
    return this.guard.readOnlyReason() ?? this.replicaReadOnly;
  }

  private teamDeps(): TeamSyncHostDeps {
    return {
      home: this.home,
      clock: this.clock,
      coderName: () => this.coderName,
      project: () => this.project,
      readOnly: () => this.guard.readOnlyReason(),
      exclusive: (work) => this.call.exclusive(work),
      open: (path) => this.open(path, false),
      connected: () => this.live?.connected ?? false,
      synced: (applied, last, remote) => this.onProgress({ jobId: 'team-sync', label: 'Team sync', done: applied, total: applied, finished: true, team: { last, applied, remote } }),
      becameReplica: () => this.replicaOpened(),
      prepareFolder: (path) => {
        if (resolve(dirname(path)) === this.projectsDir) mkdirSync(this.projectsDir, { recursive: true });
        else prepareFolder(path, this.projectsDir);
      },
    };
  }

  /**
   * A team replica just opened (or the open project became one): a reviewer's refuses
   * commands; anyone else codes as their team user name (the server accepts codings only as
   * the token's user); the live connection starts (teamLive).
   */
  private replicaOpened(): void {
    void this.live?.stop();
    this.live = null;
    this.replicaReadOnly = null;
    const project = this.project;
    if (!project || this.reviewing) return;
    const state = getSyncState(project.db);
    if (!state) return;
    const writable = this.guard.readOnlyReason() === null;
    if (state.role === 'reviewer') this.replicaReadOnly = REVIEWER_REPLICA;
    else if (writable) {
      const coder = project.db.transaction(() => ensureCoder(project.db, state.user, this.clock().toISOString()));
      if (coder.id !== project.ctx.coderId) this.project = project.withCoder(coder.id, this.clock);
    }
    if (!this.teamLive || !writable) return;
    let client;
    try {
      client = replicaClient(project, this.home);
    } catch {
      return; // no token kept here: syncs say so in the status
    }
    this.live = new TeamLive({
      client,
      teamProject: state.teamProject,
      cursor: () => (this.project ? (getSyncState(this.project.db)?.cursor ?? 0) : 0),
      sync: async () => {
        await this.call('teamSync.sync', {});
      },
    });
  }

  /** A new project file; its folder is made when it is (inside) the projects folder. */
  create(path: string, template: ProjectTemplate) {
    this.assertIdle('creating another project');
    prepareFolder(path, this.projectsDir);
    return this.open(path, template);
  }

  /** The demo project, written on first use into the data folder. */
  openDemo() {
    this.assertIdle('opening the demo project');
    if (!existsSync(this.demoPath)) {
      const tmp = `${this.demoPath}.creating`;
      for (const suffix of ['', '-wal', '-shm']) if (existsSync(tmp + suffix)) renameSync(tmp + suffix, `${tmp}.stale${suffix}`);
      const demo = Project.open(tmp, { clock: this.clock, coderName: this.coderName, create: { template: 'five-questions', isDemo: true } });
      try {
        demo.db.transaction(() => seedDemo(demo.ctx));
        demo.db.checkpoint();
      } finally {
        demo.close();
      }
      renameSync(tmp, this.demoPath);
    }
    return this.open(this.demoPath, false);
  }

  private suggestNewPath(): string {
    for (let n = 1; ; n++) {
      const candidate = join(this.projectsDir, `project-${n}${PROJECT_EXTENSION}`);
      if (!existsSync(candidate)) return candidate;
    }
  }

  /**
   * Who codes from now on, in the open project and in every project opened later (the name is
   * saved in the data folder). The first time a name is given, the placeholder coder this run
   * made in the open project (the machine's user name, e.g. on the demo made at first start)
   * is that same person: it is renamed rather than left behind as a second coder.
   */
  private setCoder(name: string): Coder {
    this.assertIdle('changing the coder');
    const project = this.requireProject();
    const { db } = project;
    const coder = db.transaction(() => {
      const current = getCoder(db, project.ctx.coderId);
      const placeholder = !this.coderChosen && current?.name === this.coderName && (coderCreatedAt(db, current.id) ?? '') >= this.startedAt;
      if (placeholder && current && !findCoderByName(db, name)) {
        renameCoder(db, current.id, name);
        project.ctx.audit('rename', 'coder', current.id, { before: current.name, after: name });
        return { id: current.id, name };
      }
      return ensureCoder(db, name, this.clock().toISOString());
    });
    this.coderName = coder.name;
    this.coderChosen = true;
    writeSettings(this.home, { ...readSettings(this.home), coderName: coder.name });
    this.project = project.withCoder(coder.id, this.clock);
    return coder;
  }

  private get recentFile(): string {
    return join(this.home, 'recent.json');
  }

  recent(): RecentProject[] {
    try {
      const list = JSON.parse(readFileSync(this.recentFile, 'utf8')) as Omit<RecentProject, 'exists'>[];
      return list.map((r) => ({ ...r, exists: existsSync(r.path) }));
    } catch {
      return [];
    }
  }

  private remember(path: string, name: string): void {
    const list = this.recent()
      .filter((r) => r.path !== path)
      .map(({ path: p, name: n, openedAt }) => ({ path: p, name: n, openedAt }));
    list.unshift({ path, name, openedAt: this.clock().toISOString() });
    mkdirSync(dirname(this.recentFile), { recursive: true });
    writeFileSync(this.recentFile, JSON.stringify(list.slice(0, 12), null, 2));
  }

  /** Paths a page may name in the desktop app (which has file dialogs): recent projects, the demo, the data and projects folders. */
  private chosenBefore(path: string): boolean {
    return path === this.demoPath || path === this.projectsDir || isInside(this.projectsDir, path) || isInside(this.home, path) || this.recent().some((r) => r.path === path);
  }

  /** A new file's place a page may name in the desktop app: beside a recent project (the open one is), or the projects and data folders. */
  private besideChosen(path: string): boolean {
    const folder = dirname(path);
    return isInside(this.projectsDir, path) || isInside(this.home, path) || this.recent().some((r) => dirname(r.path) === folder) || (this.guard.openPath !== null && dirname(this.guard.openPath) === folder);
  }

  private withSafety(info: ProjectInfo): ProjectInfo {
    return { ...info, safety: { ...this.guard.safety(), readOnly: this.readOnlyReason() }, ...(this.reviewing ? { reviewer: true } : {}) };
  }

  close(): void {
    void this.live?.stop();
    this.live = null;
    this.replicaReadOnly = null;
    // The check's read-only connection must not be the last one open: only ours writes the WAL back.
    this.guard.stopBackgroundCheck();
    this.project?.close();
    this.project = null;
    this.reviewing = false;
    this.guard.close();
  }
}
