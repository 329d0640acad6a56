import { unionOf } from './lang';
import { lazy, lazyPattern } from './lazy';

/**
 * Sentence splitting: Unicode sentence boundaries (Intl.Segmenter), then a pass that joins back what an
 * abbreviation, an initial or a German ordinal date broke off. Numbers such as 1.000, 3,5 and 10.30 have
 * no space after their separator and are never boundaries to begin with.
 */
// ICU loads its break rules when a segmenter is made: on the first sentence split, not at every cold start.
const segmenter = lazy(() => new Intl.Segmenter('nl', { granularity: 'sentence' }));

/** Of every language: sentences are split without knowing the article's language. Built on the first split. */
const abbreviations = () => unionOf('abbreviations');
const numberAbbreviations = () => unionOf('numberAbbreviations');
const months = () => unionOf('months');

const FIRST_WORD = /^[("'‘“„«]*(\S+)/u;
// Patterns with Unicode property escapes, made on first use (lazyPattern says why).
const INITIALS = lazyPattern(String.raw`^(?:\p{Lu}\.){1,3}$`, 'u');
const TRAILING_NON_LETTERS = lazyPattern(String.raw`[^\p{L}]+$`, 'u');
const DIGIT_FIRST = lazyPattern(String.raw`^\p{N}`, 'u');

/** "Ukraine-Krieg im Liveticker +++ 23:27 Putin schenkt … +++": a news ticker's separator ends a sentence. */
const TICKER_SEPARATOR = /\s*\+{3,}\s*/u;

export function splitSentences(paragraph: string): string[] {
  if (paragraph.includes('+++')) {
    return paragraph
      .split(TICKER_SEPARATOR)
      .filter((part) => part.length > 0)
      .flatMap(splitSentences);
  }
  return splitJoined([paragraph]);
}

/**
 * paragraphs.flatMap(splitSentences), with one segmentation of the paragraphs joined by line breaks rather than one
 * per paragraph: each segmentation copies its text into ICU and sets up a break iterator, which for the analysis's
 * paragraphs cost about as much as the iteration itself. A line break ends a sentence and no boundary rule looks
 * across one (UAX #29: SB4, and ParaSep in SB8 to SB11), so the segments of the joined text are those of each
 * paragraph, the last with the line break after it, which trim takes off. A paragraph with a ticker's separators is
 * split on its own, as splitSentences splits it.
 */
export function splitParagraphsSentences(paragraphs: readonly string[]): string[] {
  const sentences: string[] = [];
  let from = 0;
  while (from < paragraphs.length) {
    let to = from;
    while (to < paragraphs.length && !(paragraphs[to] as string).includes('+++')) to += 1;
    if (to > from) for (const sentence of splitJoined(paragraphs.slice(from, to))) sentences.push(sentence);
    if (to < paragraphs.length)
      for (const sentence of splitSentences(paragraphs[to] as string)) sentences.push(sentence);
    from = to + 1;
  }
  return sentences;
}

/**
 * The sentences of paragraphs without a ticker's separators, paragraph by paragraph, from one segmentation: Unicode's
 * boundaries, with what continuesAfter and mergeBackward join back.
 */
function splitJoined(paragraphs: readonly string[]): string[] {
  const sentences: string[] = [];
  // The paragraph the segments are in, where it starts in the joined text and where the line break after it is.
  let paragraph = 0;
  let start = 0;
  let end = (paragraphs[0] as string).length;
  let ofParagraph: string[] = [];
  let pending = '';
  const endParagraph = () => {
    if (pending) ofParagraph.push(pending);
    pending = '';
    for (const sentence of mergeBackward(ofParagraph)) sentences.push(sentence);
    ofParagraph = [];
  };
  for (const { segment, index } of segmenter().segment(paragraphs.join('\n'))) {
    while (index > end) {
      endParagraph();
      paragraph += 1;
      start = end + 1;
      end = start + (paragraphs[paragraph] as string).length;
    }
    let piece = segment.trim();
    if (!piece) continue;
    // A paragraph of one sentence is that sentence: the paragraph's own string, not a copy cut from the joined text,
    // so that the caches of the article's texts (text.ts) find it as the same string, hashed once.
    if (index === start && piece.length === end - start) piece = paragraphs[paragraph] as string;
    pending = pending ? `${pending} ${piece}` : piece;
    if (!continuesAfter(pending)) {
      ofParagraph.push(pending);
      pending = '';
    }
  }
  endParagraph();
  return sentences;
}

/** Whether the sentence so far ends on a full stop that does not end a sentence. */
function continuesAfter(text: string): boolean {
  const last = lastWord(text);
  if (!last?.endsWith('.')) return false;
  const lower = last.toLowerCase();
  if (abbreviations().has(lower)) return true;
  // An initial (J. F. Kennedy, W. Buitenweg) or a dotted acronym (U.S. President).
  if (INITIALS().test(last)) return true;
  return false;
}

/**
 * Joins what needs to see the next sentence: a German ordinal date ("am 3. Dezember") and an abbreviation
 * that stands before a number ("nr. 5"), which are sentence ends before anything else.
 */
function mergeBackward(sentences: string[]): string[] {
  const merged: string[] = [];
  for (const sentence of sentences) {
    const previous = merged.at(-1);
    const first = FIRST_WORD.exec(sentence)?.[1] ?? '';
    const firstWord = first.replace(TRAILING_NON_LETTERS(), '').toLowerCase();
    const previousWord = previous === undefined ? '' : (lastWord(previous) ?? '').toLowerCase();
    const ordinalDate = /^\d{1,2}\.$/u.test(previousWord) && months().has(firstWord);
    const numbered = numberAbbreviations().has(previousWord) && DIGIT_FIRST().test(first);
    if (previous !== undefined && (ordinalDate || numbered)) {
      merged[merged.length - 1] = `${previous} ${sentence}`;
    } else {
      merged.push(sentence);
    }
  }
  return merged;
}

/** The brackets and quotes that open a word: taken off the last word, as "(ca." → "ca.". */
const OPENERS = '("\'‘“„«';

/**
 * The last word of a piece, with any opening bracket or quote before it removed: "(ca." → "ca."; undefined when
 * the piece ends in white space. /(?:^|\s)[("'‘“„«]*(\S+)$/u by character code: a regular expression anchored at
 * the end is still tried from every position of the piece, which for every sentence cost more than its test.
 */
function lastWord(text: string): string | undefined {
  let start = text.length;
  while (start > 0 && !isWhiteSpace(text.charCodeAt(start - 1))) start -= 1;
  if (start === text.length) return undefined;
  // The openers go, but the word keeps at least its last character, as `\S+` does: "((" → "(".
  while (start < text.length - 1 && OPENERS.includes(text.charAt(start))) start += 1;
  return text.slice(start);
}

/** `\s`: ASCII white space by its code, any other character by the regular expression's own class. */
function isWhiteSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/u.test(String.fromCharCode(code));
}
