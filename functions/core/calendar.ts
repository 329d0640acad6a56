import { CLDR_CALENDAR } from './cldr-data';
import { CLDR_SEPARATOR } from './cldr-format';

/**
 * Month and weekday names, long and abbreviated, from the Unicode CLDR instead of typed-in lists: "wo", "zo", "mär",
 * "févr", "desimber". Lower case, without a trailing full stop; built once per list of languages. The names of the
 * languages with a pack are data generated from Node's ICU (scripts/vendor-cldr.ts), read without calling Intl; any
 * other language is read through Intl.DateTimeFormat.
 */
const cache = new Map<string, ReadonlySet<string>>();

export function calendarNames(languages: readonly string[]): ReadonlySet<string> {
  const key = languages.join(',');
  const cached = cache.get(key);
  if (cached) return cached;
  const names = new Set<string>();
  for (const language of languages) {
    const data = CLDR_CALENDAR[language];
    for (const name of data === undefined ? calendarNamesFromIntl(language) : data.split(CLDR_SEPARATOR))
      names.add(name);
  }
  cache.set(key, names);
  return names;
}

/** One language's names as Intl.DateTimeFormat gives them: long months, long weekdays, then the short ones. */
export function calendarNamesFromIntl(language: string): string[] {
  const names = new Set<string>();
  const add = (name: string) => names.add(name.toLowerCase().replace(/\.$/u, ''));
  for (const width of ['long', 'short'] as const) {
    const month = new Intl.DateTimeFormat(language, { month: width, timeZone: 'UTC' });
    const weekday = new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' });
    for (let index = 0; index < 12; index += 1) add(month.format(Date.UTC(2021, index, 15)));
    // 1 to 7 February 2021 run from Monday to Sunday.
    for (let index = 1; index <= 7; index += 1) add(weekday.format(Date.UTC(2021, 1, index)));
  }
  return [...names];
}
