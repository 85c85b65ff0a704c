/**
 * Replacements that stay readable and consistent: one per term, the same everywhere it
 * occurs — `[Participant PB]` for a participant, `[Person 2]`, `[University 1]` for a term of
 * that category, `[E-mail 1]`… Numbers follow the order terms were first met (lists first, in
 * list order), so the same project and lists always give the same replacements.
 */
import type { DetectionKind, TermInfo } from './types.ts';

const NOUN: Record<Exclude<DetectionKind, 'term'>, string> = {
  name: 'Person',
  email: 'E-mail',
  url: 'Web address',
  phone: 'Phone',
  id: 'ID',
  date: 'Date',
  candidate: 'Name',
};

export class ReplacementNamer {
  private readonly counters = new Map<string, number>();
  private readonly names = new Map<string, string>();

  /** The replacement of a term; the first call for a term fixes its number. */
  name(info: TermInfo): string {
    const known = this.names.get(info.key);
    if (known !== undefined) return known;
    let name: string;
    if (info.kind === 'name' && info.participantLabel) name = `[Participant ${info.participantLabel}]`;
    else if (info.key.startsWith('person-shared:')) name = '[Person]';
    else {
      const noun = info.kind === 'term' ? (info.category ?? 'Term') : NOUN[info.kind];
      const n = (this.counters.get(noun.toLowerCase()) ?? 0) + 1;
      this.counters.set(noun.toLowerCase(), n);
      name = `[${noun} ${n}]`;
    }
    this.names.set(info.key, name);
    return name;
  }

  /** Names every term of a list in order of appearance. */
  nameAll(infos: Iterable<TermInfo>): Map<string, string> {
    for (const info of [...infos].sort((a, b) => a.order - b.order)) this.name(info);
    return new Map(this.names);
  }
}
