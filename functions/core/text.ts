/** Word-level text handling shared by the analysis and the digest: tokens, normalization, counting. */
import { splitSentences } from './sentences';

export { splitSentences };

/**
 * A word: letters, marks and digits, with inner apostrophes, hyphens and number separators kept
 * (zo'n, Oost-Oekraïne, 13.000, 3,5, 10.30), so that no Unicode letter is ever lost (één, Fryslân).
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-.,·][\p{L}\p{M}\p{N}]+)*/gu;

/** Words per minute of an average adult reader of news, for the reading time. */
export const WORDS_PER_MINUTE = 220;

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    tokens.push({ text: match[0], start, end: start + match[0].length });
  }
  return tokens;
}

export function splitWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function countWords(paragraphs: readonly string[]): number {
  let count = 0;
  for (const paragraph of paragraphs) count += splitWords(paragraph).length;
  return count;
}

/** Whole minutes, at least one for any text. */
export function readingMinutes(wordCount: number): number {
  return wordCount === 0 ? 0 : Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

/** Lower case, for comparing words whatever their position in a sentence. */
export function fold(word: string): string {
  return word.toLowerCase();
}

/** Lower case without diacritics: Oekraïne and Oekraine, één and een compare equal. */
export function foldAccents(word: string): string {
  const lower = fold(word);
  // Most words are printable ASCII, which has no accents to take off: skip the decomposition (a hot path).
  if (ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(/\p{M}+/gu, '');
}

const ASCII = /^[ -~]*$/u;

export function isNumeric(word: string): boolean {
  return /\p{N}/u.test(word);
}

export function startsUpper(word: string): boolean {
  // ASCII letters decided by their code, the rest by the Unicode property (a hot path of name finding).
  const code = word.charCodeAt(0);
  if (code >= 65 && code <= 90) return true;
  if (code < 128) return false;
  return /^\p{Lu}/u.test(word);
}

/** NATO, VS, TASS: two or more letters, all capitals. */
export function isAcronym(word: string): boolean {
  // Most words have a lower-case ASCII letter second: no acronym, without a regular expression.
  const second = word.charCodeAt(1);
  if (word.length < 2 || (second >= 97 && second <= 122)) return false;
  return /^\p{Lu}{2,}$/u.test(word.replace(/[-.]/g, ''));
}

/** The body as one canonical string: words only, lower case, single spaces. Equal bodies are duplicates. */
export function normalizedBody(paragraphs: readonly string[]): string {
  return paragraphs.flatMap((paragraph) => splitWords(paragraph).map(fold)).join(' ');
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Upper-cases the first letter, for a headline that starts inside a sentence. */
export function capitalizeFirst(text: string): string {
  return text.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());
}
