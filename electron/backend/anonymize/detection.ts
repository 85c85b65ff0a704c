/**
 * One detection pass over a project's fields: the lists and rules from the review settings,
 * the participants' names joined to the names list, every field read. The same pass runs for
 * the review screen and again, on the copy's own data, when the copy is made.
 */
import { Detector } from '../../../shared/domain/anonymize/detect.ts';
import { detectionText, normalizeHtmlText, type Field } from '../../../shared/domain/anonymize/fields.ts';
import { ReplacementNamer } from '../../../shared/domain/anonymize/labels.ts';
import { parseNamesList, parseTermsList, type ListProblem, type PersonEntry, type TermEntry } from '../../../shared/domain/anonymize/lists.ts';
import { DEFAULT_RULES, type Candidate, type RuleKind, type RuleSettings } from '../../../shared/domain/anonymize/types.ts';
import type { Db } from '../db/database.ts';
import { getAnonymizeSettings, participantNames, readFields } from '../repositories/anonymize.ts';

export type DetectionConfig = {
  people: PersonEntry[];
  terms: TermEntry[];
  rules: RuleSettings;
  problems: { list: 'names' | 'terms'; line: number; message: string }[];
};

export function parseRules(json: string): RuleSettings {
  const rules = { ...DEFAULT_RULES };
  try {
    const stored = JSON.parse(json) as Record<string, unknown>;
    for (const k of Object.keys(rules) as RuleKind[]) if (typeof stored[k] === 'boolean') rules[k] = stored[k];
  } catch {
    // A damaged setting falls back to the defaults; the screen shows what is in force.
  }
  return rules;
}

/** The lists as stored, plus every participant with a name (the project knows who they are). */
export function loadConfig(db: Db, override?: { names?: string; terms?: string; rules?: RuleSettings }): DetectionConfig {
  const stored = getAnonymizeSettings(db);
  const names = parseNamesList(override?.names ?? stored.names);
  const terms = parseTermsList(override?.terms ?? stored.terms);
  const fromProject: PersonEntry[] = participantNames(db)
    .filter((p) => p.name.trim() !== '')
    .map((p) => ({ name: p.name.trim(), aliases: [], participantLabel: p.label, line: 0 }));
  const tag = (list: 'names' | 'terms') => (p: ListProblem) => ({ list, ...p });
  return {
    people: [...fromProject, ...names.people],
    terms: terms.terms,
    rules: override?.rules ?? parseRules(stored.rules),
    problems: [...names.problems.map(tag('names')), ...terms.problems.map(tag('terms'))],
  };
}

export type DetectionRun = {
  config: DetectionConfig;
  fields: Field[];
  detector: Detector;
  /** What was found in each field (by ref), positions in the field's text. */
  found: Map<string, Candidate[]>;
  /** Each term's default replacement. */
  defaults: Map<string, string>;
  /** Names terms met later (in the copy's other texts) after those already named. */
  namer: ReplacementNamer;
};

/** Reports progress and may stop the pass (a cancelled job). */
export type Pace = (done: number, total: number) => Promise<void>;

/** Memo bodies are read as normalised HTML, so positions hold in the text that is rewritten. */
export const readProjectFields = (db: Db): Field[] => readFields(db).map((f) => (f.html ? { ...f, text: normalizeHtmlText(f.text) } : f));

export async function detect(config: DetectionConfig, fields: Field[], pace: Pace): Promise<DetectionRun> {
  const views = fields.map((f) => detectionText(f));
  const detector = new Detector(config, views);
  // A participant whose label is itself a name (label "Helena") cannot be called [Participant Helena].
  const listsOnly = new Detector({ ...config, rules: { email: false, url: false, phone: false, id: false, date: false, candidate: false } });
  for (const info of detector.infos.values()) {
    if (info.participantLabel && listsOnly.find(info.participantLabel).length > 0) {
      detector.infos.set(info.key, { ...info, participantLabel: null });
    }
  }
  const found = new Map<string, Candidate[]>();
  const total = views.reduce((n, v) => n + v.length, 0);
  let done = 0;
  for (let i = 0; i < fields.length; i++) {
    const hits = detector.find(views[i]!);
    if (hits.length > 0) found.set(fields[i]!.ref, hits);
    done += views[i]!.length;
    await pace(done, total);
  }
  const namer = new ReplacementNamer();
  return { config, fields, detector, found, defaults: namer.nameAll(detector.infos.values()), namer };
}
