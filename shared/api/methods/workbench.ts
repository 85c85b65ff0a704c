import { z } from 'zod';
import { command, query } from '../define.ts';
import { codeOrigin, color, empty, freeText, id, memoTargetKind, offset } from '../schemas.ts';
import { codeDefinition, codeName } from './codes.ts';
import { targetFitsKind, targetKindMessage } from './memos.ts';
import type { Code, Coding, Memo } from '../../domain/types.ts';

const endAfterStart = (v: { start: number; end: number }): boolean => v.end > v.start;
const endMessage = { message: 'end must be greater than start', path: ['end'] };

/** A coding with what a list of retrieved passages shows beside it. */
export type CodingInContext = Coding & { sourceName: string; participantLabel: string | null };

/** The earliest coding of an inductive code: where the category first showed in the data. */
export type Evidence = {
  codingId: number;
  sourceId: number;
  sourceName: string;
  start: number;
  end: number;
  quote: string;
  participantId: number | null;
  participantLabel: string | null;
  codedAt: string;
};

export type InductiveCode = {
  code: Code;
  createdAt: string;
  createdBy: string | null;
  /** Codings of this code alone, and the distinct sources / participants they lie in. */
  codingCount: number;
  sourceCount: number;
  participantCount: number;
  firstEvidence: Evidence | null;
  /** The oldest memo on the code: the researcher's reason for creating it. */
  memo: Memo | null;
};

export type MergeResult = {
  target: Code;
  /** Codings that now belong to the target. */
  moved: number;
  /** Codings dropped because the target already had one at the same source, start and end. */
  collapsed: number;
  /** Codes removed by the merge. */
  mergedCodes: number;
  /** Sub-codes of merged codes now under the target. */
  reparented: number;
};

export type DeleteImpact = { codes: number; codings: number; memos: number };

/** Slot i: the code key i + 1 applies in the coding view, or null. Always nine slots. */
export type CodeKeys = (number | null)[];

export const workbenchMethods = {
  'codings.get': query(z.object({ id }).strict()).returns<CodingInContext>(),
  /** Codings of a code (and, with descendants, of its sub-codes), in source order. */
  'codings.listForCode': query(
    z.object({ codeId: id, descendants: z.boolean().default(false) }).strict(),
  ).returns<CodingInContext[]>(),
  /** Recodes a passage. If the new code already has a coding at the same place the two collapse (memos kept). */
  'codings.changeCode': command(z.object({ id, codeId: id }).strict()).returns<Coding>(),
  /** Moves a coding's boundaries; the stored quote follows. Collapses into an identical coding of the same code. */
  'codings.adjust': command(z.object({ id, start: offset, end: offset }).strict().refine(endAfterStart, endMessage)).returns<Coding>(),
  /** Codes a whole unit (speaker turn, answer, paragraph), leading/trailing blanks left out. */
  'codings.applyToUnit': command(z.object({ unitId: id, codeId: id }).strict()).returns<Coding>(),

  'codes.merge': command(
    z
      .object({ sourceIds: z.array(id).min(1, 'choose at least one code to merge').max(500), targetId: id })
      .strict()
      .refine((v) => new Set(v.sourceIds).size === v.sourceIds.length, { message: 'a code is listed twice', path: ['sourceIds'] }),
  ).returns<MergeResult>(),
  /** Creates a sub-code of `id` called `name` and moves the chosen codings of `id` to it. */
  'codes.split': command(
    z
      .object({ id, codingIds: z.array(id).min(1, 'choose at least one coding to move').max(100000), name: codeName })
      .strict(),
  ).returns<{ code: Code; moved: number }>(),
  /** What codes.delete would remove: the code and its sub-codes, their codings, and memos on them. */
  'codes.deleteImpact': query(z.object({ id }).strict()).returns<DeleteImpact>(),
  /** A new inductive code born from a passage: codes the passage and keeps the reason as a memo on the code. */
  'codes.createInductive': command(
    z
      .object({
        sourceId: id,
        start: offset,
        end: offset,
        name: codeName,
        /** Why this category: plain text, stored as a memo on the new code. */
        memo: freeText('Memo', 1_000_000).optional(),
        parentId: id.nullable().default(null),
        color: color.optional(),
        definition: codeDefinition.default(''),
      })
      .strict()
      .refine(endAfterStart, endMessage),
  ).returns<{ code: Code; coding: Coding; memo: Memo | null }>(),
  /**
   * A new code and its first coding as one undoable step: in vivo (named after the words), or
   * "Create … and apply it" in the code picker, on a passage, a whole unit, or a coding recoded.
   */
  'codes.createAndCode': command(
    z
      .object({
        name: codeName,
        parentId: id.nullable().default(null),
        origin: codeOrigin.default('inductive'),
        inVivo: z.boolean().default(false),
        target: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('passage'), sourceId: id, start: offset, end: offset }).strict().refine(endAfterStart, endMessage),
          z.object({ kind: z.literal('unit'), unitId: id }).strict(),
          z.object({ kind: z.literal('recode'), codingId: id }).strict(),
        ]),
      })
      .strict(),
  ).returns<{ code: Code; coding: Coding }>(),
  /** Inductive codes, newest first, each with its first evidence. */
  'codes.inductiveList': query(empty).returns<InductiveCode[]>(),

  /**
   * The current coder's number keys: nine slots, slot i holding the code that key i + 1 applies
   * (null: free, or its code was deleted). Keys stay where they are until the researcher moves them.
   */
  'codes.keys': query(empty).returns<CodeKeys>(),
  /** Puts a code on key 1–9 (taking it off any other key), or frees the key with codeId null. */
  'codes.setKey': command(z.object({ key: z.number().int().min(1).max(9), codeId: id.nullable() }).strict()).returns<CodeKeys>(),
  /** First use of a code: it takes the first free key, if it has none and one is free. */
  'codes.claimKey': command(z.object({ codeId: id }).strict()).returns<CodeKeys>(),

  /** Memos on one target (oldest first), e.g. the "why" memos of a code or the notes on a coding. */
  'memos.forTarget': query(
    z
      .object({ targetKind: memoTargetKind, targetId: id.nullable() })
      .strict()
      .refine(targetFitsKind, targetKindMessage),
  ).returns<Memo[]>(),
};
