import { htmlToText, looksLikeHtml } from './html';
import { InvalidPeriodError, parsePeriod } from './periods';
import { countWords } from './text';

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

export type RejectionCode =
  | 'empty-file'
  | 'too-large'
  | 'binary-content'
  | 'missing-date-marker'
  | 'invalid-date'
  | 'no-article-text'
  | 'too-few-words';

/** Larger files are not articles but dumps; their text stays in S3, and the rejection says why. */
export const MAX_SEED_BYTES = 5 * 1024 * 1024;
/** Fewer words than this is a caption or a fragment, not an article. */
export const MIN_ARTICLE_WORDS = 10;

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

/** Signatures of the binary formats most likely to be dropped into the bucket by mistake. */
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP, DOCX
  [0x1f, 0x8b], // gzip
  [0x52, 0x49, 0x46, 0x46], // RIFF: WebP, WAV
];

/**
 * The text of a seed file, whatever its encoding: a byte order mark decides (UTF-8, UTF-16 LE/BE);
 * otherwise valid UTF-8 is UTF-8 and anything else is taken as Windows-1252, the superset of
 * Latin-1 that legacy Dutch text uses (`België`, `€`). Binary files and oversized ones are rejected.
 */
export function decodeSeed(bytes: Uint8Array): string {
  if (bytes.length > MAX_SEED_BYTES) {
    throw new SeedRejectedError('too-large', `the file is ${bytes.length} bytes; the limit is ${MAX_SEED_BYTES} bytes`);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (looksBinary(bytes)) {
    throw new SeedRejectedError('binary-content', 'the file is binary (an image, archive or document), not text');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  if (BINARY_SIGNATURES.some((signature) => signature.every((byte, index) => bytes[index] === byte))) return true;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    // Tab, line feed, form feed and carriage return are text.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) control += 1;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/**
 * Line endings, byte order marks, stray control characters and Unicode composition differ
 * between crawlers; the article does not.
 */
export function normalizeText(text: string): string {
  return (
    text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/[\t\f\v]/g, ' ')
      // C0 and C1 controls other than the line feed: NULs from broken exports, C1 from mis-decoded text.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '')
      .normalize('NFC')
  );
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
  let body = text.slice(marker[0].length);
  if (looksLikeHtml(body)) body = normalizeText(htmlToText(body));
  const { title, blocks } = structure(splitParagraphs(body));
  const paragraphs = blocks.filter((block) => block.type === 'paragraph').map((block) => block.text);
  if (paragraphs.length === 0) {
    throw new SeedRejectedError('no-article-text', 'the file has a date marker but no article text');
  }
  const words = countWords(paragraphs);
  if (words < MIN_ARTICLE_WORDS) {
    throw new SeedRejectedError(
      'too-few-words',
      `the article has ${words} words; at least ${MIN_ARTICLE_WORDS} are needed to be an article`,
    );
  }
  return { date, ...(title ? { title } : {}), paragraphs, blocks };
}

/** Paragraphs are separated by blank lines; a single line break inside one is only wrapping. */
function splitParagraphs(body: string): { text: string; lines: number }[] {
  return body
    .split(/\n[^\S\n]*\n/)
    .map((paragraph) => ({
      text: paragraph.replace(/\s+/g, ' ').trim(),
      lines: paragraph.trim().split('\n').length,
    }))
    .filter((paragraph) => paragraph.text !== '');
}

const BOILERPLATE: readonly RegExp[] = [
  /^©/u,
  /^\(?(?:foto|beeld|fotografie|photo|picture|image|bild|credit|copyright)s?\s*(?:[:©]|by\b|door\b)/iu,
  /^(?:video|audio|foto'?s?|photos?|advertentie|advertisement|anzeige|publicité|reclame|gesponsord|sponsored)$/iu,
  /^(?:lees ook|lees meer|lees verder|meer lezen|read more|read also|see also|related|lesen sie auch|mehr zum thema|lire aussi|à lire aussi)\b/iu,
  /^(?:deel|delen|share|teilen|partager)(?:\s+(?:dit|this|dieses|cet))?(?:\s+(?:artikel|article|bericht|story|post))?(?:\s+(?:via|op|on|auf|sur)\b.*)?[:.!]?$/iu,
  /^(?:(?:facebook|twitter|x|whatsapp|linkedin|e-?mail|mail|pinterest|reddit|telegram)\s*[,|/·•-]?\s*){2,}$/iu,
];

/** Words in a block short enough to be a title, a subheading or boilerplate rather than running text. */
const SHORT_BLOCK_WORDS = 12;
const SUBHEADING_MAX_WORDS = 8;
const TITLE_MAX_WORDS = 16;

function isBoilerplate(text: string): boolean {
  return text.split(' ').length <= SHORT_BLOCK_WORDS && BOILERPLATE.some((pattern) => pattern.test(text));
}

/** A line that does not end like a sentence: no full stop, question mark, colon or comma at the end. */
function endsUnfinished(text: string): boolean {
  return !/[.!?…:;,]["'”’»)]*$/u.test(text);
}

/**
 * Sorts the body's paragraphs into a title line (a short first line without a full stop,
 * followed by a blank line), subheadings (short lines between paragraphs) and running text,
 * leaving boilerplate out.
 */
function structure(paragraphs: { text: string; lines: number }[]): { title?: string; blocks: Block[] } {
  const kept = paragraphs.filter((paragraph) => !isBoilerplate(paragraph.text));
  let title: string | undefined;
  const first = kept[0];
  if (
    first &&
    kept.length > 1 &&
    first.lines === 1 &&
    first.text.split(' ').length <= TITLE_MAX_WORDS &&
    endsUnfinished(first.text)
  ) {
    title = first.text;
    kept.shift();
  }
  const blocks = kept.map((paragraph, index): Block => {
    const next = kept[index + 1];
    const isSubheading =
      index > 0 &&
      next !== undefined &&
      paragraph.lines === 1 &&
      paragraph.text.split(' ').length <= SUBHEADING_MAX_WORDS &&
      endsUnfinished(paragraph.text);
    return { type: isSubheading ? 'subheading' : 'paragraph', text: paragraph.text };
  });
  return title === undefined ? { blocks } : { title, blocks };
}
