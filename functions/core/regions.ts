import { foldAccents } from './text';

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
        if (name && /^\p{Lu}[\p{L}\p{M}’'-]*$/u.test(name)) names.add(foldAccents(name));
      }
    }
  }
  cache.set(key, names);
  return names;
}
