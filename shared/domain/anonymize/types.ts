/** Types of pseudonymization shared by the detection, the review API and the review screen. */

/** What a proposal was found by. `name` and `term` come from the researcher's lists. */
export type DetectionKind = 'name' | 'term' | 'email' | 'url' | 'phone' | 'id' | 'date' | 'candidate';

export const DETECTION_KINDS: readonly DetectionKind[] = ['name', 'term', 'email', 'url', 'phone', 'id', 'date', 'candidate'];

/** Rules the researcher switches on or off; the lists always run. Dates are off unless asked for. */
export type RuleKind = Exclude<DetectionKind, 'name' | 'term'>;
export type RuleSettings = Record<RuleKind, boolean>;
export const DEFAULT_RULES: RuleSettings = { email: true, url: true, phone: true, id: true, date: false, candidate: true };

export const KIND_LABELS: Record<DetectionKind, string> = {
  name: 'Names list',
  term: 'Terms list',
  email: 'E-mail addresses',
  url: 'Web addresses',
  phone: 'Phone numbers',
  id: 'ID-like numbers',
  date: 'Dates',
  candidate: 'Capitalised names (guessed)',
};

/** One span a rule found, before overlaps are resolved. Offsets are UTF-16 units. */
export type Candidate = { start: number; end: number; kind: DetectionKind; termKey: string };

/** What one term is: the person, list term or value all its occurrences stand for. */
export type TermInfo = {
  key: string;
  kind: DetectionKind;
  /** How the term is shown to the researcher (an original: never written to a copy). */
  label: string;
  participantLabel: string | null;
  /** A list term's category, naming its replacement ("University" → "[University 1]"). */
  category: string | null;
  /** Order of first appearance: lists first, in list order, then the texts as read. */
  order: number;
};

export type Decision = 'accept' | 'reject';
/** Which decision is in force: the narrowest made, else the rule's, else the default (accept). */
export type DecidedBy = 'occurrence' | 'term' | 'rule' | 'default';
