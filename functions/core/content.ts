import { calendarNames } from './calendar';
import { PACKS, packFor, unionOf } from './lang';
import { SHARE_TARGETS } from './lang/common';
import { lazyPattern, unicode, unicodeGlobal, unicodeIgnoringCase } from './lazy';
import { stopwordsFor } from './stopwords';
import { cachedByText, fold, foldedWordsOf, hasLowerBeforeUpper } from './text';

/**
 * What of an article body is content, classified block by block from general features in the manner of
 * jusText (Pomikálek 2011, "Removing Boilerplate and Duplicate Content from Web Corpora", ch. 4): first each
 * block on its own, by length and stopword density in the article's language, then by its neighbours
 * (a short block between two content blocks is content, between two boilerplate blocks boilerplate). Shapes
 * that no length or density tells apart are recognised before that: a date or time line (`Publicatie: wo 18
 * juli 2018 11.05 uur`, `Stand: 02.03.2023 17:36 Uhr`), a credit (`Ⓒ Persbureau X`, `(Name/dpa)`), a byline,
 * a link or a label. Only words that are lexical by nature ("Advertentie", "Lees ook") come from the language
 * pack; nothing is thrown away: every block keeps its text and says what it is.
 */

/** What a block of the body is. */
export type BlockKind =
  | 'paragraph'
  | 'subheading'
  | 'timestamp'
  | 'credit'
  | 'caption'
  | 'byline'
  | 'link'
  | 'label'
  | 'dateline'
  | 'notice'
  | 'noise';

export type BoilerplateKind = Exclude<BlockKind, 'paragraph' | 'subheading'>;

/** The words of a language that the classifier needs: data only, from the language pack. */
export interface BoilerplateLexicon {
  /** The language's stopwords: their density tells running text from lists, menus and credits. */
  readonly stopwords: ReadonlySet<string>;
  /** Month and weekday names and abbreviations, lower case. */
  readonly calendar: ReadonlySet<string>;
  /** Words that fill a block on their own as a label: "video", "advertentie", "anzeige". */
  readonly labels: ReadonlySet<string>;
  /** Lower-case phrases that open a link to something else: "lees ook", "read more", "share". */
  readonly linkOpeners: readonly string[];
  /** Every language's skip links, a whole line each: "skip to main content", "passer au contenu". */
  readonly skipLinks: ReadonlySet<string>;
  /** Words that open a byline: "door", "by", "von". */
  readonly bylineOpeners: ReadonlySet<string>;
  /** Words that open a photo credit: "foto", "beeld", "photo", "bild". */
  readonly creditWords: ReadonlySet<string>;
  /** Words of a site's notice about the page (cookies, consent, the browser) and the pronouns it addresses you with. */
  readonly noticeWords: ReadonlySet<string>;
  readonly addressPronouns: ReadonlySet<string>;
  /**
   * Whether the language capitalises every noun (German): its name particles are lower case ("von der Leyen"),
   * so a capitalised "Der" is an article starting a sentence, never a particle starting a name.
   */
  readonly capitalisesNouns: boolean;
  /** Closed-class words (articles, pronouns, prepositions, conjunctions, auxiliaries) of the language. */
  readonly functionWords: ReadonlySet<string>;
  /** Lower-case particles that start surnames and place names ("de", "van", "von"): "Minister De Croo". */
  readonly nameParticles: ReadonlySet<string>;
  /** Names of sharing services, whose runs are share buttons: "facebook", "whatsapp". */
  readonly shareTargets: ReadonlySet<string>;
}

const lexicons = new Map<string, BoilerplateLexicon>();

/** The classifier's words for a language, from its pack; for an undetermined one, those of every language. */
export function boilerplateLexicon(language: string): BoilerplateLexicon {
  const cached = lexicons.get(language);
  if (cached) return cached;
  const pack = packFor(language);
  const lexicon: BoilerplateLexicon = {
    stopwords: stopwordsFor(language),
    calendar: calendarNames(Object.keys(PACKS)),
    labels: pack.boilerplateLabels,
    linkOpeners: [...pack.linkOpeners],
    skipLinks: unionOf('skipLinks'),
    bylineOpeners: pack.bylineOpeners,
    creditWords: pack.creditWords,
    noticeWords: pack.noticeWords,
    addressPronouns: pack.addressPronouns,
    nameParticles: pack.nameParticles,
    functionWords: pack.functionWords,
    capitalisesNouns: pack.capitalisesNouns,
    shareTargets: SHARE_TARGETS,
  };
  lexicons.set(language, lexicon);
  return lexicon;
}

/** A block as cut from the file: its text, how many lines it spanned, and a kind its cutting already decided. */
export interface RawBlock {
  readonly text: string;
  readonly lines: number;
  readonly forced?: BoilerplateKind;
}

export interface ClassifiedBlock {
  readonly text: string;
  readonly lines: number;
  readonly kind: BlockKind;
}

/** jusText's defaults (Pomikálek 2011, §4.3): characters and stopword densities. */
const LENGTH_LOW = 70;
const LENGTH_HIGH = 200;
const STOPWORDS_LOW = 0.3;
const STOPWORDS_HIGH = 0.32;
/** A short block ending like a sentence with at least this many words is a sentence, not a fragment. */
const MIN_SENTENCE_WORDS = 4;
/** A short line without a full stop between content blocks is a subheading up to this many words. */
const SUBHEADING_MAX_WORDS = 8;
/** Boilerplate shapes (bylines, links, share runs) are short; a longer block is running text whatever it starts with. */
const SHAPE_MAX_WORDS = 15;

/** A clock time: 18:07, 11.05, 7:01, 17h30; never part of a larger number (1.000.000, 3.14159). */
const CLOCK = lazyPattern(String.raw`(?<![\p{N}.,:])\d{1,2}(?:[:.]\d{2}|[hu]\d{2})(?![\p{N}]|[.,:]\d)`, 'u');
/** A numeric date: 17.09.2020, 2022-04-10, 10/04/2022. */
const NUMERIC_DATE = lazyPattern(
  String.raw`(?<!\p{N})(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})(?!\p{N})`,
  'u',
);
/** A copyright or other symbol first: ©, Ⓒ, ®. */
const SYMBOL_FIRST = lazyPattern(String.raw`^[\p{So}]|^\((?:c|C)\)`, 'u');
/** A credit at the end of a caption: "(Peter Kuchenbuch-Hanken/dpa)", "— JOHN SMITH / AFP". */
const TRAILING_CREDIT = lazyPattern(
  String.raw`(?:\(\s*[^()]{2,60}\s*\/\s*[^()/]{1,30}\)|[—–-]\s+\p{Lu}[^—–]{1,60}\s\/\s*\p{L}[\p{L} .-]{0,30})\s*$`,
  'u',
);
const SENTENCE_END = /[.!?…]["'”’»)]*$/u;
/** A credit symbol and one to five capitalised words closing a line: "… © Persbureau Noord", "… Ⓒ Fotobureau Dijkstra". */
const TRAILING_SYMBOL_CREDIT = lazyPattern(
  String.raw`\S\s+(?:[©Ⓒ]|\([cC]\))\s*\p{Lu}[\p{L}\p{N}.&'-]*(?:\s+\p{Lu}[\p{L}\p{N}.&'-]*){0,4}$`,
  'u',
);
/**
 * "SPORT / TOUR DE FRANCE 2022", "NIEUWS | BINNENLAND": a site's section path, segments between spaced separators
 * in capitals throughout (a headline has lower-case words), as navigation breadcrumbs print it.
 */
const BREADCRUMB = /^[^\s/|›>»]+(?:\s[^/|›>»]*)?\s[/|›>»]\s\S/u;
/** A leading clock time of a live blog or a timestamped item: "18:07 Alle scholen …", "7:01 NIJMEGEN - …". */
const LEADING_CLOCK = lazyPattern(
  String.raw`^(\d{1,2}(?:[:.]\d{2}(?:\s*(?:uur|u|h|Uhr))?|[hu]\d{2}))(?:\s+[-–—|])?\s+(?=[\p{Lu}\p{N}"'“„«‘])`,
  'u',
);
/** After a clock, a page's comment or share counter: "16u55 5 Dendermonde …". */
const COUNTER = lazyPattern(String.raw`^(\d{1,4})\s+(?=\p{Lu})`, 'u');
/** A weekday or month name glued to the word before it, a date after it, at the end of a line. */
const GLUED_TRAILING_DATE = lazyPattern(
  String.raw`\p{Ll}{2}((\p{Lu}\p{Ll}+),?\s+\d{1,2}\.?\s+\p{L}+\.?(?:\s+\d{4})?)$`,
  'u',
);
/** A numeric date, a clock optional, before the lead: "2023-02-19 10:36 The head coach …", "19.02.2023, 10:36 Der …". */
const LEADING_NUMERIC_DATE = lazyPattern(
  String.raw`^((?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})(?:,?\s+\d{1,2}[:.]\d{2}(?:\s*(?:uur|u|h|Uhr))?)?)(?:\s+[-–—|]|\s*,)?\s+(?=[\p{Lu}"'“„«‘])`,
  'u',
);
/** A day and a month name, a year optional, before the lead: "25 maart Dat had …", "5 november – Zo, …". */
const LEADING_DATE = lazyPattern(
  String.raw`^((?:(\p{L}{3,12})\.?,?\s+)?\d{1,2}\.?\s+(\p{L}{3,10})\.?(?:\s+\d{4})?(?:,?\s+(?:\p{Ll}{1,4}\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:uur|u|h|Uhr))?)?)(?:\s+[-–—|]|\s*,)?\s+(?=[\p{Lu}"'“„«‘])`,
  'u',
);

/**
 * A line of dates and times: at least one clock time or date, and most of its words numbers, month or day
 * names, a short unit after a number ("uur", "Uhr", "h") or a field label with a colon ("Publicatie:").
 */
export function isTimestamp(
  text: string,
  calendar: ReadonlySet<string>,
  words: readonly string[] = foldedWordsOf(text),
): boolean {
  if (words.length === 0 || words.length > 12) return false;
  const hasDate =
    CLOCK().test(text) ||
    NUMERIC_DATE().test(text) ||
    words.some(
      (word, index) => numeric(word) && (calendar.has(words[index + 1] ?? '') || calendar.has(words[index - 1] ?? '')),
    );
  const onlyDate = words.every((word) => numeric(word) || calendar.has(word));
  if (!hasDate && !onlyDate) return false;
  const fieldLabel = unicode`^[\p{L}\s]{2,25}:`.exec(text)?.[0];
  const labelWords = fieldLabel ? foldedWordsOf(fieldLabel).length : 0;
  const dateWords = words.filter(
    (word, index) =>
      index < labelWords || numeric(word) || calendar.has(word) || (word.length <= 3 && numeric(words[index - 1])),
  ).length;
  return dateWords / words.length >= 0.6;
}

function numeric(word: string | undefined): boolean {
  return word !== undefined && unicode`^\p{N}`.test(word);
}

/** The kind of a block that its shape or its words alone decide, whatever its neighbours are. */
export function boilerplateShape(text: string, lexicon: BoilerplateLexicon): BoilerplateKind | undefined {
  // Asked of every block while parsing, and of every paragraph again by the analysis: remembered for the article.
  let shapeOf = shapes.get(lexicon);
  if (!shapeOf) {
    shapeOf = cachedByText((block) => shapeOfBlock(block, lexicon), 'article');
    shapes.set(lexicon, shapeOf);
  }
  return shapeOf(text);
}

/** A site's notice about the page is a few sentences at most: a consent wall, a newsletter box. */
const NOTICE_MAX_WORDS = SHAPE_MAX_WORDS * 10;
/** In a longer notice, one word in this many at least is of the web's vocabulary (a consent wall's runs to 1 in 12). */
const NOTICE_WORD_SPAN = 25;

/**
 * "Onze excuses … Aanvaard de social media-cookies om deze inhoud alsnog te tonen", "We use cookies to give you the
 * best experience on our website": the site speaks to its reader (a pronoun of address) of the page itself, in two
 * words of the web's vocabulary at least. News about cookies or consent is written in the third person.
 */
function isSiteNotice(words: readonly string[], lexicon: BoilerplateLexicon): boolean {
  // Most blocks address no reader: the web's words are counted only in those that do.
  if (!words.some((word) => lexicon.addressPronouns.has(word))) return false;
  let notices = 0;
  let addressed = false;
  for (const word of words) {
    if (lexicon.addressPronouns.has(word)) addressed = true;
    // "media-cookies", "cookie-instellingen": a compound counts by its parts.
    else if (
      lexicon.noticeWords.has(word) ||
      (word.includes('-') && word.split('-').some((part) => lexicon.noticeWords.has(part)))
    )
      notices += 1;
  }
  return addressed && notices >= Math.max(2, words.length / NOTICE_WORD_SPAN);
}

/** boilerplateShape by lexicon; there is one lexicon per language. */
const shapes = new Map<BoilerplateLexicon, (text: string) => BoilerplateKind | undefined>();

function shapeOfBlock(text: string, lexicon: BoilerplateLexicon): BoilerplateKind | undefined {
  const words = foldedWordsOf(text);
  const first = words[0] ?? '';
  if (words.length === 0) return 'noise';
  if (isTimestamp(text, lexicon.calendar, words)) return 'timestamp';
  // "18-08-2019, Michael Huising": a date, then a byline or a place, and no sentence.
  if (words.length <= 8 && /^\S+\s*[,–—-]/u.test(text) && NUMERIC_DATE().test(first)) {
    return 'timestamp';
  }
  if (SYMBOL_FIRST().test(text) && words.length <= SHAPE_MAX_WORDS) return 'credit';
  // "Omroep Midden • vandaag, 09:41": a source and a time between field separators.
  if (words.length <= 10 && /[•|·]/u.test(text) && CLOCK().test(text)) return 'timestamp';
  // "Foto ANP", "Beeld ANP", "Foto Jan Jansen": a credit word and a name, nothing else.
  if (
    words.length <= 4 &&
    lexicon.creditWords.has(first) &&
    text
      .split(/\s+/u)
      .slice(1)
      .every((word) => unicode`^\p{Lu}`.test(word))
  ) {
    return 'credit';
  }
  const unbracketed = text.replace(/^[([]\s*/u, '');
  const firstWord = unbracketed === text ? first : (foldedWordsOf(unbracketed)[0] ?? '');
  if (
    lexicon.creditWords.has(firstWord.replace(/'?s$/u, '')) &&
    unicodeIgnoringCase`^[\p{L}']+s?(?:\s+[\p{L}']+)?\s*(?::|©|\/|\bby\b)`.test(unbracketed)
  ) {
    return words.length <= SHAPE_MAX_WORDS ? 'credit' : 'caption';
  }
  // Word counts first: they are known, where a pattern scans the whole of a long paragraph.
  if (words.length <= SHAPE_MAX_WORDS * 3) {
    // A longer caption still ends on its credit, after a full sentence ("… Tuesday, Nov. 6, 2018. (Name/Paper via AP)");
    // a sentence of running text does not close on a bracketed name and agency.
    const credit = TRAILING_CREDIT().exec(text);
    if (credit && (words.length <= SHAPE_MAX_WORDS * 2 || SENTENCE_END.test(text.slice(0, credit.index).trimEnd()))) {
      return 'caption';
    }
  }
  // "… in zijn woning (Foto: Petra Mulder/RTV Noord)": a photo's caption with its credit in brackets.
  // "… (foto; Name) vergroot": a gallery's control word may follow the credit.
  const bracket = unicode`\(([^()]{2,80})\)(?:\s+\p{Ll}+)?\s*$`.exec(text)?.[1];
  const bracketWord = bracket ? (foldedWordsOf(bracket)[0] ?? '') : '';
  // "… du SAMU de Rouen (Photo DR)", "(Foto ANP)": the credit word then only its names, without a colon.
  if (
    bracket &&
    lexicon.creditWords.has(bracketWord) &&
    unicode`^\s*[\p{L}']+\s*(?:[:;]|\s\p{Lu}[\p{L}.&'-]*(?:\s+\p{Lu}[\p{L}.&'-]*){0,3}\s*$)`.test(bracket)
  ) {
    return 'caption';
  }
  // "… tras incendiarse una vivienda. - GUARDIA CIVIL BURGOS": a short sentence, then its photographer or agency
  // in capitals, two words at least (a live blog's item may close on its source: "… oplopen. - NOS").
  // "… évacuées par les pompiers. 10 août 2022. KEYSTONE": or its agency alone, in capitals after the full stop.
  if (
    words.length <= SHAPE_MAX_WORDS * 2 &&
    (unicode`[.!?]\s+[-–—]\s+\p{Lu}[\p{Lu}.'&/-]*\s[\p{Lu}\s.'&/-]{2,50}$`.test(text) ||
      (words.length >= MIN_SENTENCE_WORDS + 1 &&
        unicode`[\p{L}\p{N}][.!?]\s+\p{Lu}{3,}(?:[\s/-]\p{Lu}{2,})*$`.test(text)))
  ) {
    return 'caption';
  }
  if (words.length <= SHAPE_MAX_WORDS * 3 && isCreditTail(creditTail(text), lexicon)) return 'caption';
  // "De loods aan de Lavendelweg © Persbureau Noord": a short line that closes on a credit symbol and a name is a photo's caption.
  if (words.length <= SHAPE_MAX_WORDS && TRAILING_SYMBOL_CREDIT().test(text)) return 'caption';
  // "… after a week of raids Picture: ANNA DE WIT Gazette": or on a credit word, a colon and names, without a full stop.
  if (words.length <= SHAPE_MAX_WORDS * 2 && closesOnCreditField(text, lexicon)) return 'caption';
  if (words.length <= NOTICE_MAX_WORDS && isSiteNotice(words, lexicon)) return 'notice';
  if (words.length <= 3 && words.every((word) => lexicon.labels.has(word))) return 'label';
  if (words.length <= SHAPE_MAX_WORDS && BREADCRUMB.test(text) && !unicode`\p{Ll}`.test(text)) return 'label';
  // "1 of 18", "3 van 12": a gallery's counter.
  if (words.length === 3 && unicode`^\d+\s+\p{L}{1,4}\s+\d+$`.test(text.trim())) return 'noise';
  if (words.length <= SHAPE_MAX_WORDS && (isRepeatedHalf(words) || gluedMenuItems(text) >= 2)) return 'label';
  const lower = words.length <= SHAPE_MAX_WORDS ? text.toLowerCase() : '';
  if (lexicon.skipLinks.has(lower.trim())) return 'link';
  if (
    words.length <= SHAPE_MAX_WORDS &&
    lexicon.linkOpeners.some((opener) => {
      if (!opensWith(lower, opener)) return false;
      // "Lees ook: …", "Read more", "Deel dit artikel": a colon after the opener, or no sentence at all.
      return /^\s*:/u.test(lower.slice(opener.length)) || !SENTENCE_END.test(text);
    })
  ) {
    return 'link';
  }
  if (words.length >= 2 && words.length <= 8 && words.filter((word) => lexicon.shareTargets.has(word)).length >= 2) {
    return 'link';
  }
  if (
    lexicon.bylineOpeners.has(first) &&
    words.length <= 8 &&
    !SENTENCE_END.test(text) &&
    // "By Jane Smith", "Door: redactie", "By a County Press reporter": a name, a colon, or an article before the name.
    unicode`^\S+(?:\s+(?:\p{Ll}{1,3}\s+)?\p{Lu}|\s*:)`.test(text)
  ) {
    return 'byline';
  }
  return undefined;
}

/** "Météo FR Météo FR": a menu printed twice (desktop and mobile navigation). */
function isRepeatedHalf(words: readonly string[]): boolean {
  if (words.length < 2 || words.length % 2 === 1) return false;
  const half = words.length / 2;
  return words.slice(0, half).every((word, index) => word === words[half + index]);
}

/**
 * "9NewsCommunity Inspired JournalismSoutheast Side": menu items that lost the space between them, a lower-case
 * run of three or more letters glued to a capital inside a word (names such as YouTube or McDonald have shorter runs).
 */
function gluedMenuItems(text: string): number {
  // Each item's glue is a lower-case letter before a capital: a text without one has no items to match.
  if (!hasLowerBeforeUpper(text)) return 0;
  return text.match(unicodeGlobal`[\p{L}\p{N}]*\p{Ll}{3}\p{Lu}\p{Ll}{2}`)?.length ?? 0;
}

/**
 * A date before the lead: "2023-02-19 10:36 …", "28 april 2021 …", "Woensdag, 28 april 2021 om 10:46 …" (its month,
 * and a weekday before it, names of the calendar). The date's text, and how far the lead starts after it.
 */
function leadingDate(text: string, lexicon: BoilerplateLexicon): { text: string; length: number } | undefined {
  const numeric = LEADING_NUMERIC_DATE().exec(text);
  if (numeric?.[1]) return { text: numeric[1], length: numeric[0].length };
  const named = LEADING_DATE().exec(text);
  if (
    named?.[1] &&
    lexicon.calendar.has(fold(named[3] ?? '')) &&
    (named[2] === undefined || lexicon.calendar.has(fold(named[2])))
  ) {
    return { text: named[1], length: named[0].length };
  }
  return undefined;
}

/** What follows a caption's last sentence: "… juichen. Ⓒ ANP/HH", "… code geel. Beeld ANP", "… Gitter. © Name/dpa". */
function creditTail(text: string): string {
  const sentences = text.split(/(?<=[.!?…])\s+(?=\S)/u);
  return sentences.length > 1 ? (sentences.at(-1) ?? '') : '';
}

/** A credit word and a colon after three words at least, then one to six capitalised words to the line's end. */
function closesOnCreditField(text: string, lexicon: BoilerplateLexicon): boolean {
  // By the last colon, not one pattern over the line: a pattern that may start anywhere backtracks on every word.
  const colon = text.lastIndexOf(':');
  if (colon < 0) return false;
  const before = text.slice(0, colon).trimEnd().split(/\s+/u);
  const names = text
    .slice(colon + 1)
    .trim()
    .split(/\s+/u);
  return (
    before.length >= 4 &&
    lexicon.creditWords.has(fold(before.at(-1) ?? '')) &&
    names.length <= 6 &&
    names.every((name) => unicode`^\p{Lu}[\p{L}.&'-]*$`.test(name))
  );
}

/** A credit: a symbol first, a credit word and a name ("Beeld ANP", "Bild: dpa"), or "Name/Agency". */
function isCreditTail(tail: string, lexicon: BoilerplateLexicon): boolean {
  const words = foldedWordsOf(tail);
  if (words.length === 0 || words.length > 8 || SENTENCE_END.test(tail)) return false;
  if (SYMBOL_FIRST().test(tail)) return true;
  // "Beeld ANP", "Foto: picture alliance/dpa": after a colon the credit may open in lower case (an agency's own spelling).
  if (lexicon.creditWords.has(words[0] ?? '') && unicode`^[\p{L}']+\s*(?::|\s\p{Lu})`.test(tail)) return true;
  return unicode`^\p{Lu}[\p{L}.' -]{1,40}\s*\/\s*\p{L}[\p{L} .-]{0,30}$`.test(tail);
}

type Density = 'good' | 'neargood' | 'short' | 'bad';

/** jusText's context-free class: length and stopword density. */
function densityClass(text: string, lexicon: BoilerplateLexicon): Density {
  const words = foldedWordsOf(text);
  let stopwords = 0;
  for (const word of words) if (lexicon.stopwords.has(word)) stopwords += 1;
  const density = words.length === 0 ? 0 : stopwords / words.length;
  // A short whole sentence ("Niemand raakte gewond.") is near-good, not merely short: news closes on such
  // lines, where jusText's web pages close on menus, and one sentence is too short for a density to say much.
  if (text.length < LENGTH_LOW) {
    return SENTENCE_END.test(text) && words.length >= MIN_SENTENCE_WORDS ? 'neargood' : 'short';
  }
  if (density >= STOPWORDS_HIGH && text.length > LENGTH_HIGH) return 'good';
  if (density >= STOPWORDS_LOW) return 'neargood';
  return 'bad';
}

/**
 * jusText's context-sensitive pass: short blocks take the class of their nearest good-or-bad neighbours
 * (both good: good; both bad: bad; a near-good block on a bad side: good), near-good blocks are good unless
 * both sides are bad. The file's edges count as bad, as jusText's do. Blocks whose shape already decided
 * them (a live blog's times, a credit under a photo) are passed over: they separate items, they do not make
 * the text around them suspect.
 */
function inContext(classes: readonly Density[], decided: readonly boolean[]): ('good' | 'bad')[] {
  const neighbour = (from: number, step: number, ignoreNearGood: boolean): Density => {
    for (let index = from + step; index >= 0 && index < classes.length; index += step) {
      if (decided[index]) continue;
      const value = classes[index] as Density;
      if (value === 'good' || value === 'bad') return value;
      if (value === 'neargood' && !ignoreNearGood) return value;
    }
    return 'bad';
  };
  return classes.map((value, index) => {
    if (value === 'good' || value === 'bad') return value;
    const previous = neighbour(index, -1, true);
    const next = neighbour(index, 1, true);
    if (value === 'neargood') return previous === 'bad' && next === 'bad' ? 'bad' : 'good';
    if (previous === 'good' && next === 'good') return 'good';
    if (previous === 'bad' && next === 'bad') return 'bad';
    const nearGoodSide =
      (previous === 'bad' && neighbour(index, -1, false) === 'neargood') ||
      (next === 'bad' && neighbour(index, 1, false) === 'neargood');
    return nearGoodSide ? 'good' : 'bad';
  });
}

/** A line that does not end like a sentence: no full stop, question mark, colon or comma at the end. */
export function endsUnfinished(text: string): boolean {
  return !/[.!?…:;,]["'”’»)]*$/u.test(text);
}

/**
 * Every block with its kind. A block whose shape says what it is keeps that; the rest are content or
 * boilerplate by density and context; content that is a short unfinished line between others is a subheading.
 * When the context pass leaves no content at all (a short article of near-good paragraphs), near-good counts
 * as good, so that a real article is never emptied.
 */
export function classifyBlocks(
  blocks: readonly RawBlock[],
  lexicon: BoilerplateLexicon,
  shapeOf: (text: string) => BoilerplateKind | undefined = (text) => boilerplateShape(text, lexicon),
): ClassifiedBlock[] {
  const shapes = blocks.map((block) => block.forced ?? shapeOf(block.text));
  const densities = blocks.map((block, index): Density => (shapes[index] ? 'bad' : densityClass(block.text, lexicon)));
  const decided = shapes.map((shape) => shape !== undefined);
  let context = inContext(densities, decided);
  if (!context.some((value, index) => value === 'good' && !shapes[index])) {
    context = inContext(
      densities.map((value) => (value === 'neargood' ? 'good' : value)),
      decided,
    );
  }
  // No stopword list fits the text (a language the packs lack): jusText's language-independent mode, by
  // length alone, which here means every block that has no boilerplate shape.
  if (!context.some((value, index) => value === 'good' && !shapes[index])) {
    context = shapes.map((shape) => (shape ? 'bad' : 'good'));
  }
  return blocks.map((block, index): ClassifiedBlock => {
    const shape = shapes[index];
    const { text, lines } = block;
    if (shape) return { text, lines, kind: shape };
    if (context[index] === 'bad') return { text, lines, kind: 'noise' };
    const heading =
      index > 0 &&
      index < blocks.length - 1 &&
      block.lines === 1 &&
      foldedWordsOf(block.text).length <= SUBHEADING_MAX_WORDS &&
      endsUnfinished(unquoted(block.text));
    return { text, lines, kind: heading ? 'subheading' : 'paragraph' };
  });
}

/**
 * The analysis's own guard, for paragraphs that did not come through the parser's classification: whatever
 * has a boilerplate shape or reads as a subheading is no sentence to summarise. Falls back to every paragraph.
 */
export function analysableParagraphs(paragraphs: readonly string[], lexicon: BoilerplateLexicon): string[] {
  const kept = paragraphs.filter(
    (text) =>
      !boilerplateShape(text, lexicon) &&
      !(foldedWordsOf(text).length <= SUBHEADING_MAX_WORDS && endsUnfinished(unquoted(text))),
  );
  return kept.length > 0 ? kept : [...paragraphs];
}

function unquoted(text: string): string {
  return text.replace(/^["'‘’“”„«»]+|["'‘’“”„«»]+$/gu, '');
}

/**
 * A block that a crawler made of two: a clock time before a live-blog item ("18:07 Alle scholen …") and a
 * section label glued to the first word ("StikstofprotestBoze boeren …", a label and a capitalised word with
 * no space between). Returns the pieces in order, each to be classified on its own; the text is unchanged
 * but for the cut.
 */
export function splitGlued(block: RawBlock, wholeText: string, lexicon: BoilerplateLexicon): RawBlock[] {
  const { text, lines } = block;
  const clock = LEADING_CLOCK().exec(text);
  if (clock?.[1]) {
    let rest = text.slice(clock[0].length);
    const pieces: RawBlock[] = [{ text: clock[1], lines: 1, forced: 'timestamp' }];
    const counter = COUNTER().exec(rest);
    if (counter?.[1]) {
      pieces.push({ text: counter[1], lines: 1, forced: 'noise' });
      rest = rest.slice(counter[0].length);
      // "… 5 Dendermonde Het Feestkomitee …": a place, then the lead's own capitalised first word, a stopword.
      const place = unicode`^(\p{Lu}[\p{L}-]+)\s+(?=(\p{Lu}\p{Ll}*)\s)`.exec(rest);
      if (place?.[1] && lexicon.stopwords.has(fold(place[2] ?? ''))) {
        pieces.push({ text: place[1], lines: 1, forced: 'label' });
        rest = rest.slice(place[0].length);
      }
    }
    return [...pieces, ...splitGlued({ text: rest, lines }, wholeText, lexicon)];
  }
  // Each glue below but the leading date's is a lower-case letter right before a capital ("BokmaSnein", "linkRead"):
  // a text without one, as most running text is, has none of them, told by one scan of its characters rather than
  // by a pattern each, several of which are tried from every position of the text.
  const glue = hasLowerBeforeUpper(text);
  // "… fan Utjouwerij BokmaSnein 25 Febrewaris 2018": a date glued to the line's last word.
  const trailing = glue ? GLUED_TRAILING_DATE().exec(text) : null;
  if (trailing?.[1] && trailing.index > 0 && lexicon.calendar.has(fold(trailing[2] ?? ''))) {
    const at = text.length - trailing[1].length;
    return [
      { text: text.slice(0, at), lines },
      { text: text.slice(at), lines: 1, forced: 'timestamp' },
    ];
  }
  const date = leadingDate(text, lexicon);
  if (date) {
    return [
      { text: date.text, lines: 1, forced: 'timestamp' },
      ...splitGlued({ text: text.slice(date.length), lines }, wholeText, lexicon),
    ];
  }
  const glued = glue
    ? unicode`^([\p{Lu}\p{Ll}]\p{Ll}{3,})(\p{Lu}\p{Ll}*)(?:-\p{L}+)*(?=[\s,.:;!?]|$)`.exec(text)
    : null;
  // A camel-cased name (WhatsApp, DeSantis, LinkedIn) occurs again as it is, and its second half is rarely a
  // stopword; a crawler's glue ("VideoDe eerste …", "StikstofprotestBoze boeren …") is neither.
  const label = glued?.[1] ?? '';
  const secondIsStopword = lexicon.stopwords.has(fold(glued?.[2] ?? ''));
  if (
    glued?.[0] &&
    (secondIsStopword || (label.length >= 6 && (glued[2] ?? '').length >= 2)) &&
    occursOnce(wholeText, glued[0])
  ) {
    return [
      { text: label, lines: 1, forced: 'label' },
      { text: text.slice(label.length), lines },
    ];
  }
  // "UPDATE | met videoEen filiaal …": a label of a few words, marked as one by a word in capitals or a field
  // separator, glued by a lower-case word to the sentence's capitalised first word, a stopword. A name glued so
  // ("Stichting VoorDoor", "ZeelandNet") opens on a capital, and running text has neither mark.
  const run = glue ? GLUED_AFTER_LABEL_WORDS().exec(text) : null;
  const runLabel = run?.[1] ?? '';
  const runGlued = `${runLabel.split(/\s/u).at(-1) ?? ''}${run?.[2] ?? ''}`;
  if (
    run &&
    unicode`^\p{Ll}`.test(runGlued) &&
    (/\s[|•·›»]\s/u.test(runLabel) || unicode`(?:^|\s)\p{Lu}{2,}(?=\s)`.test(runLabel)) &&
    lexicon.stopwords.has(fold(run[2] ?? '')) &&
    occursOnce(wholeText, runGlued)
  ) {
    return [
      { text: runLabel, lines: 1, forced: 'label' },
      { text: text.slice(runLabel.length), lines },
    ];
  }
  // "Copy the page linkRead more about sharing pages.": a link glued to the words before it, as a share widget prints it.
  const link = glue ? linkAfterGlue(text, lexicon) : -1;
  if (link > 0) {
    // The link runs to its sentence's end; what a crawler joined after it is a block of its own.
    const end = /[.!?…](?=\s)/u.exec(text.slice(link));
    const linkEnd = end ? link + end.index + 1 : text.length;
    const after = text.slice(linkEnd).trim();
    return [
      { text: text.slice(0, link), lines },
      { text: text.slice(link, linkEnd), lines: 1, forced: 'link' },
      ...(after ? splitGlued({ text: after, lines }, wholeText, lexicon) : []),
    ];
  }
  return [block];
}

/** Where a link opener ("Read more", "Lees ook") starts right after a lower-case letter, glued to it; else -1. */
function linkAfterGlue(text: string, lexicon: BoilerplateLexicon): number {
  for (const glue of text.matchAll(unicodeGlobal`\p{Ll}(?=\p{Lu}\p{Ll})`)) {
    const at = glue.index + 1;
    // Only as much of the rest as the longest opener and the character after it: not the whole block per glue.
    const rest = text.slice(at, at + longestOpener(lexicon) + 1).toLowerCase();
    if (lexicon.linkOpeners.some((opener) => opensWith(rest, opener))) return at;
  }
  return -1;
}

/** Whether lower-case `text` starts with `opener` as a whole word or phrase ("read more", not "read moreover"). */
function opensWith(text: string, opener: string): boolean {
  return text.startsWith(opener) && !unicode`^[\p{L}\p{N}]`.test(text.slice(opener.length));
}

const longestOpeners = new Map<BoilerplateLexicon, number>();
function longestOpener(lexicon: BoilerplateLexicon): number {
  let longest = longestOpeners.get(lexicon);
  if (longest === undefined) {
    longest = Math.max(0, ...lexicon.linkOpeners.map((opener) => opener.length));
    longestOpeners.set(lexicon, longest);
  }
  return longest;
}

/** Whether `part` stands in `text` once only: a camel-cased name recurs as it is, a crawler's glue does not. */
function occursOnce(text: string, part: string): boolean {
  return text.indexOf(part) === text.lastIndexOf(part);
}

/** One to five words without a sentence end, then a lower-case run glued to a capitalised word. */
const GLUED_AFTER_LABEL_WORDS = lazyPattern(
  String.raw`^((?:[^\s.!?]+\s+){1,5}?[^\s.!?]*?\p{Ll}{3})(\p{Lu}\p{Ll}*)(?=\s)`,
  'u',
);

/**
 * The lead's first words when they are a dateline or a label rather than the sentence: "Hamburg - Die Lage
 * …", "Dortmund (dpa) - Borussia …", "De Kwakel – Vrijdag …", "Bern -Die …", "Berlin: Ein Sturm …",
 * "Liveblog Das Feuer …" (a word, then the sentence's capitalised first word, a stopword that no name
 * starts with). Split off so that the headline and summary start with the sentence.
 */
export function splitLead(block: RawBlock, lexicon: BoilerplateLexicon): RawBlock[] {
  const { text, lines } = block;
  const cut = (length: number, kind: BoilerplateKind): RawBlock[] => [
    { text: text.slice(0, length).trim(), lines: 1, forced: kind },
    { text: text.slice(length).trimStart(), lines },
  ];
  const dateline =
    unicode`^\p{Lu}[\p{L}'’.]*(?:[ /-](?:\p{Lu}[\p{L}'’.]*|\p{Ll}{1,3})){0,3}(?:\s*\([^()]{1,25}\))?[.,]?(?:\s+[-–—]\s*|\s*[-–—]\s+)(?=[\p{Lu}"'“„«‘])`.exec(
      text,
    );
  if (dateline) return cut(dateline[0].length, 'dateline');
  // "Foto Jan Jansen De (Noord)Hollandse …": a credit word and a name, then the lead's capitalised first word.
  const credit = unicode`^([\p{L}]+(?:\s+\p{Lu}[\p{L}.'-]*){1,3})\s+(\p{Lu}\p{Ll}*)\s`.exec(text);
  const creditWord = fold(unicode`^[\p{L}]+`.exec(text)?.[0] ?? '');
  if (credit?.[1] && lexicon.creditWords.has(creditWord) && lexicon.stopwords.has(fold(credit[2] ?? ''))) {
    return cut(credit[1].length, 'credit');
  }
  const label = unicode`^(\p{Lu}[\p{L}-]{1,24}):\s+(?=[\p{Lu}"'“„«‘])`.exec(text);
  if (label?.[1] && !lexicon.stopwords.has(fold(label[1]))) return cut(label[0].length, 'dateline');
  const word = labelWordBefore(text, lexicon);
  if (word) return cut(word.length, 'label');
  return [block];
}

/**
 * "Liveblog Das Feuer …", "Mâconnais Un jeune motard …": one capitalised word, then the sentence's or title's own
 * capitalised first word, a function word that starts no name: the first word is a label. Undefined when not.
 */
export function labelWordBefore(text: string, lexicon: BoilerplateLexicon): string | undefined {
  const word = unicode`^(\p{Lu}[\p{L}-]{1,24})\s+(\p{Lu}\p{Ll}*)\s`.exec(text);
  const second = fold(word?.[2] ?? '');
  return word?.[1] &&
    lexicon.functionWords.has(second) &&
    !lexicon.nameParticles.has(second) &&
    !lexicon.stopwords.has(fold(word[1]))
    ? word[1]
    : undefined;
}
