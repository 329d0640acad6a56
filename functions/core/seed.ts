import {
  type BoilerplateKind,
  type BoilerplateLexicon,
  boilerplateLexicon,
  boilerplateShape,
  classifyBlocks,
  labelWordBefore,
  type RawBlock,
  splitGlued,
  splitLead,
} from './content';
import { htmlToText, looksLikeHtml } from './html';
import { DETECTION_SAMPLE_CHARS, detectParagraphsLanguage } from './language';
import { unicode, unicodeGlobal } from './lazy';
import { InvalidPeriodError, parsePeriod } from './periods';
import { countWords, fold, foldedWordsOf, forgetArticleTexts, spaceSeparatedParts } from './text';

/**
 * A piece of the article body as stored: running text, a subheading between paragraphs, or boilerplate
 * (a timestamp, a credit, a caption, a byline, a link, a label, a dateline or noise) kept with its kind but never analysed.
 */
export interface Block {
  readonly type: 'paragraph' | 'subheading' | 'boilerplate';
  readonly text: string;
  /** What the boilerplate is; only on boilerplate. */
  readonly kind?: BoilerplateKind;
}

/** A seed file once its date marker is read and its body split into paragraphs. */
export interface ParsedSeed {
  readonly date: string;
  /** The file's own title line, when it starts with one; never part of `paragraphs`. */
  readonly title?: string;
  /** The article text for analysis (headline, summary, keywords): no title, subheadings or boilerplate. */
  readonly paragraphs: readonly string[];
  /** The body as stored, subheadings and boilerplate included, in order. */
  readonly blocks: readonly Block[];
  /** ISO 639-1 code of the article text, or `und`; detected here so the analysis need not detect it again. */
  readonly language?: string;
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
/** What any replacement of normalizeText needs: a byte order mark, a control character or two commas. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNNORMALIZED = /^\uFEFF|[\u0000-\u0009\u000B-\u001F\u007F-\u009F]|[,‚]{2}/u;

export function normalizeText(text: string): string {
  if (isNormalLatin(text)) return text;
  // Most texts need none of the replacements: one scan instead of one per replacement.
  if (!UNNORMALIZED.test(text)) return text.normalize('NFC');
  return (
    text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/[\t\f\v]/g, ' ')
      // C0 and C1 controls other than the line feed: NULs from broken exports, C1 from mis-decoded text.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '')
      // Dutch typesetting's ",,Ik ben geschokt”": two commas before a word are the low opening quote.
      .replace(unicodeGlobal`(^|[\s(])[,‚]{2}(?=[\p{L}\p{N}])`, '$1„')
      .normalize('NFC')
  );
}

/**
 * What stops normalizeText from returning a text as it is: a code unit from U+0300 on (no character below it changes
 * under NFC: the first one that may, a combining accent, is U+0300 itself, where Unicode's NFC quick check begins), a
 * control character other than the line feed, or a second comma in a row. A text without any is returned as it is,
 * told by one scan of this pattern: ICU's normalization of a whole body cost more.
 */
const NOT_NORMAL_LATIN = /[^\n\x20-\x7e\xa0-\u02ff]|,,/;

function isNormalLatin(text: string): boolean {
  return !NOT_NORMAL_LATIN.test(text);
}

export function parseSeed(raw: string): ParsedSeed {
  // A new article: what was remembered of the last one's texts will not be asked for again.
  forgetArticleTexts();
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
  const { title, blocks } = structure(body);
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
  // The classifier read the body's language to weigh stopwords; the article's is that of its content.
  return {
    date,
    ...(title ? { title } : {}),
    paragraphs,
    blocks,
    language: detectParagraphsLanguage(narration(paragraphs)),
  };
}

/** A quotation of some length: what someone said, in the language they said it in. */
const QUOTATION = /["“„«‘][^"“”„«»‘’\n]{20,}["”»’]/gu;
/** Narration is the article's language only when enough of it is left once the quotations are out. */
const MIN_NARRATION_SHARE = 0.2;

/**
 * The paragraphs without their quotations, when they have enough narration besides: a Frisian report quoting a
 * Dutch speaker ("…", fertelt Hendrik Betten fan …) is Frisian. Most paragraphs quote nothing and are returned as
 * they are; an interview, all quotation, is read whole.
 */
function narration(paragraphs: readonly string[]): readonly string[] {
  let quoted = false;
  const stripped = paragraphs.map((paragraph) => {
    if (!paragraph.includes('"') && !/[“„«‘]/u.test(paragraph)) return paragraph;
    const without = paragraph.replace(QUOTATION, ' ');
    if (without !== paragraph) quoted = true;
    return without;
  });
  if (!quoted) return paragraphs;
  const length = (list: readonly string[]) => list.reduce((sum, paragraph) => sum + paragraph.length, 0);
  return length(stripped) >= MIN_NARRATION_SHARE * length(paragraphs) ? stripped : paragraphs;
}

/**
 * Blocks are separated by blank lines; a single line break inside one is wrapping when the next line goes on
 * with the sentence (it starts in lower case, or the line before broke at a hyphen or comma, or at the wrap
 * width), and a block boundary otherwise: crawlers put a title, a date and the lead on lines of their own.
 */
function splitBlocks(body: string, lexicon: BoilerplateLexicon, isBoilerplate: (line: string) => boolean): RawBlock[] {
  const blocks: RawBlock[] = [];
  for (const paragraph of body.split(/\n[^\S\n]*\n/u)) {
    const lines = paragraph
      .split('\n')
      .map(singleSpaced)
      .filter((line) => line !== '');
    // Only a hard-wrapped block has a wrap width; in a block of a line per paragraph, a long first line is a title.
    const width = isHardWrapped(lines) ? Math.max(0, ...lines.map((line) => line.length)) : Number.POSITIVE_INFINITY;
    let text = '';
    let count = 0;
    let previous = '';
    for (const line of lines) {
      // "Chaos im Havelland: Unfälle schockieren die Bürger!" over the standfirst: a headline that closes on an
      // exclamation mark ends the body's first line, though a sentence of a paragraph would go on.
      // A question on a line of its own, shorter than the lines wrapped at the block's width, is a headline too
      // ("Which shows are scheduled when theatres reopen?").
      const closes = /!["'”’»]*$/u.test(previous) || (/\?["'”’»]*$/u.test(previous) && !reachesWrap(previous, width));
      const titleLine =
        blocks.length === 0 && count === 1 && closes && isTitleLike({ text: previous, lines: 1 }, lexicon);
      const goesOn =
        !titleLine && continuesLine(previous, line, width, lexicon) && !isBoilerplate(line) && !isBoilerplate(previous);
      if (text !== '' && !goesOn) {
        blocks.push({ text, lines: count });
        text = '';
        count = 0;
      }
      text = text === '' ? line : `${text} ${line}`;
      count += 1;
      previous = line;
    }
    if (text !== '') blocks.push({ text, lines: count });
  }
  return blocks;
}

function singleSpaced(line: string): string {
  // Most lines already are: single spaces, none at either end and no other white space. The replacement would
  // rebuild them space by space.
  if (!/[^\S ]| {2}|^ | $/u.test(line)) return line;
  return line.replace(/\s+/gu, ' ').trim();
}

/** Lines at least this share of the widest line of their paragraph were wrapped, not ended. */
const WRAP_SHARE = 0.75;
const MIN_WRAP_WIDTH = 50;

/**
 * Whether a line goes on with the block of the line before: it starts in lower case, or the line before
 * broke at a hyphen or comma, ended a sentence (the next one follows in the same paragraph), or was wrapped
 * at the paragraph's width. A line before that ends in neither (a title, a date) closes its block.
 */
function continuesLine(previous: string, line: string, width: number, lexicon: BoilerplateLexicon): boolean {
  if (unicode`^[\p{Ll}(,;:]`.test(line)) return true;
  if (unicode`\p{L}-$|[,;]$`.test(previous)) return true;
  if (/[.!?…]["'”’»)]*$/u.test(previous)) return true;
  // "… betaalt €" / "40 miljoen …", "… vanaf" / "12 maart …": a line that stops on a symbol or a function word
  // stops inside its sentence.
  const lastWord = fold(unicode`[\p{L}]+$`.exec(previous)?.[0] ?? '');
  if (unicode`[\p{Sc}\p{Sm}]$`.test(previous) || lexicon.functionWords.has(lastWord)) return true;
  return width >= MIN_WRAP_WIDTH && reachesWrap(previous, width);
}

/**
 * Whether a block's lines were wrapped at a width: a wrap breaks a sentence, so most lines but the last end inside
 * one. A crawler that writes a line per paragraph ends most of them on a full stop, a colon or a quote ("Here's the
 * verdict of …:", "\"I think …\""), and its first line, ending in none, is a title however long.
 */
function isHardWrapped(lines: readonly string[]): boolean {
  if (lines.length < 3) return true;
  const inner = lines.slice(0, -1);
  const endingInside = inner.filter((line) => !/[.!?…:]["'”’»)]*$/u.test(line)).length;
  return endingInside * 2 >= inner.length;
}

/** Whether a line runs to the block's wrap width, as a line a crawler or an editor wrapped does. */
function reachesWrap(line: string, width: number): boolean {
  return line.length >= WRAP_SHARE * width;
}

/** Two words are a place, a name or a label ("Den Haag", "Jan Jansen"), not yet a headline. */
const TITLE_MIN_WORDS = 3;
/** Titles run longer than a lead's first clause when they quote someone: "…: ‘We staan er goed op’". */
const TITLE_MAX_WORDS = 30;
/**
 * Some papers write a summary of the story as its headline (the Daily Mail's 35-word titles); a line that long is a
 * title only when no full stop stands in it, which a caption or a lead of that length always has ("Okla., Tuesday").
 */
const LONG_TITLE_MAX_WORDS = 40;
/** A title-like line this short, over another title-like line, is a kicker (a section or topic label). */
const KICKER_MAX_WORDS = 3;
/** A title of two sentences is this short at most. */
const SHORT_TITLE_WORDS = 16;
/** Boilerplate lines (a date, a credit, a label) that may stand before a title. */
const MAX_BLOCKS_BEFORE_TITLE = 3;

/**
 * The title line: among the first blocks, after nothing but boilerplate, a single line that reads as a
 * headline and not as a sentence of the body: it ends in no full stop, comma, colon or semicolon (a question
 * mark, an exclamation mark or a closing quote may end a headline), it has no boilerplate shape (a date, a
 * time, a credit, a label), and more text follows it.
 */
function findTitle(
  blocks: readonly RawBlock[],
  kinds: readonly (BoilerplateKind | undefined)[],
  lexicon: BoilerplateLexicon,
): number {
  for (let index = 0; index <= MAX_BLOCKS_BEFORE_TITLE && index < blocks.length - 1; index += 1) {
    const block = blocks[index] as RawBlock;
    if (kinds[index]) continue;
    const words = spaceSeparatedParts(block.text);
    if (!isTitleLike(block, lexicon)) return -1;
    // "Premium Binnenland", "Coronavirus": a kicker of a few words over the real title line.
    const next = blocks[index + 1];
    const kicker =
      words <= KICKER_MAX_WORDS && next && !kinds[index + 1] && isTitleLike(next, lexicon) && index + 2 < blocks.length;
    return kicker && spaceSeparatedParts(next.text) > words ? index + 1 : index;
  }
  return -1;
}

/** How many blocks a page's menu, date or notice lines may take before a title that the page repeats. */
const MAX_BLOCKS_BEFORE_REPEATED_TITLE = 8;
/** How far down the second copy of a repeated title may stand: past the lead, as a share box or a gallery repeats it. */
const REPEATED_TITLE_SPAN = 16;
/** A block this long is running text: the title stands before it or not at all. */
const RUNNING_TEXT_WORDS = 20;

/**
 * The title of a page that does not start with it ("Webmail", "1. Navigation", a date over a menu): the first
 * title-like line with no boilerplate shape, before the running text, that the page repeats near the top, as a crawl of
 * its <title> and its <h1> gives it twice. Readability reads the same evidence, the document's title matched against
 * its headings (Mozilla Readability, _getArticleTitle). Only where findTitle finds none: a line repeated under a title
 * is its standfirst.
 */
function findRepeatedTitle(
  blocks: readonly RawBlock[],
  kinds: readonly (BoilerplateKind | undefined)[],
  lexicon: BoilerplateLexicon,
): number {
  const top = blocks.slice(0, REPEATED_TITLE_SPAN).map((block) => block.text);
  const last = Math.min(MAX_BLOCKS_BEFORE_REPEATED_TITLE, blocks.length - 1);
  for (let index = 0; index < last; index += 1) {
    const block = blocks[index] as RawBlock;
    if (kinds[index]) continue;
    if (isTitleLike(block, lexicon)) {
      // A copy may be a block of its own or the last line of the lead, when the crawl put no blank line before it.
      if (top.some((text, at) => at > index && text.includes(block.text))) return index;
    } else if (block.lines > 1 || spaceSeparatedParts(block.text) >= RUNNING_TEXT_WORDS) {
      return -1;
    }
  }
  return -1;
}

/**
 * The first line when a crawler put more on it than the title:
 * - a kicker before it: lower-case label words ("video Weer een jaar voorbij …", "uitslag verkiezingen -
 *   reacties Dorpsbelang …", "lede “Zoveel regen …”"), never a stopword ("von Anna …" is a byline);
 * - a clock time after it, then the lead ("… twee dieven 03u12 2 Aalst In Erembodegem …");
 * - the standfirst run on without a full stop ("… durch den Bund Die Bundesregierung möchte …"): the
 *   title ends before the first capitalised stopword that follows a word, as no sentence has one there.
 * Each piece is returned as a block of its own; what is not a title is classified like any block.
 */
function splitFirstLine(
  block: RawBlock,
  lexicon: BoilerplateLexicon,
  isBoilerplate: (text: string) => boolean,
): RawBlock[] {
  if (block.lines !== 1 || isBoilerplate(block.text)) return [block];
  const kicker =
    unicode`^(\p{Ll}[\p{L}-]{2,20}(?:\s+(?:[-–|]\s+)?\p{Ll}[\p{L}-]*){0,3})\s+(?=["“„‘']?\p{Lu}\p{Ll})`.exec(
      block.text,
    );
  if (kicker?.[1] && !lexicon.stopwords.has(fold(kicker[1].split(/\s/u)[0] ?? ''))) {
    const rest = { text: block.text.slice(kicker[0].length), lines: 1 };
    const pieces = splitFirstLine(rest, lexicon, isBoilerplate);
    if (pieces[0] && isTitleLike(pieces[0], lexicon))
      return [{ text: kicker[1], lines: 1, forced: 'label' }, ...pieces];
  }
  // "LIVE Live: debat …", "Nieuwsbericht Herziening …", "COLUMN ‘Gezellig hoor …’": a label word of the language,
  // in any case, before a capitalised word or a quotation is the page's section, not its title's first word.
  const label = unicode`^([\p{L}'-]{3,24}):?\s+(?=["“„‘'«]?\p{Lu})`.exec(block.text);
  if (label?.[1] && lexicon.labels.has(fold(label[1]))) {
    const rest = { text: block.text.slice(label[0].length), lines: 1 };
    if (isTitleLike(rest, lexicon)) return [{ text: label[1], lines: 1, forced: 'label' }, rest];
  }
  const words = block.text.split(' ');
  // A title that a cut leaves ending on a function word ("Elke avond om") was a sentence.
  const titleBefore = (index: number): RawBlock | undefined => {
    const title = { text: words.slice(0, index).join(' '), lines: 1 };
    const last = fold(words[index - 1] ?? '');
    const sentences = /[.!?]\s/u.test(title.text);
    const fits = isTitleLike(title, lexicon) && !sentences && !isBoilerplate(title.text);
    return fits && !lexicon.functionWords.has(last) ? title : undefined;
  };
  const clockAt = words.findIndex(
    (word, index) =>
      index >= TITLE_MIN_WORDS && CLOCK_WORD.test(word) && unicode`^[\p{N}\p{Lu}]`.test(words[index + 1] ?? ''),
  );
  const beforeClock = clockAt > 0 ? titleBefore(clockAt) : undefined;
  if (beforeClock) return [beforeClock, { text: words.slice(clockAt).join(' '), lines: 1 }];
  // "Mâconnais Un jeune motard perd la vie …": a label word before the title, read as splitLead reads one before a
  // lead. Not in a title written in title case ("Appeal For Witnesses, Hawke's Bay Crash", "… Die Haghe
  // Baambruggestraat"), where every word is capitalised: a title's own words after its first are in lower case, some
  // of them at least (its first, after the label, is capitalised).
  const kickerWord = labelWordBefore(block.text, lexicon);
  if (kickerWord && unicode`\s\p{Ll}`.test(block.text.slice(kickerWord.length))) {
    const rest = { text: block.text.slice(kickerWord.length).trim(), lines: 1 };
    if (isTitleLike(rest, lexicon)) return [{ text: kickerWord, lines: 1, forced: 'label' }, rest];
  }
  if (isTitleLike(block, lexicon)) return [block];
  for (let index = TITLE_MIN_WORDS; index < Math.min(words.length, TITLE_MAX_WORDS); index += 1) {
    const word = words[index] ?? '';
    const previous = words[index - 1] ?? '';
    const folded = fold(word);
    if (!unicode`^\p{Lu}\p{Ll}`.test(word) || unicode`[^\p{L}\p{N}]$`.test(previous)) continue;
    const particle = lexicon.nameParticles.has(folded) && !lexicon.capitalisesNouns;
    if (!lexicon.functionWords.has(folded) || particle) continue;
    const title = titleBefore(index);
    return title ? [title, { text: words.slice(index).join(' '), lines: 1 }] : [block];
  }
  return [block];
}

/** A clock time as a word of its own: 02u56, 18:07, 16.30. */
const CLOCK_WORD = /^\d{1,2}[:.hu]\d{2}$/u;

/** Quoted spans, whose full stops are the quote's: "… meisje: ‘Ik had het niet verwacht. Echt niet’". */
const QUOTED = /“[^”]*”|„[^“”]*[“”]|«[^»]*»|‘[^’]*’|"[^"]*"/gu;

function isTitleLike(block: RawBlock, lexicon: BoilerplateLexicon): boolean {
  // The tests in order of their cost, each only when those before it passed: the line and word counts first, as most
  // blocks asked are paragraphs of running text, which the patterns below would scan whole.
  if (block.lines !== 1) return false;
  const words = spaceSeparatedParts(block.text);
  const length =
    (words >= TITLE_MIN_WORDS || isNounVerbPair(block.text, lexicon)) &&
    (words <= TITLE_MAX_WORDS || (words <= LONG_TITLE_MAX_WORDS && !block.text.includes('.')));
  if (!length) return false;
  // A title starts as a headline does: a capital, a digit or a quote; a lower-case first line is a label.
  // A number with a full stop or bracket first ("08. Vlissingse Bode", "3) …") numbers a page or a list item.
  const start = unicode`^[\p{Lu}\p{N}"'‘’“”„«]`.test(block.text) && !/^\d+[.)]\s/u.test(block.text);
  if (!start) return false;
  // A headline may close on an ellipsis ("… et le feu progresse encore..."), never on a full stop or a comma.
  const end = block.text
    .replace(/["'”’»)\]]+$/u, '')
    .replace(unicode`(?<=\p{L})(?:…|\.{3})$`, '')
    .slice(-1);
  if (/[.,;:…–—-]/u.test(end)) return false;
  // Two sentences are a two-part headline when short ("Burgemeester kan opgelucht ademhalen. Tegenvaller voor oppositie"), and
  // running text or a caption when long.
  // An ellipsis inside a long line before a new sentence marks a teaser cut from the text ("… of his team in the ...
  // 'Responsibility …"); one before a lower-case word is the headline's own pause ("… par les gendarmes… qui …").
  const sentences =
    words > SHORT_TITLE_WORDS &&
    (unicode`[.!?]\s+\p{Lu}`.test(block.text.replace(QUOTED, '')) ||
      unicode`(?:…|\.{3})\s+["'‘“„«]?\p{Lu}`.test(block.text));
  return !sentences;
}

/**
 * "Stadtmuseum öffnet", "Wohnungseinbrecher festgenommen": in a language that capitalises every noun, a capitalised
 * word and a lower-case one that is no function word are a clause (a noun and its verb), not a name or a label, which
 * are capitalised throughout. Elsewhere a lower-case second word may be a noun ("Catharina hospital").
 */
function isNounVerbPair(text: string, lexicon: BoilerplateLexicon): boolean {
  if (!lexicon.capitalisesNouns) return false;
  const [first = '', second = '', ...rest] = text.split(' ');
  return (
    rest.length === 0 &&
    unicode`^\p{Lu}\p{Ll}{2,}$`.test(first) &&
    unicode`^\p{Ll}{4,}[!?]?$`.test(second) &&
    !lexicon.functionWords.has(fold(second.replace(/[!?]$/u, '')))
  );
}

/**
 * Sorts the body's blocks into a title line, running text, subheadings and boilerplate; boilerplate stays,
 * marked with its kind, so that a wrong call can be seen and corrected.
 */
function structure(body: string): { title?: string; blocks: Block[] } {
  // detectLanguage(body), from the words of its lines as splitBlocks cuts them, which the classifier then reads again.
  // Only the lines that the detector's sample reaches are cut out.
  const sampled = body.slice(0, DETECTION_SAMPLE_CHARS + 1).split('\n');
  const lexicon = boilerplateLexicon(detectParagraphsLanguage(sampled, (line) => foldedWordsOf(singleSpaced(line))));
  // Every line and block is looked at more than once (splitting, the title, the lead, classification).
  const shapes = new Map<string, BoilerplateKind | undefined>();
  const shapeOf = (text: string) => {
    if (!shapes.has(text)) shapes.set(text, boilerplateShape(text, lexicon));
    return shapes.get(text);
  };
  const isBoilerplate = (line: string) => shapeOf(line) !== undefined;
  const raw = splitBlocks(body, lexicon, isBoilerplate)
    .flatMap((block, index) => (index === 0 ? splitFirstLine(block, lexicon, isBoilerplate) : [block]))
    .flatMap((block) => splitGlued(block, body, lexicon));
  const kinds = raw.map((block) => block.forced ?? shapeOf(block.text));
  const titleFirst = findTitle(raw, kinds, lexicon);
  const titleAt = titleFirst >= 0 ? titleFirst : findRepeatedTitle(raw, kinds, lexicon);
  // What stands before the title is boilerplate by its shape, or a kicker, which is a label.
  const before = raw
    .slice(0, Math.max(titleAt, 0))
    .map((block, index) => (kinds[index] ? block : { ...block, forced: 'label' as const }));
  // A title found by its repetition is not read again: a copy of its own is boilerplate, and so is a copy that the
  // crawl ran on to the end of the lead (no blank line between them), split from it and kept.
  const repeated = titleFirst < 0 ? raw[titleAt]?.text : undefined;
  const after = raw.slice(titleAt + 1).flatMap((block): RawBlock[] => {
    if (repeated === undefined) return [block];
    if (block.text === repeated) return [{ ...block, forced: 'noise' }];
    if (block.lines > 1 && block.text.endsWith(` ${repeated}`)) {
      const text = block.text.slice(0, -repeated.length - 1);
      return [
        { ...block, text, lines: block.lines - 1 },
        { text: repeated, lines: 1, forced: 'noise' },
      ];
    }
    return [block];
  });
  const rest = titleAt < 0 ? raw : [...before, ...after];
  const lead = rest.findIndex((block) => !(block.forced ?? shapeOf(block.text)));
  if (lead >= 0) rest.splice(lead, 1, ...splitLead(rest[lead] as RawBlock, lexicon));
  const blocks = classifyBlocks(rest, lexicon, shapeOf).map(
    ({ text, kind }): Block =>
      kind === 'paragraph' || kind === 'subheading' ? { type: kind, text } : { type: 'boilerplate', kind, text },
  );
  const title = raw[titleAt]?.text;
  return title === undefined ? { blocks } : { title, blocks };
}
