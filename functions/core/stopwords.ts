import { packFor, unionOf } from './lang';
import { lazy } from './lazy';

/**
 * Words that are never keywords in a language: its stopwords (stopwords-iso, or the pack's own list where
 * stopwords-iso has none, as for Frisian), its news words, and month and day names and reporting verbs of every
 * language. Text of unknown language has the stopwords of Dutch, English, German and French together. Built for a
 * language when its stopwords are first asked for, not at init.
 */
const everyLanguage = lazy(() => [...unionOf('days'), ...unionOf('months'), ...unionOf('reportingVerbs')]);

const cache = new Map<string, ReadonlySet<string>>();

export function stopwordsFor(language: string): ReadonlySet<string> {
  const cached = cache.get(language);
  if (cached) return cached;
  const pack = packFor(language);
  const set: ReadonlySet<string> = new Set([...everyLanguage(), ...pack.stopwords, ...pack.newsWords]);
  cache.set(language, set);
  return set;
}
