import type { Rng } from './prng.ts';

/**
 * Words that carry an interview about courses, credentials and work, roughly in order of how
 * often people say them; draws favour the front of the list, as speech favours short words.
 */
export const COMMON_WORDS: readonly string[] = (
  'the and to of a I that it in we you is was they so but for it\'s like on with be have ' +
  'this not what think just at do there are about it was they\'re if or really all one know ' +
  'because my our would can more when then from as had which some people them there\'s he she ' +
  'me us very how also been were lot kind time get were yeah well any much things thing ' +
  'mean going want also could those these other way course courses students student learning ' +
  'credential credentials badge badges micro program programme module modules university ' +
  'college department faculty staff teacher teachers employer employers work job jobs skills ' +
  'skill value recognition recognise recognised portable portability transfer credit credits ' +
  'assessment assessed evaluate evaluation process quality standard standards framework ' +
  'accreditation accredited industry partner partners strategy institutional policy policies ' +
  'flexible flexibility online campus short long year years month months week weeks first ' +
  'second new different same important difficult easy hard good better best bad clear ' +
  'definition define defined level levels stack stackable pathway pathways degree degrees ' +
  'certificate certificates market labour demand support funding cost costs fee fees pay ' +
  'paid free access learners adult adults working professional professionals career careers ' +
  'change changed changes sense feel felt say said told tell ask asked see saw look looked ' +
  'try tried make made take took give gave need needed use used help helped start started ' +
  'find found keep kept show showed design designed offer offered build built run ran ' +
  'together between across within without around through into over under after before ' +
  'still already again always never often sometimes usually maybe perhaps probably actually ' +
  'basically obviously certainly exactly quite rather pretty enough too only even each every ' +
  'both either neither few many most several whole part parts example examples case cases ' +
  'idea ideas question questions answer answers problem problems reason reasons result ' +
  'results experience experiences evidence data digital platform system systems record ' +
  'records transcript portfolio employer\'s colleague colleagues manager managers team teams ' +
  'project projects meeting meetings committee board senate approval approved review ' +
  'reviewed internal external national international local regional sector government ' +
  'ministry agency agencies body bodies owner ownership intellectual property rights licence ' +
  'content material materials resource resources open closed shared sharing trust trusted ' +
  'verify verified issue issued issuer holder holders wallet blockchain metadata criteria ' +
  'outcome outcomes competence competences competency evidence-based practice practical ' +
  'theory hours workload ects size smaller larger number numbers percent half most least ' +
  'here where why who whom whose while until unless though although however therefore ' +
  'anyway besides otherwise instead because yes no okay right sure true honestly frankly'
)
  .split(' ')
  .filter((w, i, all) => w.length > 0 && all.indexOf(w) === i);

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'f', 'fl', 'g', 'gr', 'h', 'k', 'l', 'm', 'n', 'p', 'pl', 'r', 's', 'st', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'x'];

/** A pronounceable made-up word of 2–4 syllables: names, jargon and typos of real transcripts. */
export function madeUpWord(rng: Rng): string {
  let word = '';
  const syllables = rng.int(2, 4);
  for (let s = 0; s < syllables; s++) word += rng.pick(ONSETS) + rng.pick(VOWELS) + rng.pick(CODAS);
  return word;
}

/** The made-up half of a corpus's vocabulary, fixed by its seed. */
export function madeUpVocabulary(rng: Rng, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) words.add(madeUpWord(rng));
  return [...words];
}

/**
 * Draws a word: mostly common words with a skew towards the front of the list (squaring a
 * uniform draw gives a Zipf-like head), sometimes a made-up one.
 */
export function drawWord(rng: Rng, madeUp: readonly string[], madeUpShare: number): string {
  if (rng.next() < madeUpShare) return madeUp[Math.floor(rng.next() * madeUp.length)]!;
  const r = rng.next();
  return COMMON_WORDS[Math.floor(r * r * COMMON_WORDS.length)]!;
}
