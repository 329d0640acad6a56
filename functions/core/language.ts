import { detect } from 'tinyld/light';

/** Languages this service expects; restricting the detector keeps short texts from landing on exotic guesses. */
export const SUPPORTED_LANGUAGES = ['nl', 'en', 'de', 'fr', 'es', 'it'] as const;

/** Below this many letters no detector is reliable, so the answer is `und` (undetermined). */
const MIN_LETTERS = 20;

export function detectLanguage(text: string): string {
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  if (letters < MIN_LETTERS) return 'und';
  return detect(text, { only: [...SUPPORTED_LANGUAGES] }) || 'und';
}
