import { z } from 'zod';

/** Shared building blocks for method inputs. */
export const id = z.number().int('must be a whole number').positive('must be a positive id');
/** A text position: UTF-16 code units from the start of the source text. */
export const offset = z.number().int('must be a whole number of characters').nonnegative('must not be negative');
export const nonBlank = (what: string, max = 200) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`);
export const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'colour must look like #RRGGBB');
export const filePath = z.string().min(1, 'path must not be empty').max(4096);
export const sourceKind = z.enum(['interview', 'questionnaire', 'document']);
export const codeOrigin = z.enum(['deductive', 'inductive']);
export const memoTargetKind = z.enum(['project', 'source', 'code', 'participant', 'coding']);
export const attributeType = z.enum(['text', 'number', 'date', 'category']);
export const empty = z.object({}).strict();
