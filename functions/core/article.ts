import { createHash } from 'node:crypto';
import { detectLanguage } from './language';
import type { Block, ParsedSeed } from './seed';
import { countWords, splitSentences, splitWords } from './text';

/** What a digest needs of an article: small enough to read thousands of them per date. */
export interface ArticleSummary {
  readonly id: string;
  readonly date: string;
  readonly headline: string;
  readonly summary: string;
  readonly language: string;
  readonly wordCount: number;
}

/** An article as stored: the summary plus its text and the objects it came from. */
export interface Article extends ArticleSummary {
  /** The file's own title line, when it had one. */
  readonly title?: string;
  /** The body in order, subheadings included; only its beginning when `truncated`. */
  readonly blocks: readonly Block[];
  /** True when the body was too long to store whole; the complete text stays in the source object. */
  readonly truncated?: boolean;
  readonly sources: readonly string[];
  readonly ingestedAt: string;
}

export const HEADLINE_MAX_CHARS = 90;
export const SUMMARY_MAX_WORDS = 60;
const SUMMARY_MAX_SENTENCES = 3;

/**
 * Identity is the content, not the object key: the same article uploaded under two keys
 * is one article. Whitespace and composition are already normalized by the parser.
 */
export function articleId(seed: ParsedSeed): string {
  return createHash('sha256')
    .update(seed.date)
    .update('\n')
    .update(seed.paragraphs.join('\n\n'))
    .digest('hex')
    .slice(0, 16);
}

export function summarizeArticle(seed: ParsedSeed): ArticleSummary {
  const lead = seed.paragraphs[0] ?? '';
  const leadSentences = splitSentences(lead);
  const headline = shortenHeadline(leadSentences[0] ?? lead);
  return {
    id: articleId(seed),
    date: seed.date,
    headline,
    summary: summarize(seed.paragraphs, headline),
    language: detectLanguage(seed.paragraphs.join('\n')),
    wordCount: countWords(seed.paragraphs),
  };
}

/** The lead sentence, cut at a word boundary so that it fits a headline, without trailing punctuation. */
export function shortenHeadline(sentence: string): string {
  const trimmed = stripTrailingPunctuation(sentence);
  if (trimmed.length <= HEADLINE_MAX_CHARS) return trimmed;
  const cut = trimmed.slice(0, HEADLINE_MAX_CHARS + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return stripTrailingPunctuation(lastSpace > 0 ? cut.slice(0, lastSpace) : cut.slice(0, HEADLINE_MAX_CHARS));
}

function stripTrailingPunctuation(text: string): string {
  return text.trim().replace(/[\s.,:;–—-]+$/u, '');
}

/** Whole sentences from the start of the article, within the word budget, never repeating the headline. */
function summarize(paragraphs: readonly string[], headline: string): string {
  const chosen: string[] = [];
  let words = 0;
  for (const sentence of paragraphs.flatMap(splitSentences)) {
    if (chosen.length === SUMMARY_MAX_SENTENCES) break;
    if (stripTrailingPunctuation(sentence) === headline) continue;
    const sentenceWords = splitWords(sentence).length;
    if (words + sentenceWords > SUMMARY_MAX_WORDS && chosen.length > 0) break;
    chosen.push(sentence);
    words += sentenceWords;
  }
  return chosen.join(' ');
}
