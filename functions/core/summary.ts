import { isSceneOpener, stripTickerTime } from './headline';
import { unicode } from './lazy';
import { foldedWordsOf, splitWords } from './text';

/**
 * An article's summary: one to three of its own sentences, in their original order, at most
 * SUMMARY_MAX_WORDS words together, none the same as the headline. News puts what matters first, so the
 * lead sentences are preferred; a sentence too short to say anything, or a question, is passed over.
 */
export const SUMMARY_MAX_WORDS = 60;
export const SUMMARY_MAX_SENTENCES = 3;
const MIN_SENTENCE_WORDS = 5;
/** Sentences past this position are not considered: the lead carries the news. */
const LEAD_SENTENCES = 5;

export function summarize(sentences: readonly string[], headline: string): string {
  const candidates = leadCandidates(sentences, headline);
  const chosen: string[] = [];
  let words = 0;
  for (let position = 0; ; position += 1) {
    if (chosen.length === SUMMARY_MAX_SENTENCES || position >= LEAD_SENTENCES) break;
    const sentence = candidates(position);
    if (sentence === undefined) break;
    const count = foldedWordsOf(sentence).length;
    if (count < MIN_SENTENCE_WORDS || /\?["'’”»]?$/u.test(sentence)) continue;
    // A scene-setting opener ("If you had stood …") is not the news.
    if (position === 0 && isSceneOpener(sentence)) continue;
    // One that does not fit is passed over: a shorter one after it may.
    if (words + count > SUMMARY_MAX_WORDS) continue;
    chosen.push(sentence);
    words += count;
  }
  if (chosen.length > 0) return chosen.join(' ');
  // Every sentence is too long or too short: the first one that says something, cut to the word budget.
  let first: string | undefined;
  for (let position = 0; first === undefined; position += 1) {
    const sentence = candidates(position);
    if (sentence === undefined) break;
    if (foldedWordsOf(sentence).length > 0) first = sentence;
  }
  return truncateWords(first ?? '', SUMMARY_MAX_WORDS);
}

/**
 * The sentences without their datelines, less any that says what the headline says, by position: made as far as
 * asked for, since only the lead's first few are read unless none will do.
 */
function leadCandidates(sentences: readonly string[], headline: string): (position: number) => string | undefined {
  const headlineKey = comparable(headline);
  const candidates: string[] = [];
  let next = 0;
  return (position) => {
    while (candidates.length <= position && next < sentences.length) {
      const sentence = stripTickerTime(stripDateline(sentences[next] ?? ''));
      next += 1;
      if (comparable(sentence) !== headlineKey) candidates.push(sentence);
    }
    return candidates[position];
  };
}

function comparable(text: string): string {
  return foldedWordsOf(text).join(' ');
}

/** "AMSTERDAM (ANP) - De …" → "De …": the dateline is the wire's, not the story's. */
export function stripDateline(sentence: string): string {
  return sentence.replace(
    unicode`^\p{Lu}[\p{Lu}\s.'-]{1,30}(?:\s*\([^()]{1,20}\))?(?:,[^–—-]{1,25})?\s+(?:[-–—]{1,2}|\|)\s+`,
    '',
  );
}

function truncateWords(text: string, max: number): string {
  const matches = [...text.matchAll(/\S+/gu)];
  if (splitWords(text).length <= max) return text;
  let count = 0;
  let end = 0;
  for (const match of matches) {
    const words = splitWords(match[0]).length;
    if (count + words > max) break;
    count += words;
    end = match.index + match[0].length;
  }
  return `${text.slice(0, end).replace(/[\s,;:–—-]+$/u, '')} …`;
}
