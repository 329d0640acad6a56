import { CLDR_REGION_CODES, CLDR_REGIONS } from './cldr-data';
import { CLDR_CODE_MARK, CLDR_SEPARATOR } from './cldr-format';
import { lazy, lazyPattern } from './lazy';
import { foldAccents } from './text';

/** A name as the CLDR writes one, a property escape made on first use (lazyPattern says why). */
const NAME_SHAPE = lazyPattern(String.raw`^\p{Lu}[\p{L}\p{M}’'-]*$`, 'u');

/**
 * Names of countries and territories in the given languages, from the Unicode CLDR instead of a typed-in gazetteer:
 * "Kenya", "Kenia", "Äthiopien", "Zypern". Only names of one capitalised word, since they are compared with one word;
 * folded (lower case, no accents); built once per list of languages. The names of the languages with a pack are data
 * generated from Node's ICU (scripts/vendor-cldr.ts), read without calling Intl; any other language is read through
 * Intl.DisplayNames.
 */
const cache = new Map<string, ReadonlySet<string>>();

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
// XA and XB are pseudo-locales ("Pseudo-Accents"); ZZ is the unknown region.
const PSEUDO_REGIONS = ['XA', 'XB', 'ZZ'];

export function regionNames(languages: readonly string[]): ReadonlySet<string> {
  const key = languages.join(',');
  const cached = cache.get(key);
  if (cached) return cached;
  const names = new Set<string>();
  for (const language of languages) {
    for (const name of namesOf(language).long.values()) if (NAME_SHAPE().test(name)) names.add(foldAccents(name));
  }
  cache.set(key, names);
  return names;
}

interface RegionNames {
  /** Every two-letter code's name, the deprecated ones (SU, YU) too, in code order. */
  readonly long: ReadonlyMap<string, string>;
  /** The short names of the canonical codes ("VS", "USA"); in the generated data, only those that differ from the long. */
  readonly short: ReadonlyMap<string, string>;
}

const parsed = new Map<string, RegionNames>();

function namesOf(language: string): RegionNames {
  let names = parsed.get(language);
  if (!names) {
    const data = CLDR_REGIONS[language];
    const entries = (list: string) =>
      new Map(
        list.split(CLDR_SEPARATOR).map((entry) => {
          const mark = entry.indexOf(CLDR_CODE_MARK);
          return [entry.slice(0, mark), entry.slice(mark + 1)] as [string, string];
        }),
      );
    names =
      data === undefined ? regionNamesFromIntl(language) : { long: entries(data.long), short: entries(data.short) };
    parsed.set(language, names);
  }
  return names;
}

/** One language's region names as Intl.DisplayNames gives them (fallback none: a code without a name has none). */
export function regionNamesFromIntl(language: string): RegionNames {
  const long = new Map<string, string>();
  const display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  for (const first of LETTERS) {
    for (const second of LETTERS) {
      const code = `${first}${second}`;
      const name = PSEUDO_REGIONS.includes(code) ? undefined : display.of(code);
      if (name) long.set(code, name);
    }
  }
  const short = new Map<string, string>();
  const shortDisplay = new Intl.DisplayNames([language], { type: 'region', style: 'short', fallback: 'none' });
  for (const code of regionCodesFromIntl()) {
    const name = shortDisplay.of(code);
    if (name) short.set(code, name);
  }
  return { long, short };
}

const codeCache = new Map<string, ReadonlyMap<string, string>>();

/** Every two-letter region code the CLDR names, but the pseudo-locales and the unknown region. */
export function regionCodesFromIntl(): string[] {
  const codes: string[] = [];
  for (const first of LETTERS) {
    for (const second of LETTERS) {
      const code = `${first}${second}`;
      // Deprecated codes (DD, SU, YU) name the country of their successor: only canonical codes are listed.
      if (!PSEUDO_REGIONS.includes(code) && new Intl.Locale(`und-${code}`).region === code) codes.push(code);
    }
  }
  return codes;
}

const canonicalCodes = lazy(() => CLDR_REGION_CODES.split(' '));

/**
 * The names of countries and territories in the given languages, of any number of words, with their ISO 3166-1 code:
 * "Verenigde Staten", "VS", "Vereinigte Staaten", "USA", "États-Unis" → US; also the European Union (EU) and the
 * United Nations (UN), which the CLDR names too. Each name is given to `keyOf` (a name's normalised form); a short
 * name that is another region's code ("RU", Spanish for the United Kingdom) is left out.
 */
export function regionCodes(
  languages: readonly string[],
  keyOf: (name: string) => string,
): ReadonlyMap<string, string> {
  const key = languages.join(',');
  const cached = codeCache.get(key);
  if (cached) return cached;
  const codes = canonicalCodes();
  const known = new Set(codes);
  const names = new Map<string, string>();
  for (const language of languages) {
    const { long, short } = namesOf(language);
    for (const style of ['long', 'short'] as const) {
      for (const code of codes) {
        // A short name like the long one adds nothing: the long one came first.
        const name = style === 'long' ? long.get(code) : (short.get(code) ?? long.get(code));
        if (!name || /[()\d]/u.test(name)) continue;
        if (style === 'short' && known.has(name.toUpperCase()) && name.toUpperCase() !== code) continue;
        const normalised = keyOf(name);
        if (normalised && !names.has(normalised)) names.set(normalised, code);
      }
    }
  }
  codeCache.set(key, names);
  return names;
}
