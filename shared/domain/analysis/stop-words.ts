import type { StopWordLanguage } from './types.ts';

/**
 * Function words left out of word frequencies. Kept short on purpose: words that carry
 * meaning in interviews ("think", "want", "need") stay in. Lower case; apostrophes straight.
 */
const ENGLISH = `a about above after again against all also am an and any are aren't as at be because been before
being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him
himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's me more most mustn't my
myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll
she's should shouldn't so some such than that that's the their theirs them themselves then there there's these they
they'd they'll they're they've this those through to too under until up very was wasn't we we'd we'll we're we've
were weren't what what's when when's where where's which while who who's whom why why's will with won't would
wouldn't you you'd you'll you're you've your yours yourself yourselves yes yeah um uh er oh okay ok well really
actually quite just like mean kind sort lot lots thing things get got going go gonna also may might must shall
one two three s t`;

const SPANISH = `a al algo algunas algunos ante antes como con contra cual cuales cuando de del desde donde durante
e el él ella ellas ellos en entre era erais eran eras eres es esa esas ese eso esos esta está estaba estaban estado
estamos están estar estas este esto estos estoy fue fueron fui fuimos ha había habían han has hasta hay he la las le
les lo los más me mi mí mis mucho muchos muy nada ni no nos nosotras nosotros nuestra nuestras nuestro nuestros o os
otra otras otro otros para pero poco por porque que qué quien quién quienes se sea sean ser será si sí sido siempre
sin sobre sois somos son soy su sus suya suyas suyo suyos también tanto te tenemos tener tengo ti tiene tienen todo
todos tu tú tus un una uno unos usted ustedes vosotras vosotros y ya yo eh pues bueno este entonces o sea vale
así aquí allí ahí cada mismo misma mismos mismas algo alguien alguna alguno otra vez luego tan sino cómo dónde
cuándo cuánto aunque mientras hacia según tras les lo cual donde esto eso aquello aquella aquel`;

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

export const STOP_WORDS: Record<StopWordLanguage, ReadonlySet<string>> = { en: words(ENGLISH), es: words(SPANISH) };

export const isStopWord = (word: string, languages: readonly StopWordLanguage[]): boolean =>
  languages.some((l) => STOP_WORDS[l].has(word));
