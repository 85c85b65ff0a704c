import { ApiFailure } from '../../../../shared/api/errors.ts';
import type { SourceKind } from '../../../../shared/domain/types.ts';
import type { Ctx } from '../../context.ts';
import { findParticipantByLabel, insertParticipant } from '../../repositories/participants.ts';
import { insertSource } from '../../repositories/sources.ts';

/**
 * What the files of one import batch share while they are written: the participants the
 * batch created, so two transcripts that both create "PD" get one participant PD.
 */
export class Batch {
  readonly ctx: Ctx;
  readonly created: { id: number; label: string }[] = [];
  private readonly createdByLabel = new Map<string, number>();

  constructor(ctx: Ctx) {
    this.ctx = ctx;
  }

  /** The participant with this label, created (and audited) if the project has none. */
  participantFor(label: string, name = ''): number {
    const known = this.createdByLabel.get(label.toLowerCase()) ?? findParticipantByLabel(this.ctx.db, label)?.id;
    if (known !== undefined) return known;
    return this.create(label, name);
  }

  /**
   * A new participant. A label the batch already created is reused; one that was in the
   * project before is refused, since the user asked for a new participant.
   */
  createParticipant(label: string, name: string, field: string): number {
    const mine = this.createdByLabel.get(label.toLowerCase());
    if (mine !== undefined) return mine;
    if (findParticipantByLabel(this.ctx.db, label)) {
      throw new ApiFailure('conflict', `A participant labelled ${label} already exists; map the speaker to that participant instead of creating one`, field);
    }
    return this.create(label, name);
  }

  /** Adds a source at the end of the list. */
  insertSource(s: { kind: SourceKind; name: string; text: string; origin: string }): number {
    return insertSource(this.ctx.db, s, this.ctx.now());
  }

  private create(label: string, name: string): number {
    const id = insertParticipant(this.ctx.db, { label, name, description: '' }, this.ctx.now());
    this.ctx.audit('create', 'participant', id, { label, name, via: 'import' });
    this.created.push({ id, label });
    this.createdByLabel.set(label.toLowerCase(), id);
    return id;
  }
}

/** Source name from a file name: the name without its extension. */
export const sourceNameOf = (fileName: string): string => fileName.replace(/\.[^.]+$/, '').trim() || fileName;
