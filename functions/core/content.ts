import { splitWords } from './text';

/**
 * What of an article body is its running text. The parser already removes boilerplate and subheadings; this
 * is the analysis's own guard, so that a credit line, a "Lees ook" link or a subheading never becomes a
 * headline, a summary sentence or a keyword, whatever the parser lets through.
 */
const BOILERPLATE =
  /^(?:©|\(c\)|copyright\b|foto\b|foto's\b|beeld\b|photo\b|picture\b|bild\b|video\b|audio\b|lees ook\b|lees meer\b|lees verder\b|bekijk ook\b|bekijk de\b|read more\b|read also\b|see also\b|watch\b|mehr zum thema\b|lesen sie auch\b|lire aussi\b|à lire aussi\b|voir aussi\b|advertentie\b|advertisement\b|anzeige\b|publicité\b|\(anp\)$|\(reuters\)$|\(belga\)$)/iu;

/** A line this short without a full stop is a subheading or a caption, not a sentence. */
const SUBHEADING_MAX_WORDS = 8;

export function isBoilerplate(paragraph: string): boolean {
  const text = paragraph.trim();
  if (text === '') return true;
  if (BOILERPLATE.test(text) && splitWords(text).length <= 12) return true;
  return false;
}

export function isSubheading(paragraph: string): boolean {
  const text = paragraph.trim().replace(/^["'‘’“”„«»]+|["'‘’“”„«»]+$/gu, '');
  return splitWords(text).length <= SUBHEADING_MAX_WORDS && !/[.!?…:;]$/u.test(text);
}

/** The paragraphs that are running text, in order. Falls back to every paragraph when none qualifies. */
export function contentParagraphs(paragraphs: readonly string[]): string[] {
  const content = paragraphs.filter((paragraph) => !isBoilerplate(paragraph) && !isSubheading(paragraph));
  if (content.length > 0) return content;
  return paragraphs.filter((paragraph) => !isBoilerplate(paragraph));
}
