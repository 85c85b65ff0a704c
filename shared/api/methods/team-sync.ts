import { z } from 'zod';
import { command, job, query } from '../define.ts';
import { empty, filePath, id, label } from '../schemas.ts';
import type { ProjectInfo } from '../../domain/types.ts';
import { ROLES, type Role, type TeamProjectInfo, type UserInfo } from '../../domain/team-sync/protocol.ts';

/**
 * Team projects (docs/team-server.md): the open project as a replica of a project on a team
 * server. The token a user gives is kept in the Marginalia data folder (per server and user),
 * never in the project file.
 */

const jobId = z.string().min(1, 'jobId must not be empty').max(100);

/** The team server's address: http(s), as its start-up line prints it. */
const server = z
  .string()
  .trim()
  .min(1, 'server must not be empty')
  .max(2000, 'server must be at most 2,000 characters')
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === '';
    } catch {
      return false;
    }
  }, 'server must be an address such as http://127.0.0.1:4870/');

/** A user's token as the server printed it once. */
const token = z
  .string()
  .trim()
  .min(8, 'token is too short')
  .max(500, 'token must be at most 500 characters')
  .regex(/^[A-Za-z0-9._~+/=-]+$/, 'token holds a character a token never has');

/** A team project's id as the server gives it. */
const teamProject = z
  .string()
  .trim()
  .min(1, 'teamProject must not be empty')
  .max(100)
  .regex(/^[A-Za-z0-9._-]+$/, 'teamProject holds a character a team project id never has');

/** Something the server decided that the person should know (a delete refused, a name changed…). */
export type TeamSyncNotice = { id: number; at: string; kind: string; message: string; seq: number | null; seen: boolean };

export type TeamSyncStatus = {
  /** True when the open project is a replica of a team project. */
  joined: boolean;
  server: string | null;
  teamProject: string | null;
  user: string | null;
  role: Role | null;
  /** Local operations not yet in the team project's log. */
  pending: number;
  /** The last log sequence number applied here. */
  cursor: number;
  lastSyncAt: string | null;
  lastError: string | null;
  /** True while the live connection to the server (SSE) is open. */
  connected: boolean;
  unseenNotices: number;
  /** The latest notices, newest first (at most 50). */
  notices: TeamSyncNotice[];
};

export type TeamSyncResult = {
  /** Operations the server accepted in this sync. */
  pushed: number;
  /** Operations refused by the server (dropped here; each left a notice). */
  refused: number;
  /** Log entries applied here. */
  pulled: number;
  /** The cursor after the sync. */
  last: number;
};

export const teamSyncMethods = {
  /** Whether the open project is a replica, what is pending, when it last synced, notices. */
  'teamSync.status': query(empty).returns<TeamSyncStatus>(),
  /**
   * Uploads a copy of the open project to a team server (the token must be an owner's) and
   * makes the open project the first replica of the new team project.
   */
  'teamSync.share': job(z.object({ jobId: jobId.optional(), server, token }).strict()).returns<{ teamProject: string; status: TeamSyncStatus }>(),
  /**
   * Downloads a team project's file to a new .marginalia file at `path` (never over an existing
   * file), makes it a replica, brings it up to date and opens it. A reviewer's replica opens read-only.
   */
  'teamSync.join': job(z.object({ jobId: jobId.optional(), server, token, teamProject, path: filePath }).strict()).returns<ProjectInfo>(),
  /** One push of pending operations and pull of the others' (what the status line's "Sync now" does). */
  'teamSync.sync': job(z.object({ jobId: jobId.optional() }).strict()).returns<TeamSyncResult>(),
  /**
   * The team projects on a server, as the given token sees them (what Join offers to pick from);
   * needs no open project and keeps nothing.
   */
  'teamSync.projects': query(z.object({ server, token }).strict()).returns<TeamProjectInfo[]>(),
  /** The server's users (owners only). */
  'teamSync.users': query(empty).returns<UserInfo[]>(),
  /** Adds a user on the server (owners only); the token is shown this once. */
  'teamSync.addUser': job(z.object({ name: label('User name', { max: 80 }), role: z.enum(ROLES) }).strict()).returns<{ name: string; role: Role; token: string }>(),
  /** Revokes a user's token on the server (owners only); refused from their next request on. */
  'teamSync.revoke': job(z.object({ name: label('User name', { max: 80 }) }).strict()).returns<{ name: string; revoked: true }>(),
  /** Marks notices as seen: the given ones, or all when `ids` is left out. */
  'teamSync.dismissNotices': command(z.object({ ids: z.array(id).max(10_000).optional() }).strict()).returns<{ dismissed: number }>(),
};
