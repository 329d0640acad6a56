import { lazy } from '../lazy';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { fy } from './fy';
import { it } from './it';
import { nl } from './nl';
import { type LanguagePack, NO_LANGUAGE, NO_WORDS, type WordClass } from './types';

export type { Demonyms, LanguagePack, WordClass } from './types';

/**
 * Every language the service has words of, by ISO 639-1 code. Each pack is built (its words made into sets) when its
 * language is first read, not at init: the API bundles the analysis for on-demand digests only, and an article of one
 * language never reads most of another's classes. Object.keys and hasPack build nothing; Object.values builds all.
 */
export const PACKS: { readonly [Code in 'nl' | 'en' | 'de' | 'fr' | 'fy' | 'es' | 'it']: LanguagePack } = {
  get nl() {
    return nl();
  },
  get en() {
    return en();
  },
  get de() {
    return de();
  },
  get fr() {
    return fr();
  },
  get fy() {
    return fy();
  },
  get es() {
    return es();
  },
  get it() {
    return it();
  },
};

export type LanguageCode = keyof typeof PACKS;

export function hasPack(code: string): code is LanguageCode {
  return Object.hasOwn(PACKS, code);
}

const union = (packs: readonly LanguagePack[], wordClass: WordClass): ReadonlySet<string> =>
  new Set(packs.flatMap((pack) => [...pack[wordClass]]));

const unions = new Map<WordClass, ReadonlySet<string>>();

/**
 * One word class of all languages together, built once: what the analysis reads where an article's words may be
 * any language's (datelines, quotations, names, and text whose language is unknown).
 */
export function unionOf(wordClass: WordClass): ReadonlySet<string> {
  let words = unions.get(wordClass);
  if (!words) {
    words = union(Object.values(PACKS), wordClass);
    unions.set(wordClass, words);
  }
  return words;
}

const wordClasses = () =>
  (Object.keys(NO_LANGUAGE) as (keyof LanguagePack)[]).filter(
    (field): field is WordClass => NO_LANGUAGE[field] instanceof Set,
  );

/**
 * Text whose language is unknown (`und`) is most likely Dutch, English, German or French: it has their words together,
 * so that none of their stopwords becomes a keyword, but none of their grammar, which would apply one language's
 * rules to another's text: no function words or articles to drop, no stemmer, no demonyms.
 */
const undetermined = lazy(
  (): LanguagePack => ({
    ...NO_LANGUAGE,
    ...Object.fromEntries(
      wordClasses().map((wordClass) => [wordClass, union([PACKS.nl, PACKS.en, PACKS.de, PACKS.fr], wordClass)]),
    ),
    functionWords: NO_WORDS,
    leadingArticles: NO_WORDS,
    spareArticles: NO_WORDS,
    pronounArticles: NO_WORDS,
    finiteAuxiliaries: NO_WORDS,
    droppableAuxiliaries: NO_WORDS,
    markers: NO_WORDS,
  }),
);

/** The pack of a language, or for `und` and any language without one, the pack of unknown text. */
export function packFor(code: string): LanguagePack {
  return hasPack(code) ? PACKS[code] : undetermined();
}
