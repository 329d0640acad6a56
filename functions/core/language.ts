import { PACKS } from './lang';
import { lazy, unicode } from './lazy';
import { cutAtSpace, fold, foldedWordsOf, forgetWithArticleTexts, splitWords } from './text';
import { detectAll } from './tinyld';

/**
 * Languages this service expects. The detector is restricted to them, so that a short text does not land on
 * an exotic guess; a language tinyld has no model for (Frisian) is recognised by its pack's marker words.
 */
export const SUPPORTED_LANGUAGES = ['nl', 'en', 'de', 'fr', 'es', 'it', 'fy'] as const;
type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** Below this many letters no detector is reliable, so the answer is `und` (undetermined). */
const MIN_LETTERS = 20;
/** Share of a language's marker words at or above which a text is in that language. */
const MARKER_SHARE = 0.08;
/**
 * Weight of the function-word share against tinyld's confidence. tinyld's light model alone took a French
 * article for English and short English headlines for French; each language's articles, prepositions and
 * pronouns settle those (see npm run eval).
 */
const FUNCTION_WORD_WEIGHT = 2;

/**
 * A language shows in its first few hundred words; reading only this much of a long article keeps detection
 * at a constant cost per article (tinyld's time grows with the text).
 */
export const DETECTION_SAMPLE_CHARS = 2_000;

export function detectLanguage(whole: string): string {
  const text = sample(whole);
  return decide(text, [splitWords(text).map(fold)]);
}

/**
 * detectLanguage of the paragraphs (or lines) joined by line breaks. No word spans a line break, so the sample's words
 * are those of the paragraphs it holds whole, which the boilerplate classifier reads too, and those of the part it
 * holds of the next. `wordsOf` gives a paragraph's lower-case words: for raw lines, those of the line as the
 * classifier will have it, with its white space made single (which changes no word).
 */
export function detectParagraphsLanguage(
  paragraphs: readonly string[],
  wordsOf: (paragraph: string) => readonly string[] = foldedWordsOf,
): string {
  const text = sample(leadingText(paragraphs));
  // The paragraphs' word lists as they are, not copied into one.
  const words: (readonly string[])[] = [];
  let at = 0;
  for (const paragraph of paragraphs) {
    if (at + paragraph.length > text.length) {
      if (at < text.length) words.push(splitWords(text.slice(at)).map(fold));
      break;
    }
    words.push(wordsOf(paragraph));
    at += paragraph.length + 1;
  }
  return decide(text, words);
}

/** The paragraphs joined by line breaks as far as the sample can reach: its first DETECTION_SAMPLE_CHARS + 1 characters. */
function leadingText(paragraphs: readonly string[]): string {
  let text = '';
  for (const [index, paragraph] of paragraphs.entries()) {
    text = index === 0 ? paragraph : `${text}\n${paragraph}`;
    if (text.length > DETECTION_SAMPLE_CHARS) break;
  }
  return text;
}

/**
 * The word lists a word is on, one bit per list: the function words of each of `detector`, in order, then the markers
 * of each of `marked`. One look-up per word counts the words of every list. Built on the first detection, as the packs
 * it reads are: at init it built every pack (lang/index.ts says why they are lazy).
 */
interface WordLists {
  /** Languages recognised by their pack's marker words (tinyld has no model for them). */
  readonly marked: readonly SupportedLanguage[];
  /** Languages the detector scores. */
  readonly detector: readonly SupportedLanguage[];
  /** How many lists: a word's counts end with the count of all words at this index. */
  readonly size: number;
  readonly bits: ReadonlyMap<string, number>;
}

const wordLists = lazy((): WordLists => {
  const marked = SUPPORTED_LANGUAGES.filter((language) => PACKS[language].markers.size > 0);
  const detector = SUPPORTED_LANGUAGES.filter((language) => PACKS[language].markers.size === 0);
  const lists = [
    ...detector.map((language) => PACKS[language].functionWords),
    ...marked.map((language) => PACKS[language].markers),
  ];
  const bits = new Map<string, number>();
  lists.forEach((list, index) => {
    for (const word of list) bits.set(word, (bits.get(word) ?? 0) | (1 << index));
  });
  return { marked, detector, size: lists.length, bits };
});

/** Adds a word to the count of each list it is on; `counts` ends with the count of all words. */
function count(word: string, counts: Int32Array, lists: WordLists): void {
  counts[lists.size] = (counts[lists.size] ?? 0) + 1;
  let bits = lists.bits.get(word) ?? 0;
  while (bits !== 0) {
    const index = 31 - Math.clz32(bits & -bits);
    counts[index] = (counts[index] ?? 0) + 1;
    bits &= bits - 1;
  }
}

/**
 * The counts of a list of words, remembered by the list for the article: an article is detected twice, its lines for
 * the classifier and then its paragraphs, and text.ts hands out one list per text of the article, so that a paragraph
 * of one line is counted once. A Map emptied with the article's texts rather than a WeakMap, whose entries the garbage
 * collector treats as ephemerons at a cost to every collection; emptied at MAX_COUNTED_LISTS too, for a caller that
 * detects without parsing.
 */
let listCounts = new Map<readonly string[], Int32Array>();
const MAX_COUNTED_LISTS = 10_000;
// Replaced rather than cleared, as cachedByText's caches are (text.ts says why).
forgetWithArticleTexts(() => {
  if (listCounts.size > 0) listCounts = new Map();
});

function countsOf(words: readonly string[]): Int32Array {
  let counts = listCounts.get(words);
  if (counts) return counts;
  if (listCounts.size >= MAX_COUNTED_LISTS) listCounts = new Map();
  const lists = wordLists();
  counts = new Int32Array(lists.size + 1);
  for (const word of words) {
    // French elisions count as the article or pronoun they are: l'aéroport → l', d'Orly → d'.
    const at = elisionEnd(word);
    if (at > 0) {
      count(word.slice(0, at).replace('’', "'"), counts, lists);
      count(word.slice(at), counts, lists);
    } else {
      count(word, counts, lists);
    }
  }
  listCounts.set(words, counts);
  return counts;
}

/** The language of a sample text from its lower-case words, in lists of a paragraph's words each. */
function decide(text: string, folded: readonly (readonly string[])[]): string {
  if (!hasLetters(text, MIN_LETTERS)) return 'und';
  const { marked: markedLanguages, detector: detectorLanguages, size } = wordLists();
  const counts = new Int32Array(size + 1);
  for (const words of folded) {
    const listed = countsOf(words);
    for (let index = 0; index < counts.length; index += 1) counts[index] = (counts[index] ?? 0) + (listed[index] ?? 0);
  }
  const total = counts[size] ?? 0;
  for (const [index, language] of markedLanguages.entries()) {
    const marked = counts[detectorLanguages.length + index] ?? 0;
    if (marked >= 3 && marked / total >= MARKER_SHARE) return language;
  }
  const shares = new Map<string, number>();
  detectorLanguages.forEach((language, index) => {
    shares.set(language, total === 0 ? 0 : (counts[index] ?? 0) / total);
  });
  const clear = clearWinner(shares, total);
  if (clear) return clear;
  const scores = new Map<string, number>();
  for (const { lang, accuracy } of detectAll(text, { only: [...detectorLanguages] })) scores.set(lang, accuracy);
  for (const [language, share] of shares)
    scores.set(language, (scores.get(language) ?? 0) + FUNCTION_WORD_WEIGHT * share);
  let best = 'und';
  let bestScore = 0;
  // Fixed language order breaks ties, so the answer never depends on map order.
  for (const language of detectorLanguages) {
    const score = scores.get(language) ?? 0;
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Whether a text has at least `minimum` letters. Most texts reach them in ASCII within their first words, counted by
 * character code; a text with another character before that is counted by the Unicode property.
 */
function hasLetters(text: string, minimum: number): boolean {
  let letters = 0;
  for (let index = 0; index < text.length && letters < minimum; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 128) return hasUnicodeLetters(text, minimum);
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) letters += 1;
  }
  return letters >= minimum;
}

/**
 * text.replace(/[^\p{L}]/gu, '').length >= minimum, letter by letter from the start until there are enough: the
 * replacement rebuilt the whole sample to count its first few letters. Letters count in code units, as `length` does.
 */
function hasUnicodeLetters(text: string, minimum: number): boolean {
  let letters = 0;
  const letter = unicode`^\p{L}$`;
  for (const character of text) {
    if (!letter.test(character)) continue;
    letters += character.length;
    if (letters >= minimum) return true;
  }
  return false;
}

/**
 * Where the elided article or pronoun of a French word ends, after its apostrophe: 2 for "l'aéroport", 3 for
 * "qu'il"; 0 for a word without one. /^([a-z]{1,2}['’])(.+)$/ by character code.
 */
function elisionEnd(word: string): number {
  // Length first: a character code past the end would be NaN, which deoptimises the comparisons.
  if (word.length < 3 || !isAsciiLower(word.charCodeAt(0))) return 0;
  if (isApostrophe(word.charCodeAt(1))) return 2;
  if (word.length > 3 && isAsciiLower(word.charCodeAt(1)) && isApostrophe(word.charCodeAt(2))) return 3;
  return 0;
}

function isAsciiLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

/** Enough words for the function-word shares alone to decide, and the margin by which one must lead. */
const CLEAR_MIN_WORDS = 40;
const CLEAR_MIN_SHARE = 0.15;
const CLEAR_MARGIN = 0.06;

/**
 * The language whose function words make up a clearly larger share of a text of some length than any other's:
 * the short-word method of language identification (Grefenstette 1995, "Comparing two language identification
 * schemes"), which on a paragraph of news is as right as a character model and far cheaper. Undefined when the
 * text is short or two languages are close, which tinyld then settles.
 */
function clearWinner(shares: ReadonlyMap<string, number>, wordCount: number): string | undefined {
  if (wordCount < CLEAR_MIN_WORDS) return undefined;
  const ranked = [...shares].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < CLEAR_MIN_SHARE) return undefined;
  return best[1] - (second?.[1] ?? 0) >= CLEAR_MARGIN ? best[0] : undefined;
}

/** The text's first DETECTION_SAMPLE_CHARS characters, cut at a space so that no word is halved. */
function sample(text: string): string {
  return cutAtSpace(text, DETECTION_SAMPLE_CHARS);
}
