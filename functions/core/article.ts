import { hash as cryptoHash } from 'node:crypto';
import { analysableParagraphs, boilerplateLexicon } from './content';
import { findEntities } from './entities';
import { bodyHashOfWords, minhashOfWords } from './fingerprint';
import { chooseLead, generateHeadline, HEADLINE_MAX_CHARS, titleHeadline } from './headline';
import { extractKeywords } from './keywords';
import { detectParagraphsLanguage } from './language';
import type { Block, ParsedSeed } from './seed';
import { splitParagraphsSentences } from './sentences';
import { storyTerms } from './story-terms';
import { SUMMARY_MAX_WORDS, stripDateline, summarize } from './summary';
import { foldedWordsOf, readingMinutes } from './text';

export { HEADLINE_MAX_CHARS, SUMMARY_MAX_WORDS };

/**
 * What a digest needs of an article, computed once at ingest: small enough (well under 2 KB) to read ten
 * thousand of them for one date. `keywords`, `entities` and the two fingerprints are what duplicate
 * detection and story grouping use, so the digest never reads article text.
 */
export interface ArticleSummary {
  readonly id: string;
  readonly date: string;
  readonly headline: string;
  readonly summary: string;
  /** ISO 639-1 code, or `und` when the text is too short to tell. */
  readonly language: string;
  readonly wordCount: number;
  readonly readingMinutes: number;
  /** 5–10 content words of the body, most prominent first. */
  readonly keywords: readonly string[];
  /** People, places and organisations, most mentioned first. */
  readonly entities: readonly string[];
  /** Hash of the normalized body: equal for identical copies. */
  readonly bodyHash: string;
  /** MinHash signature of the body's word 3-shingles (base64), for near-duplicates. */
  readonly minhash: string;
  /**
   * What stories are found by: weighted names, places and words, `kind:id=weight` (story-terms.ts). Absent from
   * articles ingested before it was added; their stories are found by their keywords and entities.
   */
  readonly storyTerms?: readonly string[];
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

/**
 * Identity is the content, not the object key: the same article uploaded under two keys
 * is one article. Whitespace and composition are already normalized by the parser.
 */
export function articleId(seed: ParsedSeed): string {
  // The one-shot hash of the date, a line break and the paragraphs, which a Hash object fed them in turn digested to
  // the same value at more cost per article.
  return cryptoHash('sha256', `${seed.date}\n${seed.paragraphs.join('\n\n')}`).slice(0, 16);
}

/**
 * Headline, summary, names, keywords and the near-duplicate signature are read from the
 * article's beginning, where news puts what matters; this keeps a multi-megabyte file to
 * milliseconds. Word count and the exact-duplicate hash still cover the whole text.
 */
export const ANALYSIS_MAX_CHARS = 50_000;

function leadingParagraphs(paragraphs: readonly string[], maxChars: number): string[] {
  const kept: string[] = [];
  let chars = 0;
  for (const paragraph of paragraphs) {
    if (chars >= maxChars) break;
    kept.push(paragraph.length > maxChars - chars ? paragraph.slice(0, maxChars - chars) : paragraph);
    chars += paragraph.length;
  }
  return kept;
}

function sameParagraphs(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((paragraph, index) => paragraph === b[index]);
}

export function summarizeArticle(seed: ParsedSeed): ArticleSummary {
  // The analysis reads the story without the wire's dateline ("GENT (Belga) -").
  const language = seed.language ?? detectParagraphsLanguage(seed.paragraphs);
  const lexicon = boilerplateLexicon(language);
  const paragraphs = analysableParagraphs(seed.paragraphs, lexicon).map((paragraph, index) =>
    index === 0 ? stripDateline(paragraph) : paragraph,
  );
  const analysed = leadingParagraphs(paragraphs, ANALYSIS_MAX_CHARS);
  const sentences = splitParagraphsSentences(analysed);
  const found = findEntities(sentences, language);
  const lead = chooseLead(sentences);
  const headline = seed.title?.trim()
    ? titleHeadline(seed.title)
    : generateHeadline(lead, { language, entities: found, sentences });
  // The body's words, for the count and both fingerprints; the analysed part's are the same unless it was cut.
  const words: string[] = [];
  for (const paragraph of paragraphs) for (const word of foldedWordsOf(paragraph)) words.push(word);
  const wordCount = words.length;
  const keywords = extractKeywords(sentences, language, found);
  return {
    id: articleId(seed),
    date: seed.date,
    headline,
    summary: summarize(sentences, headline),
    language,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    keywords,
    entities: found.map((entity) => entity.name),
    bodyHash: bodyHashOfWords(words),
    minhash: minhashOfWords(sameParagraphs(analysed, paragraphs) ? words : analysed.flatMap(foldedWordsOf)),
    storyTerms: storyTerms({ headline, sentences, language, entities: found, keywords }),
  };
}
