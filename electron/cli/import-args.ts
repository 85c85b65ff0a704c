import { readFileSync } from 'node:fs';
import type { AttributeType, SourceKind } from '../../shared/domain/types.ts';

export const IMPORT_USAGE = `  import --project P FILE… [--kind interview|questionnaire|document]
         [--speaker "Name=LABEL"]… [--interviewer Name]… [--other Name]… [--credit LABEL]
         [--id-column COL] [--answer "COL[=Section]"]… [--attribute "COL[:type]"]… [--ignore COL]…
         [--family new|auto|ID] [--name NAME] [--mapping FILE.json] [--json]
                               imports files in one step (all or nothing); speakers and columns
                               not given are mapped as the import dialog suggests; survey exports
                               (Qualtrics, SurveyMonkey, LimeSurvey, Google and Microsoft Forms) and
                               transcripts (Zoom, Teams, Meet, Otter, Rev, Descript, Whisper…) are
                               recognised; --credit gives a transcript without speakers to a participant`;

/**
 * The non-interactive mapping: what the import dialog asks, given as options or a JSON file
 * of the same shape (options win): { "speakers": { "Dana": "PD" }, "interviewers": ["Int"],
 * "others": [], "questionnaire": { "idColumn": "ID", "answers": { "Q1": "Why" },
 * "attributes": { "Age": "number" }, "ignore": ["StartDate"], "family": "auto", "name": "…" } }
 */
export type ImportArgs = {
  files: string[];
  kind: SourceKind | null;
  json: boolean;
  /** Speaker → participant label (an existing participant, or a new one with that label). */
  speakers: Map<string, string>;
  interviewers: Set<string>;
  others: Set<string>;
  /** The participant (label) a transcript without speaker names is credited to. */
  credit: string | null;
  idColumn: string | null;
  /** Column → scheme section name (null: no section). */
  answers: Map<string, string | null>;
  attributes: Map<string, AttributeType>;
  ignore: Set<string>;
  /** True when any column role was given: unlisted columns are then ignored. */
  rolesGiven: boolean;
  family: 'new' | 'auto' | number;
  name: string | null;
};

export class UsageError extends Error {}

const KINDS: SourceKind[] = ['interview', 'questionnaire', 'document'];
const TYPES: AttributeType[] = ['text', 'number', 'date', 'category'];

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const strings = (x: unknown, what: string): string[] => {
  if (x === undefined) return [];
  if (!Array.isArray(x) || !x.every((s) => typeof s === 'string')) throw new UsageError(`mapping file: ${what} must be a list of names`);
  return x;
};

function attributeType(value: string, column: string): AttributeType {
  const type = value.trim().toLowerCase() as AttributeType;
  if (!TYPES.includes(type)) throw new UsageError(`attribute "${column}": type must be one of ${TYPES.join(', ')}, not "${value}"`);
  return type;
}

function familyOf(value: string): ImportArgs['family'] {
  if (value === 'new' || value === 'auto') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--family must be new, auto or a questionnaire id, not "${value}"`);
  return n;
}

/** Reads a mapping file into the args (options given on the command line are applied after). */
function applyMappingFile(path: string, a: ImportArgs): void {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--mapping ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(data)) throw new UsageError(`--mapping ${path}: expected a JSON object`);
  if (isRecord(data['speakers'])) for (const [s, label] of Object.entries(data['speakers'])) a.speakers.set(s, String(label));
  for (const s of strings(data['interviewers'], 'interviewers')) a.interviewers.add(s);
  for (const s of strings(data['others'], 'others')) a.others.add(s);
  if (typeof data['credit'] === 'string') a.credit = data['credit'];
  const q = data['questionnaire'];
  if (!isRecord(q)) return;
  if (typeof q['idColumn'] === 'string') a.idColumn = q['idColumn'];
  if (isRecord(q['answers'])) for (const [c, section] of Object.entries(q['answers'])) a.answers.set(c, typeof section === 'string' ? section : null);
  if (isRecord(q['attributes'])) for (const [c, type] of Object.entries(q['attributes'])) a.attributes.set(c, attributeType(String(type), c));
  for (const c of strings(q['ignore'], 'questionnaire.ignore')) a.ignore.add(c);
  if (q['family'] !== undefined) a.family = familyOf(String(q['family']));
  if (typeof q['name'] === 'string') a.name = q['name'];
  a.rolesGiven ||= a.answers.size + a.attributes.size + a.ignore.size > 0;
}

/** Parses `import` options; files are the arguments that are not options. */
export function parseImportArgs(argv: readonly string[]): ImportArgs {
  const a: ImportArgs = {
    files: [], kind: null, json: false, speakers: new Map(), interviewers: new Set(), others: new Set(), credit: null, idColumn: null,
    answers: new Map(), attributes: new Map(), ignore: new Set(), rolesGiven: false, family: 'auto', name: null,
  };
  const mappingAt = argv.findIndex((x) => x === '--mapping' || x.startsWith('--mapping='));
  if (mappingAt >= 0) {
    const arg = argv[mappingAt]!;
    const path = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[mappingAt + 1];
    if (!path) throw new UsageError('--mapping needs a file');
    applyMappingFile(path, a);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      a.files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag === '--json') {
      a.json = true;
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
    if (flag === '--mapping') continue;
    if (flag === '--kind') {
      if (!KINDS.includes(value as SourceKind)) throw new UsageError(`--kind must be ${KINDS.join(', ')}, not "${value}"`);
      a.kind = value as SourceKind;
    } else if (flag === '--speaker') {
      const at = value.lastIndexOf('=');
      if (at <= 0 || at === value.length - 1) throw new UsageError(`--speaker needs "Name=LABEL", not "${value}"`);
      a.speakers.set(value.slice(0, at).trim(), value.slice(at + 1).trim());
    } else if (flag === '--interviewer') a.interviewers.add(value);
    else if (flag === '--other') a.others.add(value);
    else if (flag === '--credit') a.credit = value;
    else if (flag === '--id-column') a.idColumn = value;
    else if (flag === '--answer') {
      const at = value.lastIndexOf('=');
      if (at > 0) a.answers.set(value.slice(0, at), value.slice(at + 1).trim() || null);
      else a.answers.set(value, null);
      a.rolesGiven = true;
    } else if (flag === '--attribute') {
      // "Age:number"; a header that itself holds a colon ("Note: role") stays whole.
      const at = value.lastIndexOf(':');
      const typed = at > 0 && TYPES.includes(value.slice(at + 1).trim().toLowerCase() as AttributeType);
      a.attributes.set(typed ? value.slice(0, at) : value, typed ? attributeType(value.slice(at + 1), value) : 'text');
      a.rolesGiven = true;
    } else if (flag === '--ignore') {
      a.ignore.add(value);
      a.rolesGiven = true;
    } else if (flag === '--family') a.family = familyOf(value);
    else if (flag === '--name') a.name = value;
    else throw new UsageError(`import: unknown option ${flag}`);
  }
  if (a.files.length === 0) throw new UsageError('import needs at least one FILE');
  return a;
}
