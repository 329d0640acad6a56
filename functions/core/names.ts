import { isTitleWord } from './entities';
import { PACKS } from './lang';
import { NAME_ALIASES } from './lang/aliases';
import { nationalities } from './lang/nationality-data';
import { lazy, lazyPattern, unicodeGlobal } from './lazy';
import { regionCodes } from './regions';
import { cachedByText, foldAccents } from './text';

/**
 * Names across languages, normalised in the manner of JRC-Names (Steinberger et al. 2011): one key for the spellings
 * the languages of the service give one name ("Putin", "Poetin", "Poutine", "Putins" → `putin`), made by rules of
 * transliteration variants rather than a list of names; and ids for the places and institutions that are spelled
 * differently in each language, from the multilingual data of the CLDR (country names, regions.ts), i18n-nationality
 * (adjectives of nationality: "Russische", "russischen", "Russian" → the country) and a small table of aliases
 * (lang/aliases.ts: "Witte Huis", "Weißes Haus" → `white-house`).
 *
 * A key is no spelling to show: it only has to be the same for the variants of one name and differ between names.
 */

export interface NameRule {
  /** What the rule stands for, as JRC-Names would list it. */
  readonly name: string;
  readonly pattern: RegExp;
  readonly replacement: string;
  /** Folded words before and after this rule alone: what its unit test checks. */
  readonly examples: readonly (readonly [string, string])[];
}

const rule = (
  name: string,
  pattern: RegExp,
  replacement: string,
  ...examples: (readonly [string, string])[]
): NameRule => ({ name, pattern, replacement, examples });

/**
 * The rules, in the order they apply to one folded word (lower case, accents off, letters only). Each rule maps
 * the variants of one sound to one spelling; rules later in the list see the output of the earlier ones. Made on first
 * use: three patterns have property escapes, which V8 would build from ICU at init (lazyPattern says why).
 */
export const nameRules = lazy((): readonly NameRule[] => [
  rule('x is ks (Alexander, Aleksandr)', /x/gu, 'ks', ['alexander', 'aleksander']),
  rule(
    'German tsch, Dutch tsj, French tch are ch (Janukowitsch, Janoekovytsj)',
    /t(?:sch|sj|ch)/gu,
    'ch',
    ['janukowitsch', 'janukowich'],
    ['janoekovytsj', 'janoekovych'],
    ['tchekhov', 'chekhov'],
  ),
  rule(
    'German sch and Dutch sj are sh (Uschakow, Oesjakov)',
    /s(?:ch|j)/gu,
    'sh',
    ['uschakow', 'ushakow'],
    ['oesjakov', 'oeshakov'],
  ),
  rule(
    'Dutch oe is u, but at the end (Poetin; Joe)',
    unicodeGlobal`oe(?=\p{L})`,
    'u',
    ['poetin', 'putin'],
    ['joe', 'joe'],
  ),
  rule('French ou is u (Poutine, Nétanyahou)', /ou/gu, 'u', ['poutine', 'putine'], ['netanyahou', 'netanyahu']),
  rule('ph is f (Josephine, Josefine)', /ph/gu, 'f', ['joseph', 'josef']),
  rule('th is t (Thatcher)', /th/gu, 't', ['thomas', 'tomas']),
  rule('German and Polish w is v (Wladimir, Lawrow)', /w/gu, 'v', ['wladimir', 'vladimir'], ['lawrow', 'lavrov']),
  rule(
    'y at the start or after a vowel is j (Yuri, Netanyahu)',
    /(^|[aeiou])y/gu,
    '$1j',
    ['yuri', 'juri'],
    ['bayern', 'bajern'],
  ),
  rule('any other y is i (Volodymyr, Zelensky)', /y/gu, 'i', ['volodymyr', 'volodimir'], ['zelensky', 'zelenski']),
  rule(
    'a j after a consonant is i (Netanjahu, Netanyahu)',
    /(?<=[^aeiou])j/gu,
    'i',
    ['netanjahu', 'netaniahu'],
    ['juri', 'juri'],
  ),
  rule(
    'the endings ij and ii are i (Zelenskij, Selenskyj, Zelenskyy)',
    /i[ij]$/gu,
    'i',
    ['zelenskij', 'zelenski'],
    ['zelenskii', 'zelenski'],
  ),
  rule(
    'an s before a vowel at the start is z (Selenskyj, Sacharowa)',
    /^s(?=[aeiou])/gu,
    'z',
    ['selenski', 'zelenski'],
    ['scholz', 'scholz'],
  ),
  rule(
    'doubled letters are one (Russland, Mattarella)',
    unicodeGlobal`(\p{L})\1+`,
    '$1',
    ['russland', 'rusland'],
    ['mattarella', 'matarela'],
  ),
  rule(
    'a final e, s, es or se after four letters goes (Poutine, Putins, Amerikaans, Amerikaanse)',
    unicodeGlobal`(?<=\p{L}{4})(?:es|se|e|s)$`,
    '',
    ['putine', 'putin'],
    ['putins', 'putin'],
    ['amerikaanse', 'amerikaan'],
    ['merkel', 'merkel'],
  ),
]);

/** Lower case, accents and marks off, the letters no decomposition takes apart spelled out; letters only. */
export function foldName(word: string): string {
  return word
    .toLowerCase()
    .replace(/ß/gu, 'ss')
    .replace(/æ/gu, 'ae')
    .replace(/œ/gu, 'oe')
    .replace(/ø/gu, 'o')
    .replace(/ł/gu, 'l')
    .replace(/đ/gu, 'd')
    .replace(/ı/gu, 'i')
    .normalize('NFD')
    .replace(NON_LETTERS(), '');
}

/** The key of one word of a name: folded, then every rule in order. Remembered, as names repeat. */
export const nameWordKey: (word: string) => string = cachedByText((word) => {
  let key = foldName(word);
  for (const rule of nameRules()) key = key.replace(rule.pattern, rule.replacement);
  return key;
});

/** "R.", "Jr", "Jr.": an initial or a suffix, which one spelling of a name has and another leaves out. */
function isInitial(word: string): boolean {
  if (word.length > 3) return false;
  return LETTER_INITIAL().test(word) || /^(?:jr|sr)\.?$/iu.test(word);
}

/** The words of a name, as written: split at spaces and hyphens, initials left out. */
function nameWords(name: string): string[] {
  return name.split(/[\s\-‐–]+/u).filter((word) => word !== '' && !isInitial(word));
}

/**
 * The id of a name: the keys of its words joined by hyphens, titles and adjectives of nationality before it left out
 * ("Staatschef Wladimir Putin", "Vladimir Poetin" → `vladimir-putin`; "Amerikaanse Uvalde" → `uvalde`). Empty when
 * nothing of a name is left.
 */
export function nameId(name: string): string {
  const words = nameWords(name);
  while (words.length > 1 && (isTitleWord(words[0] as string) || nationalityOf(words[0] as string))) words.shift();
  return words
    .map(nameWordKey)
    .filter((key) => key !== '')
    .join('-');
}

const ALIAS_PREFIX = 'country:';
// Patterns with Unicode property escapes, made on first use (lazyPattern says why).
const NON_LETTERS = lazyPattern(String.raw`[^\p{L}]+`, 'gu');
const LETTER_INITIAL = lazyPattern(String.raw`^\p{L}\.?$`, 'u');

/** Every alias and every CLDR name of a country or territory by its name id: `white-house`, or a code such as `US`. */
const placeIds: () => ReadonlyMap<string, string> = lazy(() => {
  const ids = new Map<string, string>();
  for (const [id, forms] of Object.entries(NAME_ALIASES)) {
    const value = id.startsWith(ALIAS_PREFIX) ? id.slice(ALIAS_PREFIX.length) : id;
    for (const form of forms) ids.set(wholeNameId(form), value);
  }
  for (const [name, code] of regionCodes(Object.keys(PACKS), wholeNameId)) if (!ids.has(name)) ids.set(name, code);
  return ids;
});

/** A name id without dropping titles: "Prince Edward Island" keeps its first word. */
function wholeNameId(name: string): string {
  return nameWords(name)
    .map(nameWordKey)
    .filter((key) => key !== '')
    .join('-');
}

/**
 * The id of a place or institution that the languages spell differently: an ISO 3166-1 code in capitals for a
 * country or territory ("Rusland", "Russia", "Russland" → `RU`; "VS", "USA" → `US`), an alias id in lower case
 * for the rest ("Witte Huis" → `white-house`); undefined for any other name.
 */
export function placeId(name: string): string | undefined {
  return placeIds().get(wholeNameId(name));
}

/** The first word keys of the places of more than one word: "witte" of `witte-huis`. */
const placeOpeners: () => ReadonlySet<string> = lazy(
  () => new Set([...placeIds().keys()].filter((key) => key.includes('-')).map((key) => key.slice(0, key.indexOf('-')))),
);

/** Whether a word's key opens the name of a place of more than one word ("Witte" of "Witte Huis"). */
export function opensPlace(key: string): boolean {
  return placeOpeners().has(key);
}

/** A place id by a name id already made (see placeId). */
export function placeIdOfKey(key: string): string | undefined {
  return placeIds().get(key);
}

function countryOfKey(key: string): string | undefined {
  const id = placeIds().get(key);
  return id && isCountryCode(id) ? id : undefined;
}

/** Whether an id is a country's or territory's code rather than a name or an alias. */
export function isCountryCode(id: string): boolean {
  return /^[A-Z]{2}$/u.test(id);
}

/** Endings an adjective of nationality takes in the supported languages, after the rules took final e and s. */
const NATIONALITY_ENDINGS = ['en', 'er', 'em', 'ne', 'n', 'a', 'i', 'o'];
/** A stem shorter than this is no adjective's: "rus" of "Rus" is one, as the word itself. */
const MIN_NATIONALITY_STEM = 4;

/** i18n-nationality's lists, made on the first question about a nationality. */
const nationalityLists = lazy(nationalities);

/** i18n-nationality's adjectives by key, and by key less a final vowel ("russo", "russa" → `rus`). */
const nationalityKeys: () => ReadonlyMap<string, string> = lazy(() => {
  const keys = new Map<string, string>();
  const add = (key: string, code: string) => {
    if (key.length >= 3 && !keys.has(key)) keys.set(key, code);
  };
  for (const nationalities of Object.values(nationalityLists())) {
    for (const [code, adjective] of Object.entries(nationalities)) {
      // "Wit-Russisch" is one word of its own, not an ending on Russisch.
      if (/[\s-]/u.test(adjective)) continue;
      const key = nameWordKey(adjective);
      add(key, code);
      const stem = key.replace(/[aeio]$/u, '');
      if (stem !== key && stem.length >= MIN_NATIONALITY_STEM) add(stem, code);
    }
  }
  return keys;
});

/** The first three letters of every adjective of nationality, folded: most words start otherwise and are none. */
const nationalityPrefixes: () => ReadonlySet<string> = lazy(
  () =>
    new Set(
      Object.values(nationalityLists()).flatMap((nationalities) =>
        Object.values(nationalities).map((adjective) => foldAccents(adjective).slice(0, 3)),
      ),
    ),
);

/** Whether a word in lower case may be an adjective of nationality at all: a cheap test before nationalityOf. */
export function mayBeNationality(lower: string): boolean {
  return nationalityPrefixes().has(foldAccents(lower.slice(0, 3)));
}

/**
 * The country of an adjective or noun of nationality, in any supported language and inflection: "Russische",
 * "russischen", "Russian", "russe", "Russen" → `RU`; undefined for any other word. Names of countries are placeId's.
 */
export const nationalityOf: (word: string) => string | undefined = cachedByText((word) => {
  const key = nameWordKey(word);
  const direct = nationalityKeys().get(key);
  if (direct) return direct;
  for (const ending of NATIONALITY_ENDINGS) {
    if (key.length - ending.length < 3 || !key.endsWith(ending)) continue;
    const stem = key.slice(0, -ending.length);
    // Or a country's name with an ending: "Schweizer", "Niederlanden".
    const found = nationalityKeys().get(stem) ?? countryOfKey(stem);
    if (found) return found;
  }
  return undefined;
});

/** The last word of a name id: the surname of a person's. */
export function surnameOf(id: string): string {
  return id.slice(id.lastIndexOf('-') + 1);
}

/**
 * Whether two ids of names with the same surname name one person: the words of one are all words of the other
 * (`vladimir-putin` and `staatschef-vladimir-putin`), never two given names (`joe-biden`, `hunter-biden`).
 */
export function sameNamed(a: string, b: string): boolean {
  if (a === b) return true;
  if (surnameOf(a) !== surnameOf(b)) return false;
  const wordsA = a.split('-');
  const wordsB = new Set(b.split('-'));
  const [small, large] = wordsA.length <= wordsB.size ? [wordsA, wordsB] : [b.split('-'), new Set(wordsA)];
  return small.every((word) => large.has(word));
}

/**
 * Ids of names resolved against each other: a surname alone (`putin`) becomes the one full name that ends in it
 * (`vladimir-putin`), and a full name the shortest full name that it contains (`staatschef-vladimir-putin` →
 * `vladimir-putin`). Where two people share the surname (`joe-biden`, `hunter-biden`), the surname alone stays as
 * it is, for nothing says which of them it is. The result depends on the set of ids only, not on their order.
 */
export function resolveNames(ids: Iterable<string>): Map<string, string> {
  const bySurname = new Map<string, Set<string>>();
  const singles = new Set<string>();
  for (const id of ids) {
    if (!id.includes('-')) {
      singles.add(id);
      continue;
    }
    const surname = surnameOf(id);
    const owners = bySurname.get(surname) ?? new Set<string>();
    owners.add(id);
    bySurname.set(surname, owners);
  }
  const resolved = new Map<string, string>();
  for (const [surname, owners] of bySurname) {
    // One full name and no surname alone: nothing to resolve (most names of an article).
    if (owners.size === 1 && !singles.has(surname)) continue;
    // Shortest first, then in code-unit order: the canonical name of each person is the first of its group.
    const sorted = [...owners].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    const canonical: string[] = [];
    for (const id of sorted) {
      const into = canonical.filter((other) => sameNamed(other, id));
      // A name that two different people's names are part of stays itself.
      if (into.length === 1) resolved.set(id, into[0] as string);
      else canonical.push(id);
    }
    if (singles.has(surname) && canonical.length === 1) resolved.set(surname, canonical[0] as string);
  }
  return resolved;
}
