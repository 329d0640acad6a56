import { type LanguagePack, packFor, unionOf } from './lang';
import { stopwordsFor } from './stopwords';
import { foldAccents, isAcronym, isNumeric, startsUpper, type Token, tokenize } from './text';

/**
 * Named entities (people, places, organisations) as runs of capitalised words that are more than a sentence
 * start: "Joe Biden", "Den Haag", "Ursula von der Leyen", "Witte Huis". Titles, day and month names and
 * adjectives of nationality are left out; a surname used alone ("Biden") is counted with the full name.
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
  /** Set when the words before this mention were a title: "Kanzler Scholz". */
  readonly afterTitle: boolean;
}

// Of every language: names, quotations and datelines do not keep to the article's.
const TITLES = unionOf('titles');
const DETERMINERS = unionOf('determiners');
const NAME_PARTICLES = unionOf('nameParticles');
const NEVER_ENTITIES = unionOf('neverEntities');
const PLACES = unionOf('places');
const MONTHS = unionOf('months');
const DAYS = unionOf('days');
const DAY_PART_SUFFIXES = unionOf('dayPartSuffixes');

const TITLE_SUFFIXES = [...TITLES].filter((title) => title.length >= 5);

/** "president", "Verbandspräsident", "GDL-Chef", "oud-premier". */
export function isTitleWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return true;
  const afterHyphen = lower.split('-').at(-1) ?? lower;
  if (afterHyphen !== lower && TITLES.has(afterHyphen)) return true;
  return TITLE_SUFFIXES.some((title) => lower.length > title.length + 2 && lower.endsWith(title));
}

/** True for dinsdag, donderdagavond, Dienstagabend, mardi; case-insensitive. */
export function isDayWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (DAYS.has(lower)) return true;
  for (const day of DAYS) {
    if (lower.startsWith(day) && DAY_PART_SUFFIXES.has(lower.slice(day.length))) return true;
  }
  return false;
}

/** Month and day names: never entities, never keywords. */
export function isCalendarWord(word: string): boolean {
  const lower = word.toLowerCase();
  return MONTHS.has(lower) || isDayWord(lower);
}

/** Adjectives of nationality: capitalised in Dutch and English but no names ("de Amerikaanse president"). */
export function isDemonym(word: string, language: string): boolean {
  if (!/^\p{Lu}/u.test(word)) return false;
  const demonyms = packFor(language).demonyms;
  if (!demonyms) return false;
  const lower = word.toLowerCase();
  return demonyms.suffix.test(lower) && lower.length >= demonyms.minLength && !demonyms.exceptions.has(lower);
}

/** A known country, region or city, compared without accents: "Oekraïne", "Russland". */
export function isPlace(word: string): boolean {
  return PLACES.has(foldAccents(word));
}

export function findEntities(sentences: readonly string[], language: string): Entity[] {
  const pack = packFor(language);
  const tokenized = sentences.map((sentence) => ({ sentence, tokens: tokenize(sentence) }));
  const capitalisedInside = new Set<string>();
  const lowercase = new Set<string>();
  for (const { sentence, tokens } of tokenized) {
    tokens.forEach((token, index) => {
      if (/^\p{Ll}/u.test(token.text)) lowercase.add(token.text);
      if (index > 0 && startsUpper(token.text) && !isInitial(sentence, tokens, index)) {
        capitalisedInside.add(foldAccents(token.text));
      }
    });
  }
  // German: a capitalised word that also stands without a particle before it is a noun ("Absatz von Wärmepumpen").
  const standaloneNouns = new Set<string>();
  for (const { tokens } of tokenized) {
    tokens.forEach((token, index) => {
      if (index > 0 && startsUpper(token.text) && !NAME_PARTICLES.has(tokens[index - 1]?.text ?? '')) {
        standaloneNouns.add(token.text);
      }
    });
  }
  const raw = tokenized.flatMap(({ sentence, tokens }, sentenceIndex) =>
    runs(sentence, tokens, sentenceIndex, pack, standaloneNouns),
  );
  const alone = new Set(raw.filter((run) => run.joins.length === 0).map((run) => key(run.words)));
  const mentions = raw
    .flatMap((run) => splitJoins(run, alone))
    .flatMap((mention) => clean(mention, pack, capitalisedInside, lowercase));
  return rank(mentions, capitalisedInside, pack);
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
  const before = index === 0 ? sentence.slice(0, token.start) : sentence.slice(tokens[index - 1]?.end, token.start);
  if (index === 0) return true;
  return /["“„«‘'(:—–]\s*$/u.test(before) || /[.!?]\s*$/u.test(before);
}

function isCapitalised(token: Token): boolean {
  return startsUpper(token.text) && !isNumeric(token.text.charAt(0));
}

/** Maximal runs of capitalised words separated by spaces only, across lower-case name particles. */
function runs(
  sentence: string,
  tokens: readonly Token[],
  sentenceIndex: number,
  pack: LanguagePack,
  standaloneNouns: ReadonlySet<string>,
): Run[] {
  const found: Run[] = [];
  const spaceBetween = (a: number, b: number) => /^\s+$/u.test(sentence.slice(tokens[a]?.end, tokens[b]?.start));
  let index = 0;
  while (index < tokens.length) {
    const first = tokens[index];
    if (!first || !isCapitalised(first)) {
      index += 1;
      continue;
    }
    const words = [first.text];
    const joins: { at: number; particles: number }[] = [];
    let last = index;
    for (;;) {
      // "Taiwan's Central Weather Administration", "Nasa's Perseverance": a possessive ends the name.
      if (/['’]s$/u.test(tokens[last]?.text ?? '')) break;
      const next = tokens[last + 1];
      if (next && isCapitalised(next) && spaceBetween(last, last + 1)) {
        words.push(next.text);
        last += 1;
        continue;
      }
      let probe = last + 1;
      const particles: string[] = [];
      while (particles.length < 3 && NAME_PARTICLES.has(tokens[probe]?.text ?? '') && spaceBetween(probe - 1, probe)) {
        particles.push(tokens[probe]?.text ?? '');
        probe += 1;
      }
      const after = tokens[probe];
      // A particle follows a first name ("Eberhard van der Laan"), not a full name ("Hugo de Jonge van Volkshuisvesting").
      const leftIsOneWord =
        words.length === 1 ||
        (words.length === 2 && joins.length === 0 && NAME_PARTICLES.has((words[0] ?? '').toLowerCase()));
      // German: "Ursula von der Leyen", never "Prozent der Kosten".
      const germanOk =
        !pack.capitalisesNouns ||
        (pack.nameParticles.has(particles[0] ?? '') && !standaloneNouns.has(after?.text ?? ''));
      if (
        particles.length > 0 &&
        leftIsOneWord &&
        germanOk &&
        after &&
        isCapitalised(after) &&
        spaceBetween(probe - 1, probe)
      ) {
        joins.push({ at: words.length, particles: particles.length });
        words.push(...particles, after.text);
        last = probe;
        continue;
      }
      break;
    }
    const previous = tokens[index - 1];
    found.push({
      words,
      initial: isInitial(sentence, tokens, index),
      position: sentenceIndex * 1000 + index,
      afterTitle: previous !== undefined && isTitleWord(previous.text),
      joins,
    });
    index = last + 1;
  }
  return found;
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

/** Titles, determiners and calendar words off the edges; a run with a title inside is split at it. */
function clean(
  mention: Mention,
  pack: LanguagePack,
  capitalisedInside: ReadonlySet<string>,
  lowercase: ReadonlySet<string>,
): Mention[] {
  let words = mention.words.map((word) => word.replace(/['’]s$/u, ''));
  let initial = mention.initial;
  let afterTitle = mention.afterTitle;
  const stopwords = stopwordsFor(pack.code);
  while (words.length > 0) {
    const first = words[0] ?? '';
    const lower = first.toLowerCase();
    const functionWord = stopwords.has(lower) || DETERMINERS.has(lower) || NEVER_ENTITIES.has(lower);
    if ((initial && functionWord) || isCalendarWord(first)) {
      words = words.slice(1);
      initial = false;
    } else if (!startsUpper(first)) {
      words = words.slice(1);
    } else if (isTitleWord(first) && !isAcronym(first)) {
      words = words.slice(1);
      initial = false;
      afterTitle = true;
    } else {
      break;
    }
  }
  // Trailing calendar words and adjectives: "Westen Russische (troepen)", "Ende Januar".
  while (words.length > 0 && (isCalendarWord(words.at(-1) ?? '') || isDemonym(words.at(-1) ?? '', pack.code))) {
    words = words.slice(0, -1);
  }
  if (pack.capitalisesNouns) {
    // German capitalises nouns: "Milliarden Euro", "Angaben" are no names.
    while (words.length > 0 && stopwords.has((words[0] ?? '').toLowerCase())) words = words.slice(1);
    while (words.length > 0 && stopwords.has((words.at(-1) ?? '').toLowerCase())) words = words.slice(0, -1);
  }
  // "Luchtvaartmaatschappij KLM" at a sentence start: a first word that is a common word elsewhere, or a long
  // compound noun, and never capitalised inside a sentence, is no part of the name.
  const opener = words[0] ?? '';
  const common = lowercase.has(opener.toLowerCase()) || (opener.length >= 10 && pack.longOpenerIsNoun);
  if (
    initial &&
    words.length > 1 &&
    common &&
    !capitalisedInside.has(foldAccents(opener)) &&
    !isPlaceOrAcronym(opener)
  ) {
    words = words.slice(1);
    initial = false;
    while (words.length > 0 && !startsUpper(words[0] ?? '')) words = words.slice(1);
  }
  const titleAt = words.findLastIndex((word) => isTitleWord(word) && !isAcronym(word));
  if (titleAt >= 0) {
    const before = words.slice(0, titleAt);
    const parts: Mention[] = [];
    if (before.length > 1 || (before.length === 1 && isPlaceOrAcronym(before[0] ?? ''))) {
      parts.push(...clean({ ...mention, words: before, initial }, pack, capitalisedInside, lowercase));
    }
    const after = words.slice(titleAt + 1);
    if (after.length > 0) {
      parts.push(
        ...clean({ ...mention, words: after, initial: false, afterTitle: true }, pack, capitalisedInside, lowercase),
      );
    }
    return parts;
  }
  if (words.length === 0) return [];
  if (words.length === 1 && isDemonym(words[0] ?? '', pack.code)) return [];
  // A genitive of a known place is the place: "Russlands Präsident", "Ruslands leger".
  const only = words[0] ?? '';
  if (words.length === 1 && !isPlace(only) && isPlace(only.replace(/s$/u, ''))) {
    words = [only.slice(0, -1)];
  }
  return [{ ...mention, words, initial, afterTitle }];
}

function isPlaceOrAcronym(word: string): boolean {
  return isAcronym(word) || isPlace(word) || isPlace(word.replace(/s$/u, ''));
}

interface Tally {
  name: string;
  count: number;
  position: number;
  inLead: boolean;
  short?: string;
  surfaces: Map<string, number>;
  multiword: boolean;
}

function rank(mentions: readonly Mention[], capitalisedInside: ReadonlySet<string>, pack: LanguagePack): Entity[] {
  const stopwords = stopwordsFor(pack.code);
  const tallies = new Map<string, Tally>();
  const afterTitle = new Set<string>();
  for (const mention of mentions) {
    const name = mention.words.join(' ');
    const folded = key(mention.words);
    const single = mention.words.length === 1;
    if (single) {
      const word = mention.words[0] ?? '';
      const lower = word.toLowerCase();
      if (!isAcronym(word) && (stopwords.has(lower) || NEVER_ENTITIES.has(lower) || word.length < 2)) continue;
      if (mention.initial && !capitalisedInside.has(folded) && !isPlaceOrAcronym(word)) continue;
      if (mention.afterTitle) afterTitle.add(folded);
    }
    const tally = tallies.get(folded) ?? {
      name,
      count: 0,
      position: mention.position,
      inLead: false,
      surfaces: new Map<string, number>(),
      multiword: !single,
    };
    tally.count += 1;
    tally.position = Math.min(tally.position, mention.position);
    tally.inLead ||= mention.position < 1000;
    tally.surfaces.set(name, (tally.surfaces.get(name) ?? 0) + 1);
    tallies.set(folded, tally);
  }
  // A name that ends exactly one longer name is that name: "Biden" is "Joe Biden", "Van der Laan" is
  // "Eberhard van der Laan", and "Poetins" is "Vladimir Poetin" too.
  const byLength = [...tallies.entries()].sort(([a], [b]) => a.split(' ').length - b.split(' ').length);
  for (const [folded, tally] of byLength) {
    const base = folded.endsWith('s') ? folded.slice(0, -1) : folded;
    const owners = [...tallies.entries()].filter(
      ([name]) => name !== folded && (name.endsWith(` ${folded}`) || (!tally.multiword && name.endsWith(` ${base}`))),
    );
    const owner = owners.length === 1 ? owners[0]?.[1] : undefined;
    const possessiveOf = !tally.multiword && folded !== base ? tallies.get(base) : undefined;
    const target = owner ?? possessiveOf;
    if (!target) continue;
    target.count += tally.count;
    target.position = Math.min(target.position, tally.position);
    target.inLead ||= tally.inLead;
    if (owner && foldAccents(owner.name).endsWith(` ${folded}`)) target.short ??= mostFrequent(tally.surfaces);
    tallies.delete(folded);
  }
  const kept = [...tallies.entries()].filter(([folded, tally]) => {
    if (!pack.capitalisesNouns || tally.multiword) return true;
    // German capitalises every noun: a single word is a name only when it is a known place, an acronym or follows a title.
    return isPlaceOrAcronym(tally.name) || afterTitle.has(folded);
  });
  return kept
    .map(([, tally]) => tally)
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
