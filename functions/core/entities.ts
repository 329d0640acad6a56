import { type LanguagePack, PACKS, packFor, unionOf } from './lang';
import { lazy, lazyPattern } from './lazy';
import { regionNames } from './regions';
import { stopwordsFor } from './stopwords';
import {
  cachedByText,
  endsPossessive,
  foldAccents,
  isAcronym,
  isNumeric,
  startsLower,
  startsUpper,
  stripPossessive,
  type Token,
  tokensOf,
} from './text';

/**
 * Named entities (people, places, organisations) as runs of capitalised words that are more than a sentence
 * start: "Joe Biden", "Den Haag", "Ursula von der Leyen", "Witte Huis". Titles, day and month names and
 * adjectives of nationality are left out; a surname used alone ("Biden") is counted with the full name.
 *
 * Where a capital says little, the article's own text decides: a word it also writes in lower case is a common
 * word, a German word it puts after an article is a noun, a word it uses alone after a full name is that name's
 * surname. Shapes say the rest: an initial ("Peter R. de Vries") stays in a name, a tweet id, a link or a handle
 * is none, a compound on a lower-case or German noun ("PSV-doelman", "EU-Chefdiplomat") is a role before one.
 */
export interface Entity {
  readonly name: string;
  readonly count: number;
  /** The form the article also uses on its own, for a person named in full elsewhere: "Biden" for "Joe Biden". */
  readonly short?: string;
}

export const MAX_ENTITIES = 12;

interface Mention {
  readonly words: readonly string[];
  /** Whether the first word stands where any word is capitalised: a sentence or quotation start. */
  readonly initial: boolean;
  readonly position: number;
  /** Set when the words before this mention were a title or a role: "Kanzler Scholz", "PSV-doelman Mvogo". */
  readonly afterTitle: boolean;
  /** Set when the mention fills a quotation on its own: „Junge Alternative“. */
  readonly quoted: boolean;
  /** Set when an article or another determiner stands right before the mention: "the Premier League". */
  readonly article: boolean;
}

/*
 * Of every language: names, quotations and datelines do not keep to the article's. Each union is read through
 * unionOf (built on first use, then one map lookup) rather than held at module scope, so that a bundle that only
 * sometimes finds names (the API's on-demand digests) does not build every language's sets at init.
 */
const titles = () => unionOf('titles');
const determiners = () => unionOf('determiners');
const nameParticles = () => unionOf('nameParticles');
const neverEntities = () => unionOf('neverEntities');
const places = () => unionOf('places');
const months = () => unionOf('months');
const days = () => unionOf('days');
const dayPartSuffixes = () => unionOf('dayPartSuffixes');
const abbreviations = () => unionOf('abbreviations');
const regions = lazy(() => regionNames(Object.keys(PACKS)));
// Patterns with Unicode property escapes, made on first use (lazyPattern says why).
const INITIAL_LETTER = lazyPattern(String.raw`^\p{Lu}\.$`, 'u');
const ANY_DIGIT = lazyPattern(String.raw`\p{N}`, 'u');
const ANY_LOWER = lazyPattern(String.raw`\p{Ll}`, 'u');
const UPPER_AFTER_FIRST = lazyPattern(String.raw`^.+\p{Lu}`, 'u');
const CODE_NAME = lazyPattern(String.raw`^\p{Lu}+-?\p{N}+$`, 'u');
const DOMAIN_PATH = lazyPattern(String.raw`\.\p{L}{2,}\/\S`, 'u');
const ONE_CAPITAL = lazyPattern(String.raw`^\p{Lu}$`, 'u');
const ELIDED_NAME = lazyPattern(String.raw`^\p{Lu}{2,}['’]\p{Ll}+$`, 'u');
const DIGIT_FIRST = lazyPattern(String.raw`^\p{N}`, 'u');
const LOWER_PLURAL = lazyPattern(String.raw`\p{Ll}s$`, 'u');

const titleSuffixes = lazy(() => [...titles()].filter((title) => title.length >= 5));
/** Every beginning of a month name: "sept" and "dec" are abbreviations of one. */
const monthPrefixes = lazy(
  () =>
    new Set(
      [...months()].flatMap((month) => Array.from({ length: month.length }, (_, end) => month.slice(0, end + 1))),
    ),
);

// The word tests below are asked of the same words again and again (every mention, every edge of a run, every
// keyword candidate) and loop over a word list: each is remembered by word.

/** "president", "Verbandspräsident", "GDL-Chef", "oud-premier". */
export const isTitleWord: (word: string) => boolean = cachedByText((word) => {
  const lower = word.toLowerCase();
  if (titles().has(lower)) return true;
  const afterHyphen = lower.split('-').at(-1) ?? lower;
  if (afterHyphen !== lower && titles().has(afterHyphen)) return true;
  return titleSuffixes().some((title) => lower.length > title.length + 2 && lower.endsWith(title));
});

/** True for dinsdag, donderdagavond, Dienstagabend, mardi; case-insensitive. */
export function isDayWord(word: string): boolean {
  return isLowerDayWord(word.toLowerCase());
}

const isLowerDayWord = cachedByText((lower) => {
  if (days().has(lower)) return true;
  for (const day of days()) {
    if (lower.startsWith(day) && dayPartSuffixes().has(lower.slice(day.length))) return true;
  }
  return false;
});

/** Month and day names: never entities, never keywords. */
export const isCalendarWord: (word: string) => boolean = cachedByText((word) => {
  const lower = word.toLowerCase();
  return months().has(lower) || isLowerDayWord(lower);
});

/** Adjectives of nationality: capitalised in Dutch and English but no names ("de Amerikaanse president"). */
export function isDemonym(word: string, language: string): boolean {
  if (!startsUpper(word)) return false;
  const demonyms = packFor(language).demonyms;
  if (!demonyms) return false;
  const lower = word.toLowerCase();
  return demonyms.suffix.test(lower) && lower.length >= demonyms.minLength && !demonyms.exceptions.has(lower);
}

/** A known country, region or city, compared without accents: "Oekraïne", "Russland". */
export function isPlace(word: string): boolean {
  return places().has(foldAccents(word));
}

/** A place of the packs, or a country or territory of the CLDR in any of their languages: "Kenya", "Zypern". */
export const isKnownPlace: (word: string) => boolean = cachedByText((word) => {
  const folded = foldAccents(word);
  return places().has(folded) || regions().has(folded);
});

/** A word as the entity finder reads it: an initial keeps its full stop ("R."), and some words can be no name. */
interface Word extends Token {
  /** Part of a link, a handle or a hashtag, or an identifier such as a tweet id: never part of a name. */
  readonly noName: boolean;
}

/** "R." in "Peter R. de Vries", "Ö." in "Burak Ö.": a capital letter and a full stop. */
function isInitialLetter(word: string): boolean {
  return INITIAL_LETTER().test(word);
}

/** "CFPHClq3EB", "a1B2": letters of both cases and a digit, with a capital after the first letter. */
function isIdentifier(word: string): boolean {
  // Every token is asked: an ASCII one is decided by its character codes, any other by the Unicode properties.
  let digit = false;
  let lower = false;
  let upperInside = false;
  for (let index = 0; index < word.length; index += 1) {
    const code = word.charCodeAt(index);
    if (code >= 128) return ANY_DIGIT().test(word) && ANY_LOWER().test(word) && UPPER_AFTER_FIRST().test(word);
    if (code >= 48 && code <= 57) digit = true;
    else if (code >= 97 && code <= 122) lower = true;
    else if (code >= 65 && code <= 90 && index > 0) upperInside = true;
  }
  return digit && lower && upperInside;
}

/** "G7", "G20", "F-16": capitals and digits only, a name by its shape like an acronym. */
function isCodeName(word: string): boolean {
  return CODE_NAME().test(word);
}

/**
 * A link, a handle, a hashtag or an e-mail address, as text between white space: "https://t.co/CFPHClq3EB",
 * "pic.twitter.com/…", "www.…", "(@NOS)", "#Ajax".
 */
function isAddress(chunk: string): boolean {
  return (
    /^\W*[@#]\S/u.test(chunk) ||
    chunk.includes('://') ||
    /^\W*www\./iu.test(chunk) ||
    /\w@\w/u.test(chunk) ||
    DOMAIN_PATH().test(chunk)
  );
}

/** What every address has: an @ or #, a slash, or www. Most sentences have none, and so no address. */
const ADDRESS_MARK = /[@#/]|www\./iu;

function words(sentence: string): Word[] {
  const addresses = ADDRESS_MARK.test(sentence)
    ? [...sentence.matchAll(/\S+/gu)]
        .filter((chunk) => isAddress(chunk[0]))
        .map((chunk) => ({ start: chunk.index, end: chunk.index + chunk[0].length }))
    : [];
  return tokensOf(sentence).map((token) => {
    // One capital letter is one or two code units; the regular expression only for those before a full stop.
    const dotted = token.text.length <= 2 && sentence.charCodeAt(token.end) === 46 && ONE_CAPITAL().test(token.text);
    const address =
      addresses.length > 0 && addresses.some((chunk) => token.start >= chunk.start && token.end <= chunk.end);
    return {
      text: dotted ? `${token.text}.` : token.text,
      start: token.start,
      end: dotted ? token.end + 1 : token.end,
      noName: address || isIdentifier(token.text),
    };
  });
}

/** What the article's own words say of a capitalised word: common, a noun, shouted, a surname. */
interface Evidence {
  readonly pack: LanguagePack;
  readonly stopwords: ReadonlySet<string>;
  /** Every word the article writes in lower case. */
  readonly lowercase: ReadonlySet<string>;
  /** Folded words written with a capital inside a sentence, where a capital says something. */
  readonly capitalisedInside: ReadonlySet<string>;
  /** German: folded capitalised words the article uses as nouns, after an article ("der ukrainischen Stadt"). */
  readonly nouns: ReadonlySet<string>;
  /** German: capitalised words that also stand without a particle before them ("Absatz von Wärmepumpen"). */
  readonly standaloneNouns: ReadonlySet<string>;
  /** isNationality's answers so far: asked of every edge of every mention, and fixed once the evidence is. */
  readonly nationalities: Map<string, boolean>;
}

function gather(tokenized: readonly { sentence: string; tokens: readonly Word[] }[], pack: LanguagePack): Evidence {
  const lowercase = new Set<string>();
  const capitalisedInside = new Set<string>();
  const standaloneNouns = new Set<string>();
  const stopwords = stopwordsFor(pack.code);
  // German: how often a capitalised word stands inside a sentence, how often after an article, what follows it.
  const inside = new Map<string, number>();
  const afterArticle = new Map<string, number>();
  const followers = new Map<string, Set<string>>();
  const solo = new Set<string>();
  const acronyms = new Set<string>();
  for (const { sentence, tokens } of tokenized) {
    for (let index = 0; index < tokens.length; index += 1) {
      const token = tokens[index] as Word;
      if (token.noName) continue;
      if (startsLower(token.text)) lowercase.add(token.text);
      if (!startsUpper(token.text)) continue;
      const folded = foldAccents(token.text);
      if (isAcronym(token.text)) acronyms.add(folded);
      if (!capitalAt(tokens, index - 1) && !capitalAt(tokens, index + 1)) solo.add(folded);
      if (index === 0) continue;
      if (!nameParticles().has(tokens[index - 1]?.text ?? '')) standaloneNouns.add(token.text);
      if (isInitial(sentence, tokens, index)) continue;
      capitalisedInside.add(folded);
      if (!pack.capitalisesNouns) continue;
      inside.set(folded, (inside.get(folded) ?? 0) + 1);
      if (followsDeterminer(tokens, index, pack)) afterArticle.set(folded, (afterArticle.get(folded) ?? 0) + 1);
      const next = followers.get(folded) ?? new Set<string>();
      next.add(capitalAt(tokens, index + 1) ? (tokens[index + 1]?.text ?? '') : '');
      followers.set(folded, next);
    }
  }
  // A noun stands after an article at least half the time ("der Torwart"; "für ihren Höcke" is once of many), unless
  // it only ever comes before a word the article also uses alone and that is no place: "Ein Olaf Scholz".
  const nouns = new Set<string>();
  for (const [folded, count] of afterArticle) {
    if (acronyms.has(folded)) continue;
    const next = [...(followers.get(folded) ?? [])];
    const given = next.every((word) => word !== '' && solo.has(foldAccents(word)) && !isPlaceOrAcronym(word));
    if (count * 2 >= (inside.get(folded) ?? 0) && !given) nouns.add(folded);
  }
  return { pack, stopwords, lowercase, capitalisedInside, nouns, standaloneNouns, nationalities: new Map() };
}

function capitalAt(tokens: readonly Word[], at: number): boolean {
  return startsUpper(tokens[at]?.text ?? '');
}

/** "der Torwart", "einem furiosen Spitzenspiel", "eine AfD-blaue Weste": an article, then at most two adjectives. */
function followsDeterminer(tokens: readonly Word[], index: number, pack: LanguagePack): boolean {
  for (let back = index - 1; back >= Math.max(0, index - 3); back -= 1) {
    const text = tokens[back]?.text ?? '';
    // "von der Leyen": an article after a particle is one of a name's particles.
    if (pack.determiners.has(text.toLowerCase())) return !nameParticles().has(tokens[back - 1]?.text ?? '');
    const adjective = (startsLower(text) && !pack.functionWords.has(text)) || isLowerCompound(text);
    if (!adjective) return false;
  }
  return false;
}

export function findEntities(sentences: readonly string[], language: string): Entity[] {
  const pack = packFor(language);
  const tokenized = sentences.map((sentence) => ({ sentence, tokens: words(sentence) }));
  const evidence = gather(tokenized, pack);
  // Loops that push rather than flatMap's intermediate arrays: every sentence and every run passes here.
  const raw: Run[] = [];
  for (let sentenceIndex = 0; sentenceIndex < tokenized.length; sentenceIndex += 1) {
    const { sentence, tokens } = tokenized[sentenceIndex] as { sentence: string; tokens: readonly Word[] };
    raw.push(...runs(sentence, tokens, sentenceIndex, evidence));
  }
  const alone = new Set<string>();
  for (const run of raw) if (run.joins.length === 0) alone.add(key(run.words));
  const mentions: Mention[] = [];
  for (const run of raw) {
    for (const mention of splitJoins(run, alone)) mentions.push(...clean(mention, evidence, alone));
  }
  return rank(appositives(mentions, evidence, alone), evidence);
}

interface Run extends Mention {
  /** Indexes into `words` where lower-case particles joined two capitalised runs: "Moskou de Krim". */
  readonly joins: readonly { readonly at: number; readonly particles: number }[];
}

function key(words: readonly string[]): string {
  return foldAccents(words.join(' '));
}

/** A word stands where capitals say nothing: first in the sentence, or after an opening quote, colon or bracket. */
function isInitial(sentence: string, tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  if (!token) return false;
  if (index === 0) return true;
  const previousEnd = tokens[index - 1]?.end;
  // Most words follow the word before after one space, which is neither punctuation nor a sentence end.
  if (previousEnd === token.start - 1 && sentence.charCodeAt(previousEnd) === 32) return false;
  const before = sentence.slice(previousEnd, token.start);
  return /["“„«‘'(:—–]\s*$/u.test(before) || /[.!?]\s*$/u.test(before);
}

function isCapitalised(token: Word): boolean {
  return startsUpper(token.text) && !isNumeric(token.text.charAt(0)) && !token.noName;
}

/**
 * Words in capitals that are common words shouted, not acronyms: a heading's "WHAT HAPPENED?", "THE BIGGER
 * PICTURE". A run of words in capitals with a function word among them, or one of four letters or more that the
 * article also writes in lower case.
 */
function shoutedWords(sentence: string, tokens: readonly Word[], evidence: Evidence): ReadonlySet<number> {
  // Most sentences shout nothing: a set of their own only for those that do.
  let shouted: Set<number> | undefined;
  let start = 0;
  while (start < tokens.length) {
    // A run of capitals starts with one: the rest of the loop, and its allocations, only for those.
    if (!isAcronym(tokens[start]?.text ?? '')) {
      start += 1;
      continue;
    }
    let end = start;
    while (
      end < tokens.length &&
      isAcronym(tokens[end]?.text ?? '') &&
      (end === start || spaced(sentence, tokens, end))
    ) {
      end += 1;
    }
    const run = tokens.slice(start, end).map((token) => token.text);
    const functionWord = run.length > 1 && run.some((text) => evidence.stopwords.has(text.toLowerCase()));
    run.forEach((text, offset) => {
      if (functionWord || (text.length >= 4 && evidence.lowercase.has(text.toLowerCase()))) {
        shouted ??= new Set<number>();
        shouted.add(start + offset);
      }
    });
    start = Math.max(end, start + 1);
  }
  return shouted ?? NOTHING_SHOUTED;
}

const NOTHING_SHOUTED: ReadonlySet<number> = new Set();

/** Whether only white space stands between a token and the one before it. */
function spaced(sentence: string, tokens: readonly Token[], at: number): boolean {
  const from = tokens[at - 1]?.end;
  const to = tokens[at]?.start;
  // Most often a single space, without slicing the gap out for a regular expression.
  if (from !== undefined && to === from + 1 && sentence.charCodeAt(from) === 32) return true;
  return /^\s+$/u.test(sentence.slice(from, to));
}

/**
 * A common noun by its shape, a role before a name rather than part of it: a compound whose last part is lower
 * case ("PSV-doelman", "AEX-bedrijf"), an acronym's derivation ("PSV'er"), and where nouns are capitalised, a
 * compound on an acronym ("EU-Chefdiplomat", "CDU-Vorsitzende").
 */
function isCompoundNoun(word: string, pack: LanguagePack): boolean {
  // Each shape below has a hyphen or an apostrophe: most words have neither.
  if (!word.includes('-') && !word.includes("'") && !word.includes('’')) return false;
  const parts = word.split('-');
  const last = parts.at(-1) ?? '';
  // Where nouns are capitalised, a lower-case last part makes an adjective ("AfD-blaue Weste"): no role.
  if (isLowerCompound(word)) return !pack.capitalisesNouns;
  if (ELIDED_NAME().test(word)) return true;
  return pack.capitalisesNouns && parts.length === 2 && isAcronym(parts[0] ?? '') && !isAcronym(last);
}

/** "AfD-blaue", "PSV-doelman", "Vivaldi-coalitie": a compound whose last part is lower case, never part of a name. */
function isLowerCompound(word: string): boolean {
  const hyphen = word.lastIndexOf('-');
  return hyphen >= 0 && startsLower(word.slice(hyphen + 1));
}

/**
 * An adjective of nationality, or a people's name made of a place the article names: "Amsterdammers" of
 * "Amsterdam", "Kenyan" of "Kenya", "Karlsruher" of "Karlsruhe".
 */
function isNationality(word: string, evidence: Evidence): boolean {
  let known = evidence.nationalities.get(word);
  if (known === undefined) {
    known = nationality(word, evidence);
    evidence.nationalities.set(word, known);
  }
  return known;
}

function nationality(word: string, evidence: Evidence): boolean {
  const known = peopleOf(evidence.pack)(word);
  return known === true || (known !== false && known.some((base) => evidence.capitalisedInside.has(base)));
}

/**
 * What nationality decides of a word in a language whatever the article: true for an adjective of nationality or a
 * people's name of a known place, false for a word that can be neither, else the folded places it would be a people
 * of, which are one when the article writes them capitalised inside a sentence. Remembered by word across articles:
 * asked of the edges of every mention.
 */
const peoples = new Map<string, (word: string) => boolean | readonly string[]>();

function peopleOf(pack: LanguagePack): (word: string) => boolean | readonly string[] {
  let known = peoples.get(pack.code);
  if (!known) {
    known = cachedByText((word) => {
      if (isDemonym(word, pack.code)) return true;
      if (!startsUpper(word) || isKnownPlace(word) || isAcronym(word)) return false;
      const bases: string[] = [];
      for (const ending of pack.inhabitantEndings) {
        if (!word.endsWith(ending)) continue;
        const stem = word.slice(0, -ending.length);
        // "Amsterdammer": a doubled consonant; "Karlsruher": a final e before the ending's.
        for (const base of [stem, stem.slice(0, -1), `${stem}e`]) {
          if (base.length < 4 || isCalendarWord(base)) continue;
          if (isKnownPlace(base)) return true;
          bases.push(foldAccents(base));
        }
      }
      return bases;
    });
    peoples.set(pack.code, known);
  }
  return known;
}

/** A title before a name; an acronym only when it is no abbreviated title as well ("DR" and "ING" are names). */
function isTitle(word: string): boolean {
  if (!isTitleWord(word)) return false;
  return !isAcronym(word) || !abbreviations().has(`${word.toLowerCase()}.`);
}

function isRole(word: string, pack: LanguagePack): boolean {
  return isTitle(word) || isCompoundNoun(word, pack);
}

/** "Jan 28", "28 Jan", "Sept. 3": a month's abbreviation beside a number. */
function isMonthAbbreviation(tokens: readonly Word[], index: number): boolean {
  const lower = (tokens[index]?.text ?? '').toLowerCase();
  if (lower.length < 3 || !monthPrefixes().has(lower) || months().has(lower)) return false;
  return DIGIT_FIRST().test(tokens[index + 1]?.text ?? '') || DIGIT_FIRST().test(tokens[index - 1]?.text ?? '');
}

/**
 * A German genitive of a name the article uses: "Höckes" beside "Höcke", "Russlands". It ends a run ("Thomas
 * Haldenwang Höckes AfD" is three names) as a possessive does in English.
 */
function isGenitive(word: string, evidence: Evidence): boolean {
  if (!evidence.pack.capitalisesNouns || !LOWER_PLURAL().test(word)) return false;
  const base = word.slice(0, -1);
  return isKnownPlace(base) || (evidence.capitalisedInside.has(foldAccents(base)) && !isNoun(base, evidence));
}

/** A token that can be part of a name: capitalised, not shouted and no month's abbreviation. */
function usable(tokens: readonly Word[], index: number, shouted: ReadonlySet<number>): boolean {
  const token = tokens[index];
  return token !== undefined && isCapitalised(token) && !shouted.has(index) && !isMonthAbbreviation(tokens, index);
}

/** Maximal runs of capitalised words separated by spaces only, across lower-case name particles. */
function runs(sentence: string, tokens: readonly Word[], sentenceIndex: number, evidence: Evidence): Run[] {
  const { pack } = evidence;
  const found: Run[] = [];
  const shouted = shoutedWords(sentence, tokens, evidence);
  let index = 0;
  while (index < tokens.length) {
    const first = tokens[index];
    if (!first || !usable(tokens, index, shouted)) {
      index += 1;
      continue;
    }
    const words = [first.text];
    const joins: { at: number; particles: number }[] = [];
    let last = index;
    for (;;) {
      const current = tokens[last]?.text ?? '';
      // "Taiwan's Central Weather Administration", "Nasa's Perseverance": a possessive ends the name.
      if (endsPossessive(current) || isGenitive(current, evidence)) break;
      const next = tokens[last + 1];
      // "St James’ Park": a possessive apostrophe after an s, where a genitive is no German "Scholz’ Rede". The gap
      // is sliced out only after an s.
      const gap = !pack.capitalisesNouns && current.endsWith('s') ? sentence.slice(tokens[last]?.end, next?.start) : '';
      // Most words end in no s: no gap, and no pattern to run on it.
      const possessive = gap !== '' && /^['’]\s+$/u.test(gap);
      if (next && usable(tokens, last + 1, shouted) && (spaced(sentence, tokens, last + 1) || possessive)) {
        // After an initial only more of the name: "Adam A. Hij" is a name and a sentence.
        if (isInitialLetter(current) && evidence.stopwords.has(next.text.toLowerCase())) break;
        if (isGenitive(next.text, evidence)) break;
        if (possessive) words[words.length - 1] = `${current}${gap.trim()}`;
        words.push(next.text);
        last += 1;
        continue;
      }
      let probe = last + 1;
      // Most runs have no particle after them: a list only when one follows.
      let particles: string[] | undefined;
      while (
        (particles?.length ?? 0) < 3 &&
        nameParticles().has(tokens[probe]?.text ?? '') &&
        spaced(sentence, tokens, probe)
      ) {
        particles ??= [];
        particles.push(tokens[probe]?.text ?? '');
        probe += 1;
      }
      const after = tokens[probe];
      if (
        particles !== undefined &&
        after &&
        usable(tokens, probe, shouted) &&
        spaced(sentence, tokens, probe) &&
        isGivenName(words, joins.length, evidence) &&
        isSurname(after.text, particles, evidence)
      ) {
        joins.push({ at: words.length, particles: particles.length });
        words.push(...particles, after.text);
        last = probe;
        continue;
      }
      break;
    }
    const previous = tokens[index - 1];
    const before = sentence.slice(previous?.end ?? 0, first.start);
    const following = sentence.slice(tokens[last]?.end ?? sentence.length, tokens[last + 1]?.start ?? sentence.length);
    // Most runs follow a single space, which opens no quotation: no regular expression for those.
    const spaceBefore = before === ' ';
    found.push({
      words,
      initial: isInitial(sentence, tokens, index),
      position: sentenceIndex * 1000 + index,
      afterTitle: previous !== undefined && isRole(previous.text, pack),
      quoted: !spaceBefore && /["“„«‘]\s*$/u.test(before) && /^\s*["”“«»‘’]/u.test(following),
      article:
        previous !== undefined &&
        (spaceBefore || /^\s+$/u.test(before)) &&
        determiners().has(previous.text.toLowerCase()),
      joins,
    });
    index = last + 1;
  }
  return found;
}

/**
 * The words before particles are a given name: one word, perhaps with initials, after any role ("Eberhard" of
 * "Eberhard van der Laan", "Peter R." of "Peter R. de Vries"), never a full name ("Hugo de Jonge van
 * Volkshuisvesting") and never a word the article uses as a common one ("Fans van PSV", "Trennung von Nagelsmann").
 */
function isGivenName(words: readonly string[], joins: number, evidence: Evidence): boolean {
  if (joins > 0) return false;
  const { pack } = evidence;
  let start = words.findLastIndex((word) => isRole(word, pack)) + 1;
  // "Van der Laan" at a sentence start: a capitalised particle opens the surname.
  if (words.length - start === 2 && nameParticles().has((words[start] ?? '').toLowerCase())) return true;
  while (start < words.length && isInitialLetter(words[start] ?? '')) start += 1;
  const given = words[start] ?? '';
  if (start >= words.length || words.slice(start + 1).some((word) => !isInitialLetter(word))) return false;
  return (
    !isAcronym(given) &&
    !isKnownPlace(given) &&
    !evidence.lowercase.has(given.toLowerCase()) &&
    !isNoun(given, evidence)
  );
}

/**
 * The word after particles is a surname: no acronym ("van PSV"), and where nouns are capitalised, particles that
 * open a surname ("von der Leyen", never "Prozent der Kosten" or "Arm zum Hitlergruß") before a word that is no noun.
 */
function isSurname(word: string, particles: readonly string[], evidence: Evidence): boolean {
  if (isAcronym(word)) return false;
  const { pack } = evidence;
  if (!pack.capitalisesNouns) return true;
  return (
    pack.nameParticleOpeners.has(particles[0] ?? '') &&
    particles.every((particle) => pack.nameParticles.has(particle)) &&
    !evidence.standaloneNouns.has(word) &&
    !isNoun(word, evidence)
  );
}

/** German: a word the article uses as a noun, after an article ("der Trennung", "eine ganze Reihe"). */
function isNoun(word: string, evidence: Evidence): boolean {
  return evidence.nouns.has(foldAccents(word));
}

/**
 * "Moskou de Krim" is two names when "Moskou" also stands alone in the article; "Eberhard van der Laan",
 * whose "Eberhard" never does, is one.
 */
function splitJoins(run: Run, alone: ReadonlySet<string>): Mention[] {
  const mentions: Mention[] = [];
  let start = 0;
  let initial = run.initial;
  for (const join of run.joins) {
    if (alone.has(key(run.words.slice(start, join.at)))) {
      mentions.push({ ...run, words: run.words.slice(start, join.at), initial });
      start = join.at + join.particles;
      initial = false;
    }
  }
  mentions.push({ ...run, words: run.words.slice(start), initial, position: run.position + start });
  return mentions;
}

/**
 * Titles, roles, determiners and calendar words off the edges; a run with a title inside is split at it.
 * `alone` holds the runs the article writes on their own, which a name before a title must be one of.
 */
function clean(mention: Mention, evidence: Evidence, alone: ReadonlySet<string>): Mention[] {
  const { pack, stopwords, lowercase, capitalisedInside } = evidence;
  // Most mentions have no possessive to strip: their own words then, which nothing below changes in place.
  let words: readonly string[] = mention.words.some(endsPossessive)
    ? mention.words.map(stripPossessive)
    : mention.words;
  let initial = mention.initial;
  let afterTitle = mention.afterTitle;
  // "the Premier League", "de Champions League": in a language that writes nouns in lower case, a title after an
  // article belongs to a name, as a title before a name has no article ("President Biden").
  let titleKept = mention.article && !pack.capitalisesNouns;
  while (words.length > 0) {
    const first = words[0] ?? '';
    if ((initial && isFunctionWord(first, stopwords)) || isCalendarWord(first)) {
      words = words.slice(1);
      initial = false;
    } else if (!startsUpper(first) || isLowerCompound(first)) {
      words = words.slice(1);
    } else if (isRole(first, pack) && !(titleKept && words.length > 1)) {
      words = words.slice(1);
      initial = false;
      afterTitle = true;
    } else {
      break;
    }
    titleKept = false;
  }
  // Trailing calendar words and adjectives: "Westen Russische (troepen)", "Ende Januar".
  while (words.length > 0 && (isCalendarWord(words.at(-1) ?? '') || isNationality(words.at(-1) ?? '', evidence))) {
    words = words.slice(0, -1);
    while (words.length > 0 && !startsUpper(words.at(-1) ?? '')) words = words.slice(0, -1);
  }
  if (pack.capitalisesNouns) {
    // German capitalises nouns: "Milliarden Euro", "Angaben" are no names.
    while (words.length > 0 && stopwords.has((words[0] ?? '').toLowerCase())) words = words.slice(1);
    while (words.length > 0 && stopwords.has((words.at(-1) ?? '').toLowerCase())) words = words.slice(0, -1);
  }
  // "Luchtvaartmaatschappij KLM" at a sentence start: a first word that is a common word elsewhere, or a long
  // compound noun, and never capitalised inside a sentence, is no part of the name.
  const opener = words[0] ?? '';
  // Asked only of a first word of several at a sentence start.
  const common = () => lowercase.has(opener.toLowerCase()) || (opener.length >= 10 && pack.longOpenerIsNoun);
  if (
    initial &&
    words.length > 1 &&
    common() &&
    !capitalisedInside.has(foldAccents(opener)) &&
    !isPlaceOrAcronym(opener)
  ) {
    words = words.slice(1);
    initial = false;
    while (words.length > 0 && !startsUpper(words[0] ?? '')) words = words.slice(1);
  }
  const titleAt = words.findLastIndex((word, index) => isRole(word, pack) && (index > 0 || !titleKept));
  if (titleAt >= 0) {
    // "Israeli Prime (Minister)", "Union Home (Minister)": words before a title that the article also writes in
    // lower case, or adjectives of nationality, belong to the title; what is left is a name only where the
    // article writes it alone too, or it is a place or an acronym ("US-Präsident", "BJP President").
    let before = words.slice(0, titleAt);
    while (before.length > 0 && isModifier(before.at(-1) ?? '', evidence)) before = before.slice(0, -1);
    while (before.length > 0 && isNationality(before[0] ?? '', evidence)) before = before.slice(1);
    const parts: Mention[] = [];
    if (alone.has(key(before)) || (before.length === 1 && isPlaceOrAcronym(before[0] ?? ''))) {
      parts.push(...clean({ ...mention, words: before, initial }, evidence, alone));
    }
    const after = words.slice(titleAt + 1);
    if (after.length > 0) {
      parts.push(...clean({ ...mention, words: after, initial: false, afterTitle: true }, evidence, alone));
    }
    return parts;
  }
  if (words.length === 0) return [];
  if (words.length === 1 && isNationality(words[0] ?? '', evidence)) return [];
  // A genitive of a known place is the place: "Russlands Präsident", "Ruslands leger"; in German of any name.
  const only = words[0] ?? '';
  if (
    words.length === 1 &&
    !isKnownPlace(only) &&
    (isKnownPlace(only.endsWith('s') ? only.slice(0, -1) : only) || isGenitive(only, evidence))
  ) {
    words = [only.slice(0, -1)];
  }
  return [{ ...mention, words, initial, afterTitle }];
}

/** A stopword, determiner or word that is never a name, whatever its case: "De", "the", "Maar". */
function isFunctionWord(word: string, stopwords: ReadonlySet<string>): boolean {
  const lower = word.toLowerCase();
  return stopwords.has(lower) || determiners().has(lower) || neverEntities().has(lower);
}

/** A word before a title that goes with it: written in lower case elsewhere ("home minister"), or a nationality. */
function isModifier(word: string, evidence: Evidence): boolean {
  return evidence.lowercase.has(word.toLowerCase()) || isNationality(word, evidence);
}

/** Remembered by word: asked of the edges of every mention and of every tally's words. */
const isPlaceOrAcronym: (word: string) => boolean = cachedByText(
  (word) => isAcronym(word) || isCodeName(word) || isKnownPlace(word) || isKnownPlace(word.replace(/s$/u, '')),
);

/**
 * A common word before a name is no part of it when the rest is a name by itself: written alone elsewhere, a place
 * or an acronym, with an initial, or in German words none of which is a noun. "Hauptstadt Kiew", "Erzrivalen
 * Borussia Dortmund", "Portuguese Jota". And a surname the article uses alone, before a capitalised word that is
 * no name, is the surname: "Scholz Rede (und Antwort)".
 */
function appositives(mentions: readonly Mention[], evidence: Evidence, alone: ReadonlySet<string>): Mention[] {
  const { pack } = evidence;
  const counts = new Map<string, number>();
  // Each mention's key, made once: it is asked for twice here.
  const keys = mentions.map((mention) => key(mention.words));
  for (const folded of keys) counts.set(folded, (counts.get(folded) ?? 0) + 1);
  const surnames = new Set(mentions.filter((mention) => mention.words.length > 1).map((m) => key(m.words.slice(-1))));
  // A loop that pushes, and the remainder made only where it is kept: every mention passes here.
  const result: Mention[] = [];
  const remainderOf = (mention: Mention, rest: readonly string[]): Mention => ({
    ...mention,
    words: rest,
    initial: false,
    position: mention.position + 1,
  });
  for (let index = 0; index < mentions.length; index += 1) {
    const mention = mentions[index] as Mention;
    if (mention.words.length <= 1) {
      result.push(mention);
      continue;
    }
    const [first = '', ...rest] = mention.words;
    const once = counts.get(keys[index] ?? '') === 1;
    if (
      once &&
      rest.length === 1 &&
      surnames.has(key([first])) &&
      !isPlaceOrAcronym(rest[0] ?? '') &&
      !alone.has(key(rest))
    ) {
      result.push({ ...mention, words: [first] }, remainderOf(mention, rest));
      continue;
    }
    // "(his maiden) Wimbledon Title": a name the article writes alone, then a word it also writes in lower case.
    const head = mention.words.slice(0, -1);
    const tail = mention.words.at(-1) ?? '';
    if (!pack.capitalisesNouns && alone.has(key(head)) && evidence.lowercase.has(tail.toLowerCase())) {
      // "the Kenyan Government": an adjective of nationality before a common word is no name at all.
      if (!(head.length === 1 && isNationality(first, evidence))) result.push({ ...mention, words: head });
      continue;
    }
    // German: "die Frankfurter Börse" is one name, "der Erfurter Politiker Möller" a title (split above) and a name.
    const nationality = isNationality(first, evidence) && (!pack.capitalisesNouns || rest.length > 1);
    const common =
      nationality || isNoun(first, evidence) || (!mention.initial && evidence.lowercase.has(first.toLowerCase()));
    const restIsName =
      alone.has(key(rest)) ||
      (!nationality && alone.has(key(rest.slice(-1)))) ||
      isPlaceOrAcronym(rest[0] ?? '') ||
      rest.some(isInitialLetter) ||
      (pack.capitalisesNouns && rest.length > 1 && !rest.some((word) => isNoun(word, evidence)));
    result.push(common && restIsName ? remainderOf(mention, rest) : mention);
  }
  return result;
}

interface Tally {
  name: string;
  count: number;
  position: number;
  inLead: boolean;
  short?: string;
  surfaces: Map<string, number>;
  multiword: boolean;
  afterTitle: boolean;
  quoted: boolean;
  initialOnly: boolean;
}

function rank(mentions: readonly Mention[], evidence: Evidence): Entity[] {
  const { stopwords, capitalisedInside } = evidence;
  const tallies = new Map<string, Tally>();
  for (const mention of mentions) {
    const name = mention.words.join(' ');
    // key(mention.words), from the name just joined.
    const folded = foldAccents(name);
    const single = mention.words.length === 1;
    if (single) {
      const word = mention.words[0] ?? '';
      const lower = word.toLowerCase();
      if (!isAcronym(word) && (stopwords.has(lower) || neverEntities().has(lower) || word.length < 2)) continue;
      if (mention.initial && !capitalisedInside.has(folded) && !isPlaceOrAcronym(word)) continue;
    }
    const tally = tallies.get(folded) ?? {
      name,
      count: 0,
      position: mention.position,
      inLead: false,
      surfaces: new Map<string, number>(),
      multiword: !single,
      afterTitle: false,
      quoted: false,
      initialOnly: true,
    };
    tally.count += 1;
    tally.position = Math.min(tally.position, mention.position);
    tally.inLead ||= mention.position < 1000;
    tally.afterTitle ||= mention.afterTitle;
    tally.quoted ||= mention.quoted;
    tally.initialOnly &&= mention.initial;
    tally.surfaces.set(name, (tally.surfaces.get(name) ?? 0) + 1);
    tallies.set(folded, tally);
  }
  // A name that ends exactly one longer name is that name: "Biden" is "Joe Biden", "Van der Laan" is
  // "Eberhard van der Laan", and "Poetins" is "Vladimir Poetin" too.
  const wordCounts = new Map([...tallies.keys()].map((name) => [name, spaces(name) + 1]));
  const byLength = [...tallies.entries()].sort(([a], [b]) => (wordCounts.get(a) ?? 0) - (wordCounts.get(b) ?? 0));
  const endings = namesByEnding(tallies.keys());
  for (const [folded, tally] of byLength) {
    const base = folded.endsWith('s') ? folded.slice(0, -1) : folded;
    // The names still tallied that end in ` ${folded}` (or, for one word, in ` ${base}`), from the index.
    const ending = endings.get(folded);
    const baseEnding = tally.multiword ? undefined : endings.get(base);
    let owner: Tally | undefined;
    if (ending || baseEnding) {
      const owners = new Set(ending);
      for (const name of baseEnding ?? []) owners.add(name);
      for (const name of owners) if (name === folded || !tallies.has(name)) owners.delete(name);
      owner = owners.size === 1 ? tallies.get([...owners][0] ?? '') : undefined;
    }
    const possessiveOf = !tally.multiword && folded !== base ? tallies.get(base) : undefined;
    // "Rotterdam" alone is the city, not a short form of "Leefbaar Rotterdam": a known place keeps its own name.
    if (owner && !tally.multiword && isKnownPlace(tally.name) && !possessiveOf) continue;
    const target = owner ?? possessiveOf;
    if (!target) continue;
    target.count += tally.count;
    target.position = Math.min(target.position, tally.position);
    target.inLead ||= tally.inLead;
    target.afterTitle ||= tally.afterTitle;
    target.quoted ||= tally.quoted;
    if (owner && foldAccents(owner.name).endsWith(` ${folded}`)) target.short ??= mostFrequent(tally.surfaces);
    tallies.delete(folded);
  }
  const kept = [...tallies.values()].filter((tally) => isName(tally, evidence));
  return kept
    .sort(
      (a, b) =>
        salience(b) - salience(a) || a.position - b.position || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    )
    .slice(0, MAX_ENTITIES)
    .map((tally) => ({
      name: mostFrequent(tally.surfaces),
      count: tally.count,
      ...(tally.short !== undefined && { short: tally.short }),
    }));
}

/** The spaces of a name, counted without splitting it into words. */
function spaces(name: string): number {
  let count = 0;
  for (let space = name.indexOf(' '); space >= 0; space = name.indexOf(' ', space + 1)) count += 1;
  return count;
}

/** Each ending of the names after one of their spaces ("biden" of "joe biden"), with the names that end so. */
function namesByEnding(names: Iterable<string>): Map<string, string[]> {
  const endings = new Map<string, string[]>();
  for (const name of names) {
    for (let space = name.indexOf(' '); space >= 0; space = name.indexOf(' ', space + 1)) {
      const ending = name.slice(space + 1);
      const owners = endings.get(ending);
      if (owners) owners.push(name);
      else endings.set(ending, [name]);
    }
  }
  return endings;
}

/**
 * Whether the article's evidence makes a tally a name. A single word the article also writes in lower case is a
 * common one ("the Opposition", "House"). German capitalises every noun: a name there needs a known place, an
 * acronym, an organisation's ending, a title before it, a quotation of its own, an initial, or the shape of a
 * person's name, words none of which the article uses as a noun.
 */
function isName(tally: Tally, evidence: Evidence): boolean {
  const { pack } = evidence;
  const words = tally.name.split(' ');
  if (!tally.multiword && isPlaceOrAcronym(tally.name)) return true;
  if (!pack.capitalisesNouns) return true;
  if (words.some(isPlaceOrAcronym) || words.some(isInitialLetter) || tally.quoted) return true;
  if (words.some((word) => isOrganisation(word, pack))) return tally.multiword;
  // "die Deutsche Bahn": an adjective written with a capital inside a sentence belongs to a name.
  if (tally.multiword && !tally.initialOnly && (pack.adjectiveSuffix?.test(words[0]?.toLowerCase() ?? '') ?? false)) {
    return true;
  }
  if (words.some((word) => isNoun(word, evidence))) return false;
  return tally.multiword ? !tally.initialOnly || tally.afterTitle : tally.afterTitle;
}

/** "Amt", "Landgericht", "Nachrichtenagentur": the head noun of an organisation's name. */
function isOrganisation(word: string, pack: LanguagePack): boolean {
  const lower = word.toLowerCase();
  for (const suffix of pack.organisationSuffixes) if (lower.endsWith(suffix)) return true;
  return false;
}

function salience(tally: Tally): number {
  return tally.count + (tally.inLead ? 1.5 : 0);
}

function mostFrequent(surfaces: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [surface, count] of surfaces) {
    if (count > bestCount || (count === bestCount && surface.length > best.length)) {
      best = surface;
      bestCount = count;
    }
  }
  return best;
}
