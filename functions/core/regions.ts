import { lazyPattern } from './lazy';
import { foldAccents } from './text';

/** A name as the CLDR writes one, a property escape made on first use (lazyPattern says why). */
const NAME_SHAPE = lazyPattern(String.raw`^\p{Lu}[\p{L}\p{M}’'-]*$`, 'u');

/**
 * Names of countries and territories in the given languages, read from the Unicode CLDR through Intl.DisplayNames
 * (Node.js ships full ICU) instead of a typed-in gazetteer: "Kenya", "Kenia", "Äthiopien", "Zypern". Only names of
 * one capitalised word, since they are compared with one word; folded (lower case, no accents); built once per list
 * of languages.
 */
const cache = new Map<string, ReadonlySet<string>>();

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function regionNames(languages: readonly string[]): ReadonlySet<string> {
  const key = languages.join(',');
  const cached = cache.get(key);
  if (cached) return cached;
  const names = new Set<string>();
  for (const language of languages) {
    const display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    for (const first of LETTERS) {
      for (const second of LETTERS) {
        // XA and XB are pseudo-locales ("Pseudo-Accents"); ZZ is the unknown region.
        if (['XA', 'XB', 'ZZ'].includes(`${first}${second}`)) continue;
        const name = display.of(`${first}${second}`);
        if (name && NAME_SHAPE().test(name)) names.add(foldAccents(name));
      }
    }
  }
  cache.set(key, names);
  return names;
}

const codeCache = new Map<string, ReadonlyMap<string, string>>();

/** Every two-letter region code the CLDR names, but the pseudo-locales and the unknown region. */
function regionCodesList(): string[] {
  const codes: string[] = [];
  for (const first of LETTERS) {
    for (const second of LETTERS) {
      const code = `${first}${second}`;
      // Deprecated codes (DD, SU, YU) name the country of their successor: only canonical codes are listed.
      if (!['XA', 'XB', 'ZZ'].includes(code) && new Intl.Locale(`und-${code}`).region === code) codes.push(code);
    }
  }
  return codes;
}

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
  const codes = regionCodesList();
  const known = new Set(codes);
  const names = new Map<string, string>();
  for (const language of languages) {
    for (const style of ['long', 'short'] as const) {
      const display = new Intl.DisplayNames([language], { type: 'region', style, fallback: 'none' });
      for (const code of codes) {
        const name = display.of(code);
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
