import { type Entity, isDayWord, isDemonym, isKnownPlace, isPlace, isTitleWord } from './entities';
import { hasPack, type LanguagePack, PACKS, packFor, unionOf } from './lang';
import { lazy, lazyPattern, unicode, unicodeGlobal } from './lazy';
import { capitalizeFirst, foldAccents, stripPossessive } from './text';

/**
 * A headline compressed from the lead sentence, by deletion only, so that every word is the article's own:
 * dateline, parentheticals, asides, attributions, time adverbials and appositions go, a name with its title
 * becomes the surname the article itself uses, and the leading article and a "to be" auxiliary drop out as
 * in headline style. "Het gesprek tussen de Amerikaanse president Joe Biden en zijn Russische evenknie
 * Vladimir Poetin is dinsdag rond iets na 18 uur Belgische tijd afgelopen." becomes
 * "Gesprek tussen Biden en Poetin afgelopen".
 */
// 110 characters: the longest headline Google's structured-data guidelines for `Article` recommend, so a feed or
// search result shows it whole. Uncapped, 342 of 711 headlines made from real dev pages ran past 90 characters and
// 214 past 110, so 90 cut half of them; on four sets of those pages 110 scored 0.00-0.013 higher ROUGE-1 against
// the page's own title than 90.
export const HEADLINE_MAX_CHARS = 110;
/** Past this length a headline drops its articles, as headline style does ("Werkgevers noemen staking …"). */
const ARTICLE_DROP_CHARS = 90;
const MIN_WORDS = 3;

interface Chunk {
  /** The chunk as written, punctuation included. */
  readonly raw: string;
  /** Its letters and digits, without surrounding punctuation. */
  readonly core: string;
  /** The core in lower case with a typographic apostrophe as a plain one, as word lists are compared with. */
  readonly lower: string;
  /** The core without a possessive 's and folded without accents, as a name's words are compared with. */
  readonly nameKey: string;
}

// The words of time phrases, asides and attributions in every language: a lead may quote or name in another
// language than the article's. Each union is made on first use: made at init, they built every pack.
const RELATIVE_DAYS = lazy(() => unionOf('relativeDays'));
const DAY_PREPOSITIONS = lazy(() => unionOf('dayPrepositions'));
const DAY_PARTS = lazy(() => unionOf('dayParts'));
const DAY_FOLLOWERS = lazy(() => unionOf('dayFollowers'));
const LIMIT_PREPOSITIONS = lazy(() => unionOf('limitPrepositions'));
const PERIOD_UNITS = lazy(() => unionOf('periodUnits'));
const CLOCK_UNITS = lazy(() => unionOf('clockUnits'));
const CLOCK_PREPOSITIONS = lazy(() => unionOf('clockPrepositions'));
const CLOCK_ZONES = lazy(() => unionOf('clockZones'));
const DURATION_UNITS = lazy(() => unionOf('durationUnits'));
const DURATION_PREPOSITIONS = lazy(() => unionOf('durationPrepositions'));
const DURATION_SUFFIXES = lazy(() => unionOf('durationSuffixes'));
/** "de komende vier jaar", "the next two years", "die kommenden fünf Jahre": a span, with years too. */
const SPAN_OPENERS = lazy(() => unionOf('spanOpeners'));
const SPAN_UNITS = lazy(() => unionOf('spanUnits'));
const NUMBER_WORDS = lazy(() => unionOf('numberWords'));
const ORDINALS = lazy(() => unionOf('ordinals'));
const ORDINAL_SUFFIXES = lazy(() => unionOf('ordinalSuffixes'));
const REPETITION_NOUNS = lazy(() => unionOf('repetitionNouns'));
const REPETITION_PREPOSITIONS = lazy(() => unionOf('repetitionPrepositions'));
const REPETITION_SPAN_PREPOSITIONS = lazy(() => unionOf('repetitionSpanPrepositions'));
const REPETITION_SPAN_UNITS = lazy(() => unionOf('repetitionSpanUnits'));
const ATTRIBUTION_OPENERS = lazy(() => unionOf('attributionOpeners'));
const REPORTING_VERBS = lazy(() => unionOf('reportingVerbs'));
const RELATIVE_PRONOUNS = lazy(() => unionOf('relativePronouns'));
const BARE_RELATIVES = lazy(() => unionOf('bareRelatives'));
const SCENE_OPENERS = lazy(() => unionOf('sceneOpeners'));
const DETERMINERS = lazy(() => unionOf('determiners'));
const MONTHS = lazy(() => unionOf('months'));
const FUNCTION_WORDS = lazy(() => unionOf('functionWords'));
const PREPOSITIONS = lazy(() => unionOf('prepositions'));
const NAME_PARTICLES = lazy(() => unionOf('nameParticles'));
// Only where the participle closes the clause is its shape telling in a quotation from another language: English
// "-ed" and "-en" would take every Dutch plural ("mensen") for one.
const PARTICIPLES = lazy(() =>
  Object.values(PACKS).flatMap((pack) => (pack.participle && pack.finalVerb ? [pack.participle] : [])),
);

/** A list item's mark: •, ▪, ►, ■, ·. */
const BULLET = /^[•▪►▶■·]/u;

export interface HeadlineContext {
  readonly language: string;
  readonly entities: readonly Entity[];
  /** The article's sentences: where a word's use elsewhere tells its class (see shownAsNoun). */
  readonly sentences?: readonly string[];
}

/** Whether a sentence opens a scene or a hypothesis rather than the news: "If you had stood …", "Stel je voor …". */
export function isSceneOpener(sentence: string): boolean {
  // The first chunk only: the first run of characters between spaces.
  const first = /[^ ]+/u.exec(sentence)?.[0];
  return SCENE_OPENERS().has(lower(first === undefined ? undefined : toChunk(first)));
}

/**
 * The sentence a headline is made from: the first of the lead that states news, passing over a question,
 * a quotation or a scene-setting opener, and anything under four words.
 */
export function chooseLead(sentences: readonly string[]): string {
  const candidates = sentences.slice(0, 3);
  const news = candidates.find(
    (sentence) =>
      sentence.split(/\s+/).length >= 4 &&
      // "• Liverpool, Lancashire, …": an item of a list.
      !BULLET.test(sentence) &&
      !/\?["'’”»]?$/u.test(sentence) &&
      !/^["“„«‘']/u.test(sentence) &&
      !isSceneOpener(sentence),
  );
  return news ?? sentences.find((sentence) => sentence.split(/\s+/).length >= 4) ?? sentences[0] ?? '';
}

export function generateHeadline(sentence: string, context: HeadlineContext): string {
  const compressed = compress(sentence, context);
  if (compressed.split(/\s+/).length >= MIN_WORDS) return compressed;
  return fitLength(cleanSentence(sentence), context.language, context.entities);
}

/** The file's own title, as a headline: trimmed, without a final full stop. */
export function titleHeadline(title: string): string {
  return title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*\.$/u, '');
}

function compress(sentence: string, context: HeadlineContext): string {
  let chunks = toChunks(cleanSentence(sentence));
  chunks = dropAttribution(chunks);
  // Time phrases first: "Mercredi 10 août, dans la soirée, la situation …" is a fronted adverbial, not an aside.
  chunks = dropTimeAdverbials(chunks, context.language);
  chunks = dropCommaAsides(chunks, context.language);
  chunks = dropRelativeClause(chunks);
  chunks = dropRepetition(chunks);
  chunks = reduceNames(chunks, context);
  chunks = dropExpletive(chunks, context.language);
  chunks = dropLeadingArticle(chunks, context);
  chunks = dropAuxiliary(chunks, context.language);
  if (length(chunks) > ARTICLE_DROP_CHARS) chunks = dropArticles(chunks, context);
  return fitLength(chunks.map((chunk) => chunk.raw).join(' '), context.language, context.entities);
}

/** Datelines, parentheticals and dash asides out; whitespace single. */
function cleanSentence(sentence: string): string {
  return stripTickerTime(
    sentence
      // "(oud)leerlingen", "(Noord)Hollandse": a bracket inside a word goes without the space before the word.
      .replace(unicodeGlobal`\([^()\s]*\)(?=\p{L})`, '')
      .replace(/\s*\([^()]*\)/gu, '')
      .replace(/\s*\[[^[\]]*\]/gu, '')
      // "AMSTERDAM -", "DEN HAAG (ANP) -", "WASHINGTON, Dec 7 -", "Brussel, 7 december –", "ENSCHEDE |"
      .replace(unicode`^\p{Lu}[\p{Lu}\s.'-]{1,30}(?:,[^–—-]{1,25})?\s+(?:[-–—]{1,2}|\|)\s+`, '')
      .replace(unicode`^\p{Lu}[\p{L}\s.'-]{1,30},\s*\d{1,2}\s+\p{L}+\.?(?:\s+\d{4})?\s*[-–—]\s+`, '')
      .replace(/\s+[–—]\s+[^–—]+\s+[–—]\s+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

const LEADING_TICKER_TIME = lazyPattern(String.raw`^\d{1,2}[:.]\d{2}\s+(?=(\p{Lu}\p{Ll}*))`, 'u');
const withoutTickerTime = (time: string, unit: string) => (CLOCK_UNITS().has(unit.toLowerCase()) ? time : '');

/** "23:27 Putin schenkt …" → "Putin schenkt …": a live ticker's time before its item, not a time the item is about. */
export function stripTickerTime(sentence: string): string {
  return sentence.replace(LEADING_TICKER_TIME(), withoutTickerTime);
}

function toChunks(text: string): Chunk[] {
  return text
    .split(' ')
    .filter((raw) => raw !== '')
    .map(toChunk);
}

function toChunk(raw: string): Chunk {
  const core = coreOf(raw);
  // Every step below compares chunks with word lists, most of them several times: folded once here. A chunk that a
  // step copies keeps its core, and so these.
  return { raw, core, lower: core.toLowerCase().replaceAll('’', "'"), nameKey: foldAccents(stripPossessive(core)) };
}

/** A word's letters and digits, without the punctuation around it: a chunk's core, for the steps that read words. */
function coreOf(word: string | undefined): string {
  return (word ?? '').replace(unicodeGlobal`^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$`, '');
}

/** A word's core in lower case, as the word lists of the steps that read words compare it. */
function bareWord(word: string | undefined): string {
  return coreOf(word).toLowerCase();
}

const lower = (chunk: Chunk | undefined) => (chunk ? chunk.lower : '');
const endsClause = (chunk: Chunk | undefined) => chunk !== undefined && /[,;:]["'’”]?$/u.test(chunk.raw);
const withoutTrailingComma = (chunk: Chunk): Chunk => ({ ...chunk, raw: chunk.raw.replace(/[,;:]$/u, '') });

/** "Volgens het ministerie, …" and "…, berichten de persagentschappen." go. */
function dropAttribution(chunks: Chunk[]): Chunk[] {
  let result = chunks;
  if (ATTRIBUTION_OPENERS().has(lower(result[0]))) {
    const comma = result.findIndex((chunk, index) => index < 10 && endsClause(chunk));
    if (comma > 0 && comma < result.length - MIN_WORDS) result = result.slice(comma + 1);
  }
  const lastComma = result.findLastIndex(endsClause);
  if (lastComma > 0 && result.length - lastComma - 1 <= 10) {
    const tail = result.slice(lastComma + 1);
    if (tail.some((chunk) => REPORTING_VERBS().has(lower(chunk)))) {
      result = [...result.slice(0, lastComma), withoutTrailingComma(result[lastComma] as Chunk)];
    }
  }
  return result;
}

/** ", het Oekraïense schiereiland," and ", die … ," between commas, and a relative clause at the end, go. */
function dropCommaAsides(chunks: Chunk[], language: string): Chunk[] {
  const { finalVerb, bareRelatives, determiners } = packFor(language);
  const verbSecond = finalVerb !== undefined;
  let result = chunks;
  for (let guard = 0; guard < 5; guard += 1) {
    // "Depuis une semaine, des incendies sévissent …": where the verb is not second, the comma after a fronted
    // adverbial opens the main clause, unless a relative clause follows it.
    const adverbialEnd = !verbSecond && PREPOSITIONS().has(lower(result[0])) ? result.findIndex(endsClause) : -1;
    const open = result.findIndex(
      (chunk, index) =>
        endsClause(chunk) &&
        (index !== adverbialEnd || RELATIVE_PRONOUNS().has(lower(result[index + 1]))) &&
        index < result.length - 1 &&
        (DETERMINERS().has(lower(result[index + 1])) ||
          RELATIVE_PRONOUNS().has(lower(result[index + 1])) ||
          isRoleApposition(result, index)),
    );
    if (open < 0) break;
    const close = result.findIndex((chunk, index) => index > open && endsClause(chunk));
    const end = close < 0 ? result.length - 1 : close;
    const opener = result[open + 1];
    // An aside at the very end only when it is relative: ", een ultrabeveiligde ruimte" may be the object.
    const isRelative = RELATIVE_PRONOUNS().has(lower(opener));
    // "hat angekündigt, die Warnstreiks … fortsetzen zu wollen": what a reporting verb introduces is the news.
    const reported = REPORTING_VERBS().has(lower(result[open]));
    // "…, une forte houle, qui impactera …, est annoncée": a noun phrase that a relative clause goes on to describe
    // is the clause's own subject or object, not an aside. Only by a pronoun that is no article too (not German or
    // Dutch "die", which opens the next noun phrase as often).
    const next = lower(result[close + 1]);
    const described = !isRelative && close >= 0 && bareRelatives.has(next) && !determiners.has(next);
    if (end - open > 14 || (close < 0 && !isRelative) || open === 0 || reported || described) break;
    const closeChunk = result[end];
    const keepPunctuation = close < 0 ? /[.!?]$/u.test(closeChunk?.raw ?? '') : false;
    const head = withoutTrailingComma(result[open] as Chunk);
    result = [
      ...result.slice(0, open),
      keepPunctuation ? { ...head, raw: `${head.raw}.` } : head,
      ...result.slice(end + 1),
    ];
  }
  return result;
}

/**
 * "Remco van Werkhoven, hoofdofficier van dienst bij de brandweer, blikt …": after a name, a lower-case noun phrase
 * closed by a comma before a lower-case word is the name's apposition (a list of names is capitalised throughout).
 */
function isRoleApposition(chunks: readonly Chunk[], comma: number): boolean {
  const name = chunks[comma];
  const opener = chunks[comma + 1];
  if (
    !name ||
    !opener ||
    !unicode`^\p{Lu}`.test(name.core) ||
    !unicode`^\p{Ll}`.test(opener.core) ||
    !/,$/u.test(name.raw)
  ) {
    return false;
  }
  if (FUNCTION_WORDS().has(opener.lower)) return false;
  // A person's name: two capitalised words, perhaps with a particle between ("Remco van Werkhoven"); one
  // capitalised word before a comma is as often an item of a list ("Inondations dans le Gard, record de …").
  const capitalised = (chunk: Chunk | undefined) => unicode`^\p{Lu}`.test(chunk?.core ?? '');
  const before = chunks[comma - 1];
  if (!capitalised(before) && !(NAME_PARTICLES().has(lower(before)) && capitalised(chunks[comma - 2]))) return false;
  const close = chunks.findIndex((chunk, index) => index > comma && endsClause(chunk));
  return close > comma + 1 && close - comma <= 10 && unicode`^\p{Ll}`.test(chunks[close + 1]?.core ?? '');
}

/** "Door de zware storm die dinsdag over Nederland trok, reden …": the relative clause up to its comma goes. */
function dropRelativeClause(chunks: Chunk[]): Chunk[] {
  const start = chunks.findIndex(
    (chunk, index) =>
      index > 0 &&
      BARE_RELATIVES().has(lower(chunk)) &&
      !endsClause(chunks[index - 1]) &&
      unicode`^\p{Ll}`.test(chunk.core),
  );
  if (start < 0) return chunks;
  const close = chunks.findIndex((chunk, index) => index >= start && endsClause(chunk));
  if (close < 0 || close - start > 10 || close === chunks.length - 1) return chunks;
  return [...chunks.slice(0, start), ...chunks.slice(close + 1)];
}

/** "voor de tweede keer in drie jaar", "for the second time", "zum zweiten Mal": how often is not the news. */
function dropRepetition(chunks: Chunk[]): Chunk[] {
  const at = chunks.findIndex(
    (chunk, index) =>
      REPETITION_NOUNS().has(lower(chunk)) &&
      (ORDINALS().has(lower(chunks[index - 1])) || isOrdinalNumber(chunks[index - 1]?.core ?? '')),
  );
  if (at < 1) return chunks;
  let start = at - 1;
  while (
    start > 0 &&
    at - start < 3 &&
    (DETERMINERS().has(lower(chunks[start - 1])) || REPETITION_PREPOSITIONS().has(lower(chunks[start - 1])))
  )
    start -= 1;
  let end = at;
  // "… in drie jaar", "… in three years", "… seit drei Jahren".
  if (
    REPETITION_SPAN_PREPOSITIONS().has(lower(chunks[end + 1])) &&
    isNumber(chunks[end + 2]) &&
    !endsClause(chunks[end])
  ) {
    if (REPETITION_SPAN_UNITS().has(lower(chunks[end + 3]))) end += 3;
  }
  if (end >= chunks.length - 1) return chunks;
  const drop = new Set<number>();
  markSpan(drop, start, end, chunks);
  return chunks.filter((_, index) => !drop.has(index));
}

/** "2e", "2nd": digits and an ordinal ending. */
function isOrdinalNumber(core: string): boolean {
  const ending = /^\d+(\D+)$/u.exec(core)?.[1];
  return ending !== undefined && ORDINAL_SUFFIXES().has(ending);
}

function isNumber(chunk: Chunk | undefined): boolean {
  if (!chunk) return false;
  return /^\d+(?:[.,]\d+)?$/u.test(chunk.core) || NUMBER_WORDS().has(lower(chunk));
}

/**
 * Day names, clock times and durations inside the clause: "dinsdag rond iets na 18 uur Belgische tijd". A
 * preposition left before one goes with it ("vanaf maandag", "für mehr als 24 Stunden", "tot en met
 * donderdag"), so that no preposition is left without its object; a duration after a determiner is a noun
 * phrase ("in de vier weken voorafgaand …") and stays.
 */
function dropTimeAdverbials(chunks: Chunk[], language: string): Chunk[] {
  const drop = new Set<number>();
  // The chunks as written: markSpan moves a dropped span's comma onto the chunk before it.
  const written = [...chunks];
  const { prepositions: governing, coordinators, dayPrepositions, periodPositions, periodLinks } = packFor(language);
  const atPosition = (word: string) => dayPrepositions.has(word) || periodPositions.has(word);
  // "aan het eind van de middag", "en fin de matinée", "by the end of this month": where the period's phrase starts at
  // `at`, the index of the position word before it and its link, or -1. Its own article and preposition ("aan het")
  // go with it by withPrepositions.
  const positionBefore = (at: number): number =>
    at >= 2 &&
    periodLinks.has(lower(chunks[at - 1])) &&
    periodPositions.has(lower(chunks[at - 2])) &&
    !endsClause(chunks[at - 1]) &&
    !endsClause(chunks[at - 2])
      ? at - 2
      : -1;
  const withPrepositions = (start: number) => {
    let from = start;
    for (;;) {
      const before = lower(chunks[from - 1]);
      if (from === 0 || endsClause(chunks[from - 1])) return from;
      // One preposition: a second before it governs something else ("om | voor eind deze maand … te regelen").
      if (governing.has(before) && !governing.has(lower(chunks[from]))) {
        from -= 1;
        continue;
      }
      // "depuis le 12 juillet", "seit dem 12. Juli": an article between the preposition and the date goes with both.
      // Not before a preposition: "…, in der am Abend ein Feuer …" is a relative pronoun's clause.
      if (
        DETERMINERS().has(before) &&
        !governing.has(lower(chunks[from])) &&
        !DAY_PREPOSITIONS().has(lower(chunks[from])) &&
        from >= 2 &&
        governing.has(lower(chunks[from - 2])) &&
        !endsClause(chunks[from - 2])
      ) {
        from -= 2;
        continue;
      }
      // "tot en met": a conjunction between two prepositions.
      if (coordinators.has(before) && governing.has(lower(chunks[from - 2])) && governing.has(lower(chunks[from]))) {
        from -= 1;
        continue;
      }
      return from;
    }
  };
  const midClause = (last: number) => {
    const after = chunks[last + 1];
    return after !== undefined && !endsClause(chunks[last]) && !/[.!?]$/u.test(chunks[last]?.raw ?? '');
  };
  // "At 4.25 p.m., a call …", "Am 3. März, …": a time phrase that opens the sentence and a comma closes is fronted,
  // not the complement a clause ends on ("… zijn om 18 uur").
  const fronted = (first: number, last: number) =>
    first === 0 && chunks[last + 1] !== undefined && /,["'’”]?$/u.test(chunks[last]?.raw ?? '');
  // "29 december", "10 août": a day's number and a month name from `at` on.
  const dateAt = (at: number) => isNumber(chunks[at]) && MONTHS().has(lower(chunks[at + 1]));
  // "… 2021": a date that ends at `last` takes the year after it, unless a comma closed it first.
  const throughYear = (last: number) =>
    !endsClause(chunks[last]) && /^\d{4}$/u.test(chunks[last + 1]?.core ?? '') ? last + 1 : last;
  chunks.forEach((chunk, index) => {
    const word = lower(chunk);
    // "this morning", "last night", "cette nuit", "am Abend": a part of the day after its determiner is a time phrase
    // as a day is ("… a house blaze in Burnley this morning"), and so is a week or a month ("afgelopen week").
    const before = lower(chunks[index - 1]);
    const partOrPeriod = DAY_PARTS().has(word) || PERIOD_UNITS().has(word);
    const demonstrative =
      DAY_PREPOSITIONS().has(before) && !endsClause(chunks[index - 1]) && !isDayWord(before) ? index - 1 : -1;
    // Only a position makes "de middag" or "la matinée" a time phrase: alone it is a noun phrase ("de week van de
    // vrijwilliger").
    const positioned = partOrPeriod
      ? Math.max(
          positionBefore(demonstrative >= 0 ? demonstrative : index),
          DETERMINERS().has(before) && !endsClause(chunks[index - 1]) ? positionBefore(index - 1) : -1,
        )
      : -1;
    if (partOrPeriod && (demonstrative >= 0 || positioned >= 0)) {
      // "earlier this month", "begin deze week", "voor eind deze maand": a word of the period's position goes with it.
      let start = positioned >= 0 ? positioned : demonstrative;
      while (start > 0 && atPosition(lower(chunks[start - 1])) && !endsClause(chunks[start - 1])) start -= 1;
      markSpan(drop, withPrepositions(start), index, chunks);
      return;
    }
    if (isDayWord(word) || RELATIVE_DAYS().has(word)) {
      let start = index;
      let end = index;
      while (start > 0 && DAY_PREPOSITIONS().has(lower(chunks[start - 1])) && !endsClause(chunks[start - 1]))
        start -= 1;
      // "… bis (mindestens) Samstag andauern", "… blijft tot en met zondag afgesloten", "… closed until Friday": a day
      // that bounds the state the clause ends on is news, and stays; one before the object ("kreeg tot en met
      // donderdag driehonderd klachten") only dates a count.
      const bounded =
        LIMIT_PREPOSITIONS().has(lower(chunks[start - 1])) || LIMIT_PREPOSITIONS().has(lower(chunks[start - 2]));
      const clauseEnd = chunks.findIndex((candidate, at) => at >= index && endsClause(candidate));
      const toEnd = (clauseEnd < 0 ? chunks.length - 1 : clauseEnd) - index;
      if (bounded && toEnd <= 2) return;
      if (DAY_PARTS().has(lower(chunks[index + 1])) && !endsClause(chunk)) end += 1;
      // "Mercredi 10 août", "vendredi dernier": a date or a word after the day is the same phrase; left behind, it
      // would stand alone ("ont procédé dernier").
      if (!endsClause(chunks[end]) && dateAt(end + 1)) end = throughYear(end + 2);
      if (!endsClause(chunks[end]) && DAY_FOLLOWERS().has(lower(chunks[end + 1]))) end += 1;
      // "Am Montag, den 27. März 2017, wird …": a date set off by commas after the day is the day's own apposition.
      if (/,$/u.test(chunks[end]?.raw ?? '')) {
        const at = DETERMINERS().has(lower(chunks[end + 1])) ? end + 2 : end + 1;
        const last = dateAt(at) ? throughYear(at + 1) : -1;
        if (last >= 0 && /,$/u.test(chunks[last]?.raw ?? '')) end = last;
      }
      markSpan(drop, withPrepositions(start), end, chunks);
      return;
    }
    // "29 december (2021)", "December 29": a date, with the preposition before it.
    const monthAfter = dateAt(index);
    const monthBefore = MONTHS().has(lower(chunk)) && /^\d{1,2}$/u.test(chunks[index + 1]?.core ?? '');
    if ((monthAfter && !endsClause(chunk)) || (monthBefore && !endsClause(chunk))) {
      const end = throughYear(index + 1);
      const from = withPrepositions(index);
      if (midClause(end) || fronted(from, end)) markSpan(drop, from, end, chunks);
      return;
    }
    if (isNumber(chunk) && SPAN_OPENERS().has(lower(chunks[index - 1])) && SPAN_UNITS().has(lower(chunks[index + 1]))) {
      let start = index - 1;
      if (DETERMINERS().has(lower(chunks[start - 1]))) start -= 1;
      if (midClause(index + 1)) markSpan(drop, start, index + 1, chunks);
      return;
    }
    const duration =
      isNumber(chunk) &&
      DURATION_UNITS().has(lower(chunks[index + 1])) &&
      !endsClause(chunk) &&
      // "twee uur" is a duration after "zo'n" or before "lang", a clock time otherwise ("na 18 uur").
      (!CLOCK_UNITS().has(lower(chunks[index + 1])) ||
        DURATION_PREPOSITIONS().has(lower(chunks[index - 1])) ||
        DURATION_SUFFIXES().has(lower(chunks[index + 2])));
    const clock =
      !duration &&
      (/^\d{1,2}[.:]\d{2}$/u.test(chunk.core) || (isNumber(chunk) && CLOCK_UNITS().has(lower(chunks[index + 1]))));
    if (!clock && !duration) return;
    const prepositions = clock ? CLOCK_PREPOSITIONS() : DURATION_PREPOSITIONS();
    let start = index;
    while (start > 0 && prepositions.has(lower(chunks[start - 1])) && !endsClause(chunks[start - 1])) start -= 1;
    // "de afgelopen twee weken", "the past two weeks": a span word before a duration makes it a time phrase, with
    // its article; left behind, "afgelopen" would stand alone ("hebben afgelopen onderdak gevonden").
    if (duration && SPAN_OPENERS().has(lower(chunks[start - 1])) && !endsClause(chunks[start - 1])) {
      start -= 1;
      if (DETERMINERS().has(lower(chunks[start - 1])) && !endsClause(chunks[start - 1])) start -= 1;
    } else if (duration && DETERMINERS().has(lower(chunks[start - 1]))) return;
    start = withPrepositions(start);
    let end = CLOCK_UNITS().has(lower(chunks[index + 1])) || duration ? index + 1 : index;
    // "vier uur lang", "two hours long".
    if (duration && !endsClause(chunks[end]) && DURATION_SUFFIXES().has(lower(chunks[end + 1]))) end += 1;
    while (clock && !endsClause(chunks[end]) && CLOCK_ZONES().has(lower(chunks[end + 1]))) end += 1;
    // "after almost an hour of talks", "drie weken van regen": a phrase after the duration may hang on it, and would be
    // left without its head ("ended of talks").
    if (duration && governing.has(lower(chunks[end + 1]))) return;
    if (midClause(end) || fronted(start, end)) markSpan(drop, start, end, chunks);
  });
  // "am Donnerstag und Freitag": a coordinator between two dropped time phrases goes with them.
  chunks.forEach((chunk, index) => {
    if (coordinators.has(lower(chunk)) && drop.has(index - 1) && drop.has(index + 1) && !endsClause(chunks[index - 1]))
      drop.add(index);
  });
  // "Encore ce jeudi matin, des centaines …": one word left before a dropped phrase that closed the sentence's first
  // clause belonged to that phrase.
  if (!drop.has(0) && !endsClause(written[0]) && drop.has(1)) {
    let end = 1;
    while (drop.has(end + 1)) end += 1;
    if (endsClause(written[end])) drop.add(0);
  }
  // "Gestern Morgen kam es auf der A6 …", "Dinsdagavond braken …": where the verb comes second, a time phrase that
  // opens the clause is its first part, and without it the clause would open on the verb, as a question does; with
  // commas too ("Am Montag, den 27. März 2017, wird …": the verb still follows the whole phrase).
  if (packFor(language).finalVerb && drop.has(0)) {
    let end = 0;
    while (drop.has(end + 1)) end += 1;
    for (let index = 0; index <= end; index += 1) drop.delete(index);
  }
  return chunks.filter((_, index) => !drop.has(index));
}

/** Marks a span for deletion; its trailing punctuation moves to the chunk before it. */
function markSpan(drop: Set<number>, start: number, end: number, chunks: Chunk[]): void {
  for (let index = start; index <= end; index += 1) drop.add(index);
  const trailing = unicode`[^\p{L}\p{N}]+$`.exec(chunks[end]?.raw ?? '')?.[0];
  const before = chunks[start - 1];
  if (trailing && before && start > 0 && !drop.has(start - 1)) {
    chunks[start - 1] = { ...before, raw: before.raw.replace(unicode`[^\p{L}\p{N}]*$`, trailing) };
  }
}

/** "de Amerikaanse president Joe Biden" → "Biden": title and determiner go, the surname the article uses stays. */
function reduceNames(chunks: Chunk[], context: HeadlineContext): Chunk[] {
  const functionWords = packFor(context.language).functionWords;
  const names = context.entities
    .map((entity) => ({ entity, nameWords: entity.name.split(/\s+/).map(foldAccents) }))
    .sort((a, b) => b.nameWords.length - a.nameWords.length);
  const result: Chunk[] = [];
  let index = 0;
  while (index < chunks.length) {
    const match = names.find(({ nameWords }) => matchesAt(chunks, index, nameWords));
    if (!match) {
      result.push(chunks[index] as Chunk);
      index += 1;
      continue;
    }
    const { entity, nameWords } = match;
    let start = result.length;
    const previous = result.at(-1);
    // Only a title before the name marks an apposition: "de gemeente Amsterdam" stays.
    if (previous && !endsClause(previous) && isTitleWord(previous.core)) {
      let determiner = -1;
      for (let probe = result.length - 1; probe >= 0 && result.length - probe <= 5; probe -= 1) {
        const chunk = result[probe] as Chunk;
        if (probe < result.length - 1 && endsClause(chunk)) break;
        if (DETERMINERS().has(lower(chunk))) {
          determiner = probe;
          break;
        }
        if (!isRoleWord(chunk, functionWords) && !isDemonym(chunk.core, context.language)) break;
      }
      if (determiner >= 0) {
        start = determiner;
      } else {
        start = result.length - 1;
        while (start > 0 && isNationality(result[start - 1] as Chunk, context.language)) start -= 1;
        // "Demissionair minister Robert Tieman", "Voormalig minister …": a lone word that opens the sentence before
        // the title modifies the title, and goes with it.
        // A function word there ("By boer Jehannes …", "At", "Bij") is the sentence's own, and stays.
        const opener = result[0] as Chunk;
        if (
          start === 1 &&
          !endsClause(opener) &&
          !functionWords.has(lower(opener)) &&
          !DETERMINERS().has(lower(opener))
        )
          start = 0;
      }
    }
    const last = chunks[index + nameWords.length - 1] as Chunk;
    const trailing = unicode`(?:['’]s)?[^\p{L}\p{N}]*$`.exec(last.raw)?.[0] ?? '';
    result.length = start;
    result.push(...toChunks(`${entity.short ?? entity.name}${trailing}`));
    index += nameWords.length;
  }
  return result;
}

/** "Russische", "Russian", and the genitives "Russlands", "Russia's" before a title. */
function isNationality(chunk: Chunk, language: string): boolean {
  if (isDemonym(chunk.core, language) || unicode`^(?:\p{Lu}\.){2,3}$`.test(chunk.raw)) return true;
  if (isPlace(chunk.core) && unicode`^\p{Lu}`.test(chunk.core)) return true;
  const genitive = chunk.raw.replace(/['’]s$|s$/u, '');
  return genitive !== chunk.raw && isPlace(genitive);
}

/** A lower-case noun before a name, or a title: "evenknie", "president", "President". */
function isRoleWord(chunk: Chunk, functionWords: ReadonlySet<string>): boolean {
  if (isTitleWord(chunk.core)) return true;
  return unicode`^\p{Ll}`.test(chunk.core) && !functionWords.has(lower(chunk)) && !DETERMINERS().has(lower(chunk));
}

function matchesAt(chunks: readonly Chunk[], index: number, nameWords: readonly string[]): boolean {
  if (index + nameWords.length > chunks.length) return false;
  return nameWords.every((word, offset) => {
    const chunk = chunks[index + offset] as Chunk;
    if (chunk.nameKey !== word) return false;
    // Punctuation may only follow the last word of the name.
    return offset === nameWords.length - 1 || !unicode`[^\p{L}\p{N}]$`.test(chunk.raw);
  });
}

/**
 * "Er zijn meerdere inzittenden gewond geraakt" → "Meerdere inzittenden gewond geraakt", "Es wurden drei Personen
 * verletzt" → "Drei Personen verletzt": an empty subject and its auxiliary go where the real subject follows them and
 * a participle closes the clause. Not before a preposition or a participle ("Er is voor gekozen", "Er is ingebroken"):
 * without a subject after them, the clause would open on what is no subject.
 */
function dropExpletive(chunks: Chunk[], language: string): Chunk[] {
  const { expletives, droppableAuxiliaries, prepositions, functionWords, negations } = packFor(language);
  const [expletive, auxiliary, subject] = chunks;
  if (!expletives.has(lower(expletive)) || !droppableAuxiliaries.has(lower(auxiliary)) || subject === undefined)
    return chunks;
  if (endsClause(expletive) || endsClause(auxiliary)) return chunks;
  const word = lower(subject);
  const opensSubject =
    !prepositions.has(word) &&
    !isParticipleIn(subject, language) &&
    (!functionWords.has(word) || DETERMINERS().has(word) || negations.has(word));
  if (!opensSubject) return chunks;
  const clauseEnd = chunks.findIndex((chunk, index) => index >= 2 && endsClause(chunk));
  const clause = chunks.slice(3, clauseEnd < 0 ? chunks.length : clauseEnd + 1);
  if (!clause.some((chunk) => isParticipleIn(chunk, language))) return chunks;
  return [{ ...subject, raw: capitalizeFirst(subject.raw) }, ...chunks.slice(3)];
}

/** "Het gesprek …" → "Gesprek …", unless the article is part of a name: "De Wever", "The Washington Post". */
function dropLeadingArticle(chunks: Chunk[], context: HeadlineContext): Chunk[] {
  const { leadingArticles: articles, functionWords, capitalisesNouns } = packFor(context.language);
  const first = chunks[0];
  if (!first || !articles.has(lower(first)) || chunks.length <= MIN_WORDS) return chunks;
  // "Het is …", "Die drei jungen Frauen …": a pronoun, or an article whose noun does not follow at once.
  const next = chunks[1];
  if (functionWords.has(lower(next)) || (capitalisesNouns && !unicode`^\p{Lu}`.test(next?.core ?? ''))) return chunks;
  // "Het blijft onduidelijk …", "Het hing in de lucht …": an article that is also a pronoun goes before a noun only.
  // A capital after it is a name or a noun ("Het KNMI", "Het Nederlands elftal"), never the verb, and so is a word
  // that an auxiliary follows ("Het kabinet heeft …").
  const { pronounArticles, finiteAuxiliaries } = packFor(context.language);
  if (
    pronounArticles.has(lower(first)) &&
    !unicode`^\p{Lu}`.test(next?.core ?? '') &&
    !finiteAuxiliaries.has(lower(chunks[2])) &&
    !shownAsNoun(lower(next), context)
  )
    return chunks;
  const startsName = context.entities.some((entity) => {
    const nameWords = entity.name.split(/\s+/).map(foldAccents);
    return matchesAt(chunks, 0, nameWords);
  });
  return startsName ? chunks : chunks.slice(1);
}

/**
 * Articles that Dutch and English headlines leave out when space is short: "de aangekondigde staking" →
 * "aangekondigde staking"; not a pronoun ("kwam het nog als een schok", "dat het blijft vriezen").
 */
function dropArticles(chunks: Chunk[], context: HeadlineContext): Chunk[] {
  const { spareArticles: articles, pronounArticles, functionWords } = packFor(context.language);
  return chunks.filter((chunk, index) => {
    const next = chunks[index + 1];
    if (!articles.has(chunk.raw) || !unicode`^\p{Ll}`.test(next?.core ?? '') || endsClause(chunk)) return true;
    if (functionWords.has(lower(next))) return true;
    return pronounArticles.has(chunk.lower) && !shownAsNoun(lower(next), context);
  });
}

/**
 * Whether the article shows `word` as a noun, where an article before it may also be a pronoun ("het"): it stands
 * elsewhere after a determiner that is no pronoun ("een gesprek", "dit gesprek"), or after such an article that
 * follows a preposition ("na het gesprek"), since a pronoun cannot follow a preposition there (Dutch makes it a
 * pronominal adverb: "erna", not "na het"). No evidence, no noun: keeping the word is the safe side.
 */
function shownAsNoun(word: string, context: HeadlineContext): boolean {
  if (word === '' || !context.sentences) return false;
  const { determiners, pronounArticles, relativePronouns, prepositions } = packFor(context.language);
  for (const sentence of context.sentences) {
    if (!sentence.toLowerCase().includes(word)) continue;
    const tokens = toChunks(sentence).map((chunk) => chunk.lower);
    for (let index = 1; index < tokens.length; index += 1) {
      if (tokens[index] !== word) continue;
      const before = tokens[index - 1] ?? '';
      if (determiners.has(before) && !pronounArticles.has(before) && !relativePronouns.has(before)) return true;
      if (pronounArticles.has(before) && prepositions.has(tokens[index - 2] ?? '')) return true;
    }
  }
  return false;
}

const length = (chunks: readonly Chunk[]) => chunks.map((chunk) => chunk.raw).join(' ').length;

/** A past participle closing the clause: afgelopen, gearresteerd, festgenommen, verloren. */
function isParticiple(word: string): boolean {
  return PARTICIPLES().some((participle) => participle.test(word));
}

/** A participle in the article's language too, where it does not close the clause ("charged", "blessé"). */
function isParticipleIn(chunk: Chunk | undefined, language: string): boolean {
  const word = lower(chunk);
  return isParticiple(word) || (packFor(language).participle?.test(word) ?? false);
}

/**
 * "Gesprek … is afgelopen" → "Gesprek … afgelopen", "A man has been charged …" → "Man charged …": headline style
 * leaves out "to be" before a participle, and the perfect's auxiliary before "been" (perfectAuxiliaries).
 */
function dropAuxiliary(chunks: Chunk[], language: string): Chunk[] {
  const {
    droppableAuxiliaries: auxiliaries,
    perfectAuxiliaries,
    functionWords,
    prepositions,
    coordinators,
    finiteAuxiliaries,
  } = packFor(language);
  if (auxiliaries.size === 0) return chunks;
  const clauseEnd = chunks.findIndex(endsClause);
  const last = clauseEnd < 0 ? chunks.length - 1 : clauseEnd;
  const auxiliary = chunks.findIndex((chunk, index) => index > 0 && index < last && auxiliaries.has(lower(chunk)));
  if (auxiliary < 0 || endsClause(chunks[auxiliary])) return chunks;
  // "Er is voor gekozen …", "Opnieuw is er …", "Woensdag werd de brandweer …": the auxiliary after a pronoun or
  // before its subject (verb-second order) carries the clause; only one after its subject goes.
  // "RIVM meldt dat het aantal … is opgelopen": an auxiliary inside a subordinate clause stays.
  if (chunks.slice(1, auxiliary).some((chunk) => RELATIVE_PRONOUNS().has(lower(chunk)))) return chunks;
  const pronounOrDeterminer = (chunk: Chunk | undefined) =>
    functionWords.has(lower(chunk)) && !prepositions.has(lower(chunk));
  // "has been charged": the perfect's auxiliary before "been" goes with it, and is no pronoun before it.
  const perfect = auxiliary > 1 && perfectAuxiliaries.has(lower(chunks[auxiliary - 1]));
  if ((!perfect && pronounOrDeterminer(chunks[auxiliary - 1])) || pronounOrDeterminer(chunks[auxiliary + 1]))
    return chunks;
  // "Op Schiphol zijn ruim 200 vluchten geschrapt vanwege de storm": a participle after it, in the same clause.
  if (!chunks.slice(auxiliary + 1, last + 1).some((chunk) => isParticipleIn(chunk, language))) return chunks;
  // "… sind Täter in ein Geschäft eingestiegen und haben Beute gemacht": a second verb joined to the clause by a
  // conjunction shares its subject, and the clause keeps its own verb as the second does.
  const rest = chunks.slice(auxiliary + 1, last + 1);
  const joined = rest.findIndex((chunk) => coordinators.has(lower(chunk)));
  const isVerb = (chunk: Chunk) => finiteAuxiliaries.has(lower(chunk)) || auxiliaries.has(lower(chunk));
  if (joined >= 0 && rest.slice(joined + 1).some(isVerb)) return chunks;
  return chunks.filter((_, index) => index !== auxiliary && !(perfect && index === auxiliary - 1));
}

/**
 * At most HEADLINE_MAX_CHARS: the first clause when the sentence is longer, else a cut at a word boundary;
 * never ending on a function word or on , : ; – and without a final full stop or ellipsis.
 */
function fitLength(text: string, language: string, entities: readonly Entity[]): string {
  let headline = tidy(text);
  let cutInside = false;
  // A sentence that kept its own full stop kept its own last word: "… en zorgt voor hen." ends on its object, which
  // only a cut or a deletion could have left dangling.
  const whole = headline.length <= HEADLINE_MAX_CHARS && /(?<![.…])[.!?]["'’”»]*$/u.test(headline);
  if (headline.length > HEADLINE_MAX_CHARS) ({ text: headline, cutInside } = shorten(headline, language, entities));
  // A headline in a language without a pack is trimmed of English function words. In a language that puts the
  // verb last, an auxiliary that closed the clause ("… Aktionstag werden") stays; one a cut left last does not.
  const pack = hasPack(language) ? PACKS[language] : PACKS.en;
  // Nor does a separable particle that closed the sentence ("… sloeg overal om"), which looks like a preposition;
  // one that a trimmed word leaves last ("… vorgelegt zu | haben") is a preposition.
  let trimmedAny = false;
  const closesClause = (word: string) =>
    pack.finalVerb !== undefined &&
    (pack.droppableAuxiliaries.has(word) || (!trimmedAny && pack.prepositions.has(word)));
  const dangling = (word: string) =>
    !(whole && !trimmedAny) && pack.functionWords.has(word) && (cutInside || !closesClause(word));
  for (;;) {
    const trimmed = headline.replace(/[\s.,:;–—\-…'"“”‘’„«»]+$/u, '');
    const lastWords = trimmed.split(' ');
    const lastWord = lastWords.at(-1) ?? '';
    const bare = lastWord.replace(unicode`^[^\p{L}\p{N}]+`, '').toLowerCase();
    // "… geregeld te hebben": an auxiliary after the infinitive's marker is the infinitive that closes the clause.
    const infinitive = !trimmedAny && pack.infinitiveMarkers.has(bareWord(lastWords.at(-2)));
    if (trimmed.includes(' ') && !infinitive && dangling(bare)) {
      headline = trimmed.slice(0, trimmed.length - lastWord.length);
      trimmedAny = true;
      continue;
    }
    // A quotation that closed the sentence keeps its closing mark ("… une fontaine « la douche »."): trimmed, the
    // opening one would lose its partner and go too.
    const closing = /^\s?[»”’"']+/u.exec(headline.slice(trimmed.length))?.[0] ?? '';
    headline = trimmed + closing;
    break;
  }
  return capitalizeFirst(balanceQuotes(headline, pack).replace(/\s{2,}/gu, ' '));
}

/**
 * A sentence over HEADLINE_MAX_CHARS made shorter: its first clause when that is long enough, else a cut at a
 * phrase boundary. "With just one day left, …", "Au stade de Lisbonne, …", "Depuis une semaine, …": a first
 * clause that opens with a preposition is a fronted adverbial, and the main clause after it is the headline.
 * Not where the verb comes second (Dutch, German, Frisian): there the first clause holds the verb ("Im Landkreis
 * Augsburg werden Orte evakuiert, …") and the rest would open on a conjunction or a verb.
 */
function shorten(
  headline: string,
  language: string,
  entities: readonly Entity[],
): { text: string; cutInside: boolean } {
  const pack = packFor(language);
  const clauses = headline.split(/(?<=[,;:])\s/u);
  const clause = (clauses[0] ?? headline).replace(/[,;:]$/u, '');
  const opener = (clause.split(' ')[0] ?? '').toLowerCase();
  const rest = clauses.slice(1).join(' ');
  // "…, Maui County said in a statement": a rest that is the attribution is no main clause.
  const attribution = rest
    .split(' ')
    .slice(0, 5)
    .some((word) => REPORTING_VERBS().has(word.toLowerCase()));
  const relative = RELATIVE_PRONOUNS().has((rest.split(' ')[0] ?? '').toLowerCase());
  if (!pack.finalVerb && pack.prepositions.has(opener) && rest.split(' ').length >= 4 && !attribution && !relative) {
    return rest.length > HEADLINE_MAX_CHARS ? shorten(rest, language, entities) : { text: rest, cutInside: false };
  }
  // "Het hing in de lucht, maar toch kwam het als een schok: Nederland gaat dicht, …": what a colon opens with a
  // capital is the statement that the words before it announce.
  const colon = unicode`:\s+(?=["'‘“„«]?\p{Lu})`.exec(headline);
  const statement = colon ? headline.slice(colon.index + colon[0].length) : '';
  if (statement.split(' ').length >= 4 && colon && colon.index >= clause.length) {
    return statement.length > HEADLINE_MAX_CHARS
      ? shorten(statement, language, entities)
      : { text: statement, cutInside: false };
  }
  // "Die Gewerkschaft Verdi hat angekündigt, …": a clause that ends on its reporting verb only frames the news.
  // "Four fire engines from Burnley, Clitheroe and Nelson were called …": a comma between two names before the
  // list's conjunction separates the list's items, not clauses.
  const frames = REPORTING_VERBS().has(bareWord(clause.split(' ').at(-1)));
  const restWords = rest.split(' ');
  const listOfNames =
    unicode`^\p{Lu}`.test(clause.split(' ').at(-1) ?? '') &&
    unicode`^\p{Lu}`.test(restWords[0] ?? '') &&
    pack.coordinators.has(bareWord(restWords[1])) &&
    unicode`^\p{Lu}`.test(restWords[2] ?? '');
  // "Alvorens de Vlaamse regering van start kan gaan, moet …": a first clause that a subordinator opens is the
  // main clause's adverbial, and says nothing alone.
  // Not a demonstrative before its verb ("Dat is de conclusie …").
  const subordinate = pack.subordinators.has(opener) && !pack.finiteAuxiliaries.has(bareWord(clause.split(' ')[1]));
  // "In een chique kamer op het stadhuis, met uitzicht op de Grote Markt, voert …": where the verb comes second, a
  // first clause that opens with a preposition and has no word of a verb's shape is the fronted phrase alone.
  const verbless =
    pack.finalVerb !== undefined &&
    pack.prepositions.has(opener) &&
    !clause
      .split(' ')
      .slice(1)
      .some((word) => isVerbShaped(word, pack));
  if (
    clause.length <= HEADLINE_MAX_CHARS &&
    clause.split(' ').length >= 4 &&
    !frames &&
    !listOfNames &&
    !subordinate &&
    !verbless
  )
    return { text: clause, cutInside: false };
  const withoutPhrases = dropPhrasesBeforeFinalVerb(headline, language, entities);
  if (withoutPhrases) return { text: withoutPhrases, cutInside: false };
  const withoutRelative = dropEmbeddedRelative(headline, language);
  if (withoutRelative) return { text: withoutRelative, cutInside: false };
  const withinInfinitive = dropPhrasesInInfinitive(headline, language);
  if (withinInfinitive) return { text: withinInfinitive, cutInside: false };
  return { text: cutAtPhrase(headline, language), cutInside: true };
}

/**
 * "De politie kijkt naar ons land om de dader van een misdrijf in Oudenbosch te kunnen identificeren": an infinitival
 * clause at the end puts its verb last, after its marker, and a cut at the length would take the verb and leave the
 * clause open. Its prepositional phrases go instead, the nearest to the verb first, until the sentence fits; the
 * clause keeps its first word after the opener (its object or its own first phrase) and its verbs. Undefined where the
 * sentence ends on no such clause, a comma falls inside it, or it will not fit.
 */
function dropPhrasesInInfinitive(headline: string, language: string): string | undefined {
  const pack = packFor(language);
  const { infinitiveOpeners, infinitiveMarkers, prepositions } = pack;
  if (infinitiveOpeners.size === 0) return undefined;
  const words = headline.replace(/[.!?]+$/u, '').split(' ');
  const bare = words.map(bareWord);
  const marker = bare.findLastIndex((word) => infinitiveMarkers.has(word));
  // The marker stands before the clause's last verbs: "te hebben", "te kunnen identificeren".
  if (marker < 0 || words.length - marker > 3) return undefined;
  const opener = bare.findLastIndex((word, index) => index < marker && infinitiveOpeners.has(word));
  if (opener <= 0 || words.slice(opener, -1).some((word) => /[,;:]$/u.test(word))) return undefined;
  // "… geregeld te hebben": a participle or infinitive just before the marker is the clause's verb too.
  const verbBefore = (index: number) => !prepositions.has(bare[index] ?? '') && isVerbShaped(words[index] ?? '', pack);
  let verb = marker;
  while (verb - 1 > opener + 1 && verbBefore(verb - 1)) verb -= 1;
  let kept = words;
  for (let from = verb - 1; from > opener + 1; from -= 1) {
    if (!prepositions.has(bare[from] ?? '')) continue;
    kept = [...words.slice(0, from), ...words.slice(verb)];
    if (kept.join(' ').length <= HEADLINE_MAX_CHARS) return kept.length >= MIN_WORDS ? kept.join(' ') : undefined;
  }
  return undefined;
}

/**
 * Whether a word as written may be a verb by the pack's words and shapes: an auxiliary, or a lower-case word of a final
 * verb's or a participle's shape. Loose on purpose (Dutch nouns in -en have the shape): what it rules out has no verb.
 */
function isVerbShaped(word: string, pack: LanguagePack): boolean {
  const bare = bareWord(word);
  if (pack.finiteAuxiliaries.has(bare) || pack.droppableAuxiliaries.has(bare)) return true;
  if (!unicode`^\p{Ll}`.test(coreOf(word))) return false;
  return (pack.finalVerb?.test(bare) ?? false) || (pack.participle?.test(bare) ?? false);
}

/** A subject's relative clause starts this early in the sentence: "De 34-jarige man uit Tilburg die …". */
const RELATIVE_MAX_AT = 6;

/**
 * "Man die in de Lange Nieuwstraat een Tilburger neerstak met mes is nog steeds voortvluchtig": in Dutch and Frisian a
 * relative clause inside the subject often has no commas, and a cut at the length would keep it and lose the main
 * clause's verb. The relative clause goes instead, up to the main clause's finite verb: the first finite auxiliary
 * after it that stands in no cluster of auxiliaries, as the clause's own verbs do ("die … werd aangehouden is …",
 * "die … moesten worden kregen …"). Undefined where the language's pack lists no finite auxiliaries, where a comma
 * marks the clause (the comma rules take it), or where the rest would not fit.
 */
function dropEmbeddedRelative(headline: string, language: string): string | undefined {
  const { finiteAuxiliaries, bareRelatives, functionWords } = packFor(language);
  if (finiteAuxiliaries.size === 0) return undefined;
  const words = headline.replace(/[.!?]+$/u, '').split(' ');
  const bare = words.map(bareWord);
  // After a noun ("man die"), not after a function word or a comma.
  const relative = bare.findIndex(
    (word, index) =>
      index > 0 &&
      index <= RELATIVE_MAX_AT &&
      bareRelatives.has(word) &&
      !/[,;:]$/u.test(words[index - 1] ?? '') &&
      !functionWords.has(bare[index - 1] ?? ''),
  );
  if (relative < 0) return undefined;
  // The first finite auxiliary after the clause's own words, unless the clause's verbs go on around it.
  const isAuxiliary = (index: number) => finiteAuxiliaries.has(bare[index] ?? '');
  let main = -1;
  for (let index = relative + 3; index < bare.length - 1; index += 1) {
    const inCluster = isAuxiliary(index - 1) || isAuxiliary(index + 1) || isAuxiliary(index + 2);
    if (!isAuxiliary(index) || inCluster) continue;
    main = index;
    break;
  }
  if (main < 0 || words.slice(relative, main).some((word) => /[,;:]$/u.test(word))) return undefined;
  const kept = [...words.slice(0, relative), ...words.slice(main)];
  const text = kept.join(' ');
  return text.length <= HEADLINE_MAX_CHARS && kept.length >= MIN_WORDS ? text : undefined;
}

/**
 * "Zwei Beamte der Autobahnpolizei sind am Darmstädter Kreuz auf dem Weg zu einem Einsatz verunglückt": where the
 * participle closes the clause, a cut at the end would take the verb; prepositional phrases before it go instead,
 * the nearest first, until the sentence fits. A phrase with a name ("bei Paris") or a number ("von 100 bis 120")
 * stays, and so does every phrase before it. Undefined when it does not end on a participle or will not fit.
 */
function dropPhrasesBeforeFinalVerb(
  headline: string,
  language: string,
  entities: readonly Entity[],
): string | undefined {
  const { participle, finalVerb, prepositions, capitalisesNouns, finiteAuxiliaries } = packFor(language);
  // Only where nouns are capitalised does a phrase show where it ends, and only in one clause: in Dutch the
  // nearest preposition may open the subject's phrase or a clause's ("… om overlast te beperken").
  // A score's or a time's colon ("mit 3:1") joins no clauses.
  if (!participle || !finalVerb || !capitalisesNouns || unicode`[,;:](?!\p{N})`.test(headline)) return undefined;
  const words = headline.replace(/[.!?]+$/u, '').split(' ');
  if (!participle.test(bareWord(words.at(-1)))) return undefined;
  // The verb cluster: "verunglückt", "verurteilt worden", "opgepakt zijn".
  let verb = words.length - 1;
  while (
    verb > 2 &&
    verb > words.length - 3 &&
    finalVerb.test(words[verb - 1] ?? '') &&
    !prepositions.has(bareWord(words[verb - 1]))
  )
    verb -= 1;
  // The words of the article's names, folded as a name's words are compared with chunks.
  const names = new Set(entities.flatMap((entity) => entity.name.split(/\s+/u).map(foldAccents)));
  const stays = (word: string) => {
    // "der Südost-Türkei und Nord-Syriens": a compound's part may be the name.
    const isName = coreOf(word)
      .split('-')
      .some(
        (part) =>
          names.has(foldAccents(part)) || (unicode`^\p{Lu}`.test(part) && isKnownPlace(part.replace(/s$/u, ''))),
      );
    return unicode`[\p{N},;:]`.test(word) || names.has(foldAccents(coreOf(word))) || isName;
  };
  // The phrases between the subject and the verb go from the nearest one back, all of them after the first that
  // goes: a phrase may belong to the one before it ("vor dem Ende von Tankrabatt …").
  let kept = words;
  let from = verb - 1;
  for (; from >= 2; from -= 1) {
    const word = words[from] ?? '';
    if (stays(word)) return undefined;
    // The finite verb ("hat", "wurde") ends them: what stands before it is the fronted phrase (below).
    if (finiteAuxiliaries.has(bareWord(word))) break;
    if (!prepositions.has(bareWord(word))) continue;
    kept = [...words.slice(0, from), ...words.slice(verb)];
    if (kept.join(' ').length <= HEADLINE_MAX_CHARS) return kept.length >= 4 ? kept.join(' ') : undefined;
  }
  // "Nach der Messerattacke in einem Hamburger Supermarkt mit einem Toten und sechs Verletzten hat die Polizei …":
  // still too long, the fronted phrase gives up its own trailing phrases, the nearest first, and keeps its head, so
  // that the finite verb still comes second. Going past the finite verb would take it and its subject too.
  const finite = from;
  if (finite < 2) return undefined;
  for (let at = finite - 1; at >= 2; at -= 1) {
    const word = kept[at] ?? '';
    // "… zur Unfallstelle gefahren und hatten …": a verb there closes a clause of its own. Nouns are capitalised
    // here, so "Verletzten" is none.
    if (stays(word) || (unicode`^\p{Ll}`.test(word) && participle.test(bareWord(word)))) return undefined;
    if (!prepositions.has(bareWord(word))) continue;
    const shorter = [...kept.slice(0, at), ...kept.slice(finite)];
    if (shorter.join(' ').length <= HEADLINE_MAX_CHARS) return shorter.join(' ');
  }
  return undefined;
}

/** A cut leaves this much at least, or it falls back to the plain word boundary. */
const MIN_CUT_CHARS = 50;

/**
 * At most HEADLINE_MAX_CHARS, cut at a word boundary; when the first word cut off goes on with the phrase
 * before it ("… demonstreren voor beter | beleid"), the cut moves back to before that phrase's preposition or
 * conjunction ("… demonstreren"), so that no phrase is left half. A phrase that ends on a name or a number
 * ("… in Den Haag | demonstreren") is whole.
 */
function cutAtPhrase(text: string, language: string): string {
  const {
    prepositions,
    functionWords,
    subordinators,
    finiteAuxiliaries,
    participle,
    coordinators,
    infinitiveOpeners,
    infinitiveMarkers,
  } = packFor(language);
  const opensPhrase = (word: string) => {
    const bare = bareWord(word);
    return prepositions.has(bare) || (functionWords.has(bare) && !DETERMINERS().has(bare));
  };
  const cut = text.slice(0, HEADLINE_MAX_CHARS + 1);
  const space = cut.lastIndexOf(' ');
  if (space <= 0) return cut.slice(0, HEADLINE_MAX_CHARS);
  const kept = text.slice(0, space).split(' ');
  // Where a subordinate clause puts its verb last, a cut inside one keeps its subject and loses its verb ("bestond
  // de indruk dat de impact"): the cut goes before the clause, unless a comma closed it before the cut or the cut
  // keeps its verb, told by an auxiliary or a participle ("dat er ruzie had plaatsgevonden").
  // So does one inside a second clause that a conjunction joins on with its own auxiliary ("… eingestiegen und
  // haben die Kasse"), where the verb comes last as well.
  const joinsClause = (index: number) =>
    coordinators.has(bareWord(kept[index])) && finiteAuxiliaries.has(bareWord(kept[index + 1]));
  const clauseAt =
    subordinators.size === 0
      ? -1
      : kept.findLastIndex((word, index) => subordinators.has(bareWord(word)) || joinsClause(index));
  // A joined clause's own auxiliary opens it, and tells nothing of the verb it lost.
  const clause = kept.slice(clauseAt + (clauseAt >= 0 && joinsClause(clauseAt) ? 2 : 1));
  const keepsVerb = clause.some((word) => finiteAuxiliaries.has(bareWord(word)) || participle?.test(bareWord(word)));
  if (clauseAt > 0 && !keepsVerb && !kept.slice(clauseAt).some((word) => /[,;:]$/u.test(word))) {
    // "… om te zorgen | dat …": an infinitive just before the clause takes it as its object, and goes with it.
    const opener = infinitiveOpeners.has(bareWord(kept[clauseAt - 3])) ? clauseAt - 3 : -1;
    const infinitive = opener > 0 && infinitiveMarkers.has(bareWord(kept[clauseAt - 2])) ? opener : clauseAt;
    const before = kept
      .slice(0, infinitive)
      .join(' ')
      .replace(/[,;:]$/u, '');
    if (before.length >= MIN_CUT_CHARS) return before;
  }
  const next = text.slice(space + 1).split(' ')[0] ?? '';
  // The phrase is whole when the next word opens another, a comma closed it, or it ended on a name or number; a
  // capitalised adjective of place ("naar het Limburgse | heuvelland") is no name and goes on with its noun.
  const last = kept.at(-1) ?? '';
  const endsOnName = unicode`^[\p{Lu}\p{N}]`.test(last) && !isDemonym(coreOf(last), language);
  if (opensPhrase(next) || /[,;:]$/u.test(last) || endsOnName) return kept.join(' ');
  for (let index = kept.length - 1; index > 0; index -= 1) {
    if (/[,;:]$/u.test(kept[index - 1] ?? '') || opensPhrase(kept[index] ?? '')) {
      const shorter = kept.slice(0, index).join(' ');
      return shorter.length >= MIN_CUT_CHARS ? shorter : kept.join(' ');
    }
  }
  return kept.join(' ');
}

function tidy(text: string): string {
  return text
    .replace(/\s+([,.;:!?])/gu, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/gu, '$1')
    .replace(/^[\s,;:–—•▪►▶■·-]+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The words a language writes with a leading apostrophe, as its pack lists them among its function words (Dutch
 * "'t", Frisian "'e"), by pack: a quote mark that opens one of them is the word's own apostrophe, not a quotation's
 * ("Bart van ‘t Wout").
 */
const ELIDED_WORDS = new WeakMap<LanguagePack, ReadonlySet<string>>();
function elidedWords(pack: LanguagePack): ReadonlySet<string> {
  let elided = ELIDED_WORDS.get(pack);
  if (!elided) {
    elided = new Set([...pack.functionWords].filter((word) => word.startsWith("'")).map((word) => word.slice(1)));
    ELIDED_WORDS.set(pack, elided);
  }
  return elided;
}

/** Quotation marks that lost their partner in the compression go. */
function balanceQuotes(text: string, pack: LanguagePack): string {
  let result = text;
  const count = (mark: string) => result.split(mark).length - 1;
  if (count('«') !== count('»')) result = result.replaceAll('«', '').replaceAll('»', '');
  // “…” in English, „…“ in German, „…” in Dutch: „ opens, and “ opens or closes by the style.
  const low = count('„');
  const balanced =
    low === 0 ? count('“') === count('”') : low === count('“') + count('”') || low + count('“') === count('”');
  if (!balanced) result = result.replace(/[„“”]/gu, '');
  if ((result.match(/"/g) ?? []).length % 2 === 1) result = result.replaceAll('"', '');
  // A single quote at a word edge that is not an apostrophe inside a word (zo'n) nor one opening an elided word (‘t).
  const elided = elidedWords(pack);
  const opensQuote = (word: string) => !elided.has(word.toLowerCase());
  const openings = [...result.matchAll(unicodeGlobal`(?:^|\s)['‘](\p{L}*)`)].filter((match) =>
    opensQuote(match[1] ?? ''),
  );
  const closings = result.match(/['’](?=\s|$)/gu) ?? [];
  if ((openings.length + closings.length) % 2 === 1) {
    result = result
      .replace(unicodeGlobal`(^|\s)['‘](\p{L}*)`, (match, space: string, word: string) =>
        opensQuote(word) ? space + word : match,
      )
      .replace(/['’](?=\s|$)/gu, '');
  }
  return result;
}
