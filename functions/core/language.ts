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

export function detectLanguage(text: string): string {
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
  const scores = new Map<string, number>();
  for (const { lang, accuracy } of detectAll(text, { only: [...DETECTOR_LANGUAGES] })) scores.set(lang, accuracy);
  for (const language of DETECTOR_LANGUAGES) {
    const list = PACKS[language].functionWords;
    if (words.length === 0) continue;
    const share = words.filter((word) => list.has(word)).length / words.length;
    scores.set(language, (scores.get(language) ?? 0) + FUNCTION_WORD_WEIGHT * share);
  }
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
