import { detectAll } from 'tinyld/light';
import { PACKS } from './lang';
import { fold, splitWords } from './text';

/**
 * Languages this service expects. The detector is restricted to them, so that a short text does not land on
 * an exotic guess; a language tinyld has no model for (Frisian) is recognised by its pack's marker words.
 */
export const SUPPORTED_LANGUAGES = ['nl', 'en', 'de', 'fr', 'es', 'it', 'fy'] as const;
const MARKED_LANGUAGES = SUPPORTED_LANGUAGES.filter((language) => PACKS[language].markers.size > 0);
const DETECTOR_LANGUAGES = SUPPORTED_LANGUAGES.filter((language) => PACKS[language].markers.size === 0);

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
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  if (letters < MIN_LETTERS) return 'und';
  // French elisions count as the article or pronoun they are: l'aéroport → l', d'Orly → d'.
  const words = splitWords(text)
    .map(fold)
    .flatMap((word) => {
      const elision = /^([a-z]{1,2}['’])(.+)$/u.exec(word);
      return elision ? [elision[1]?.replace('’', "'") ?? '', elision[2] ?? ''] : [word];
    });
  for (const language of MARKED_LANGUAGES) {
    const markers = PACKS[language].markers;
    const marked = words.filter((word) => markers.has(word)).length;
    if (marked >= 3 && marked / words.length >= MARKER_SHARE) return language;
  }
  const shares = new Map<string, number>();
  for (const language of DETECTOR_LANGUAGES) {
    const list = PACKS[language].functionWords;
    shares.set(language, words.length === 0 ? 0 : words.filter((word) => list.has(word)).length / words.length);
  }
  const clear = clearWinner(shares, words.length);
  if (clear) return clear;
  const scores = new Map<string, number>();
  for (const { lang, accuracy } of detectAll(text, { only: [...DETECTOR_LANGUAGES] })) scores.set(lang, accuracy);
  for (const [language, share] of shares)
    scores.set(language, (scores.get(language) ?? 0) + FUNCTION_WORD_WEIGHT * share);
  let best = 'und';
  let bestScore = 0;
  // Fixed language order breaks ties, so the answer never depends on map order.
  for (const language of DETECTOR_LANGUAGES) {
    const score = scores.get(language) ?? 0;
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best;
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
  if (text.length <= DETECTION_SAMPLE_CHARS) return text;
  const cut = text.lastIndexOf(' ', DETECTION_SAMPLE_CHARS);
  return text.slice(0, cut > 0 ? cut : DETECTION_SAMPLE_CHARS);
}
