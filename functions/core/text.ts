/** Word-level text handling shared by the analysis and the digest: tokens, normalization, counting. */
import { lazyPattern } from './lazy';
import { splitSentences } from './sentences';

export { splitSentences };

/**
 * A word: letters, marks and digits, with inner apostrophes, hyphens and number separators kept
 * (zo'n, Oost-Oekraïne, 13.000, 3,5, 10.30), so that no Unicode letter is ever lost (één, Fryslân).
 */
const WORD = lazyPattern(String.raw`[\p{L}\p{M}\p{N}]+(?:['’\-.,·][\p{L}\p{M}\p{N}]+)*`, 'gu');

// Property escapes as strings, made on first use (lazyPattern says why).
const DIGIT = lazyPattern(String.raw`\p{N}`, 'u');
const UPPER_FIRST = lazyPattern(String.raw`^\p{Lu}`, 'u');
const LOWER_FIRST = lazyPattern(String.raw`^\p{Ll}`, 'u');
const ALL_UPPER = lazyPattern(String.raw`^\p{Lu}{2,}$`, 'u');

/** Words per minute of an average adult reader of news, for the reading time. */
export const WORDS_PER_MINUTE = 220;

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A character of a word by WORD's class [\p{L}\p{M}\p{N}], as a code point on its own. */
const WORD_CHARACTER = lazyPattern(String.raw`^[\p{L}\p{M}\p{N}]$`, 'u');
/** WORD_CHARACTER's answers for the non-ASCII characters of the Basic Multilingual Plane: 0 not yet asked, 1 yes, 2 no. */
const BMP_WORD_CHARACTERS = new Uint8Array(0x10000);

/** Whether the code point is a character of a word: ASCII by its code, the rest by the Unicode properties once each. */
function isWordCodePoint(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code > 0xffff) return WORD_CHARACTER().test(String.fromCodePoint(code));
  let known = BMP_WORD_CHARACTERS[code];
  if (!known) {
    known = WORD_CHARACTER().test(String.fromCharCode(code)) ? 1 : 2;
    BMP_WORD_CHARACTERS[code] = known;
  }
  return known === 1;
}

const LOWER_LETTER = lazyPattern(String.raw`^\p{Ll}$`, 'u');
const UPPER_LETTER = lazyPattern(String.raw`^\p{Lu}$`, 'u');
/** The letter case of the Basic Multilingual Plane's non-ASCII characters: 0 not yet asked, 1 Ll, 2 Lu, 3 neither. */
const BMP_LETTER_CASES = new Uint8Array(0x10000);

/** 1 for a lower-case letter (\p{Ll}), 2 for a capital (\p{Lu}), 3 for any other code point. */
function letterCase(code: number): number {
  if (code < 128) return code >= 97 && code <= 122 ? 1 : code >= 65 && code <= 90 ? 2 : 3;
  if (code > 0xffff) {
    const character = String.fromCodePoint(code);
    return LOWER_LETTER().test(character) ? 1 : UPPER_LETTER().test(character) ? 2 : 3;
  }
  let known = BMP_LETTER_CASES[code] as number;
  if (known === 0) {
    const character = String.fromCharCode(code);
    known = LOWER_LETTER().test(character) ? 1 : UPPER_LETTER().test(character) ? 2 : 3;
    BMP_LETTER_CASES[code] = known;
  }
  return known;
}

/**
 * Whether a lower-case letter stands right before a capital somewhere in the text: /\p{Ll}\p{Lu}/u, code point by code
 * point by character code, the rest by the Unicode properties once each.
 */
export function hasLowerBeforeUpper(text: string): boolean {
  let lowerBefore = false;
  let index = 0;
  while (index < text.length) {
    const code = text.codePointAt(index) as number;
    const letter = letterCase(code);
    if (letter === 2 && lowerBefore) return true;
    lowerBefore = letter === 1;
    index += code > 0xffff ? 2 : 1;
  }
  return false;
}

/** The characters WORD keeps inside a word, between characters of it: ' ’ - . , · */
function isInnerMark(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45 || code === 46 || code === 44 || code === 0xb7;
}

/** Where the run of word characters that starts at `at` ends; `at` itself when none starts there. */
function wordRunEnd(text: string, at: number): number {
  let index = at;
  while (index < text.length) {
    // An ASCII code unit is a code point of its own, decided here without reading a code point: most are.
    const unit = text.charCodeAt(index);
    if (unit < 128) {
      if (!((unit >= 48 && unit <= 57) || (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122))) break;
      index += 1;
      continue;
    }
    const code = text.codePointAt(index) as number;
    if (!isWordCodePoint(code)) break;
    index += code > 0xffff ? 2 : 1;
  }
  return index;
}

/**
 * The tokens of WORD, found by character code rather than by a loop of exec calls: the words of every sentence are
 * read this way, and a match object per word cost more than the rest of the scan. Runs of word characters joined by
 * single inner marks, as WORD matches them, code point by code point as its `u` flag does (a property test in
 * test/unit/text-analysis.test.ts holds the two to the same tokens).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const start = index;
    let end = wordRunEnd(text, start);
    if (end === start) {
      // Only a high surrogate can open a code point of two units.
      index += text.charCodeAt(index) < 0xd800 ? 1 : (text.codePointAt(index) as number) > 0xffff ? 2 : 1;
      continue;
    }
    for (;;) {
      if (end >= text.length || !isInnerMark(text.charCodeAt(end))) break;
      const after = wordRunEnd(text, end + 1);
      if (after === end + 1) break;
      end = after;
    }
    tokens.push({ text: text.slice(start, end), start, end });
    index = end;
  }
  return tokens;
}

export function splitWords(text: string): string[] {
  return text.match(WORD()) ?? [];
}

/** Cached texts are at most this long: V8 hashes a longer string by its length alone, and it is rarely read twice. */
const CACHE_MAX_TEXT = 16_000;
/**
 * A cache is emptied when its texts reach this many characters, so a long-lived container's memory stays flat: for an
 * article's texts, beyond any analysed article (ANALYSIS_MAX_CHARS); for words, some 50,000 of them, as the stem
 * cache keeps.
 */
const CACHE_MAX_CHARS = { article: 2_000_000, words: 500_000 } as const;

/** What cachedByText keeps for an undefined result. */
const NO_VALUE: unique symbol = Symbol('no value');

/** The caches of one article's texts, which forgetArticleTexts empties. */
const articleCaches: (() => void)[] = [];

/**
 * A pure function of a text, remembered. For `words` (the default), across articles, as news repeats its words: a
 * word's title, calendar or place test. For `article`, until forgetArticleTexts: one article's paragraphs and
 * sentences are read in several places (parsing, boilerplate, counts, fingerprints, names, keywords, summary), each of
 * which tokenizes them, but the next article's texts are others. A cached result is shared: callers must not change it.
 */
export function cachedByText<T>(
  compute: (text: string) => T,
  lifetime: 'words' | 'article' = 'words',
): (text: string) => T {
  // An undefined result is kept as NO_VALUE, so that one look-up tells a remembered text from a new one.
  // Emptied by replacing the Map, never by clear(): V8 links a cleared Map's old table to its new one, and a table
  // that once reached the old generation keeps every later table and its entries alive until a full collection. With
  // clear(), every article's texts, words and tokens were promoted, and each young collection took 20-40 ms instead of
  // under one (node --trace-gc over the bench corpus).
  let cache = new Map<string, T | typeof NO_VALUE>();
  let chars = 0;
  if (lifetime === 'article') {
    forgetWithArticleTexts(() => {
      if (cache.size > 0) cache = new Map();
      chars = 0;
    });
  }
  return (text) => {
    const known = cache.get(text);
    if (known !== undefined) return known === NO_VALUE ? (undefined as T) : known;
    const value = compute(text);
    if (text.length > CACHE_MAX_TEXT) return value;
    if (chars + text.length > CACHE_MAX_CHARS[lifetime]) {
      cache = new Map();
      chars = 0;
    }
    cache.set(text, value === undefined ? NO_VALUE : value);
    chars += text.length;
    return value;
  };
}

/** Empties the caches of the article's texts: called when the next article is parsed. */
export function forgetArticleTexts(): void {
  for (const forget of articleCaches) forget();
}

/** Has `forget` called with forgetArticleTexts, for a cache of the article's own that is keyed by other than text. */
export function forgetWithArticleTexts(forget: () => void): void {
  articleCaches.push(forget);
}

/** The words of a text in lower case, remembered for the article; the array is shared. */
export const foldedWordsOf: (text: string) => readonly string[] = cachedByText(
  (text) => splitWords(text).map(fold),
  'article',
);

/** tokenize, remembered for the article; the array is shared. */
export const tokensOf: (text: string) => readonly Token[] = cachedByText(tokenize, 'article');

export function countWords(paragraphs: readonly string[]): number {
  let count = 0;
  for (const paragraph of paragraphs) count += foldedWordsOf(paragraph).length;
  return count;
}

/** text.split(' ').length, counted without the array: a whole paragraph's words are counted so while parsing. */
export function spaceSeparatedParts(text: string): number {
  let parts = 1;
  for (let space = text.indexOf(' '); space >= 0; space = text.indexOf(' ', space + 1)) parts += 1;
  return parts;
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
  if (isPrintableAscii(lower)) return lower;
  return withoutMarks(lower);
}

/** The decomposition and the removal of its marks, remembered: it costs several times a look-up, and names repeat. */
const MARKS = lazyPattern(String.raw`\p{M}+`, 'gu');
const withoutMarks = cachedByText((lower) => lower.normalize('NFD').replace(MARKS(), ''));

/** Only characters from space to tilde; by character code, as it runs for every word. */
function isPrintableAscii(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 32 || code > 126) return false;
  }
  return true;
}

export function isNumeric(word: string): boolean {
  // An ASCII word is decided by its character codes; one with any other character by the Unicode property.
  for (let index = 0; index < word.length; index += 1) {
    const code = word.charCodeAt(index);
    if (code >= 48 && code <= 57) return true;
    if (code >= 128) return DIGIT().test(word);
  }
  return false;
}

export function startsUpper(word: string): boolean {
  // ASCII letters decided by their code, the rest by the Unicode property (a hot path of name finding).
  const code = word.charCodeAt(0);
  if (code >= 65 && code <= 90) return true;
  if (code < 128) return false;
  return UPPER_FIRST().test(word);
}

/** Whether a word starts with a lower-case letter; ASCII decided by its code, as in startsUpper. */
export function startsLower(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code >= 97 && code <= 122) return true;
  if (code < 128) return false;
  return LOWER_FIRST().test(word);
}

/** "Taiwan's", "Nasa’s": a word ending in an apostrophe and an s, by character code. */
export function endsPossessive(word: string): boolean {
  const apostrophe = word.charCodeAt(word.length - 2);
  return word.endsWith('s') && (apostrophe === 39 || apostrophe === 0x2019);
}

/** The word without a possessive 's: word.replace(/['’]s$/u, ''). */
export function stripPossessive(word: string): string {
  return endsPossessive(word) ? word.slice(0, -2) : word;
}

/** NATO, VS, TASS: two or more letters, all capitals. */
export function isAcronym(word: string): boolean {
  if (word.length < 2) return false;
  // ALL_UPPER of the word without its hyphens and full stops, by character code while the word is ASCII: it is asked
  // of every token, and the replacement and the pattern cost more than the scan (a number, "2024", has no lower-case
  // letter to stop at). A word with any other character is decided by the Unicode property.
  let capitals = 0;
  for (let index = 0; index < word.length; index += 1) {
    const code = word.charCodeAt(index);
    if (code >= 65 && code <= 90) capitals += 1;
    else if (code >= 128) return ALL_UPPER().test(word.replace(/[-.]/g, ''));
    else if (code !== 45 && code !== 46) return false;
  }
  return capitals >= 2;
}

/** The body as one canonical string: words only, lower case, single spaces. Equal bodies are duplicates. */
export function normalizedBody(paragraphs: readonly string[]): string {
  return paragraphs.flatMap(foldedWordsOf).join(' ');
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Upper-cases the first letter, for a headline that starts inside a sentence. */
export function capitalizeFirst(text: string): string {
  return text.replace(LOWER_FIRST(), (letter) => letter.toUpperCase());
}

/** The text's first `max` characters, cut at the last space within them so that no word is halved. */
export function cutAtSpace(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  return text.slice(0, space > 0 ? space : max);
}
