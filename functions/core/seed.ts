import { InvalidPeriodError, parsePeriod } from './periods';

/** A piece of the article body as stored and shown: running text, or a subheading between paragraphs. */
export interface Block {
  readonly type: 'paragraph' | 'subheading';
  readonly text: string;
}

/** A seed file once its date marker is read and its body split into paragraphs. */
export interface ParsedSeed {
  readonly date: string;
  /** The file's own title line, when it starts with one; never part of `paragraphs`. */
  readonly title?: string;
  /** The article text for analysis (headline, summary, keywords): no title, subheadings or boilerplate. */
  readonly paragraphs: readonly string[];
  /** The body as stored, subheadings included, in order. */
  readonly blocks: readonly Block[];
}

export type RejectionCode = 'empty-file' | 'missing-date-marker' | 'invalid-date' | 'no-article-text';

/** A seed file that cannot become an article; `code` is stable for operators, `message` explains it. */
export class SeedRejectedError extends Error {
  override readonly name = 'SeedRejectedError';
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message);
  }
}

const DATE_MARKER = /^\s*date\s+(\S+)/u;
const BYTE_ORDER_MARK = '\uFEFF';

/** Decodes the raw bytes of a seed file. */
export function decodeSeed(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** Line endings, a byte order mark and Unicode composition differ between crawlers; the article does not. */
export function normalizeText(text: string): string {
  const withoutBom = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  return withoutBom.replace(/\r\n?/g, '\n').normalize('NFC');
}

export function parseSeed(raw: string): ParsedSeed {
  const text = normalizeText(raw);
  if (text.trim() === '') {
    throw new SeedRejectedError('empty-file', 'the file is empty');
  }
  const marker = DATE_MARKER.exec(text);
  if (!marker) {
    throw new SeedRejectedError(
      'missing-date-marker',
      "the file does not start with a date marker such as ' date 2021-12 '",
    );
  }
  const date = marker[1] ?? '';
  try {
    parsePeriod(date);
  } catch (error) {
    if (error instanceof InvalidPeriodError) {
      throw new SeedRejectedError('invalid-date', `the date marker is invalid: ${error.message}`);
    }
    throw error;
  }
  const paragraphs = splitParagraphs(text.slice(marker[0].length));
  if (paragraphs.length === 0) {
    throw new SeedRejectedError('no-article-text', 'the file has a date marker but no article text');
  }
  return { date, paragraphs, blocks: paragraphs.map((text) => ({ type: 'paragraph', text })) };
}

/** Paragraphs are separated by blank lines; a single line break inside one is only wrapping. */
function splitParagraphs(body: string): string[] {
  return body
    .split(/\n[^\S\n]*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
}
