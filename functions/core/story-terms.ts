import { type Entity, isCalendarWord } from './entities';
import { stem } from './keywords';
import { packFor } from './lang';
import { lazyPattern } from './lazy';
import {
  isCountryCode,
  mayBeNationality,
  nameId,
  nameWordKey,
  nationalityOf,
  opensPlace,
  placeId,
  placeIdOfKey,
  resolveNames,
} from './names';
import { stopwordsFor } from './stopwords';
import {
  cachedByText,
  compareStrings,
  cutAtSpace,
  foldAccents,
  isAcronym,
  isNumeric,
  startsUpper,
  stripPossessive,
  tokensOf,
} from './text';

/** Doubled letters, one property escape made on first use (lazyPattern says why). */
const DOUBLED_LETTER = lazyPattern(String.raw`(\p{L})\1+`, 'gu');

/**
 * An article's story terms, computed once at ingest and kept in its summary: what stories are found by (stories.ts).
 * Each term is a kind and an id, with a weight from 1 to 9, written `kind:id=weight`:
 *
 * - `n:` a name by its normalised id (names.ts): `n:vladimir-putin` for "Vladimir Poetin" and "Wladimir Putin", a
 *   surname alone as the full name the article uses (`Poetin` → `n:vladimir-putin`), an institution by its alias
 *   (`n:white-house` for "Witte Huis");
 * - `c:` a country or territory by its ISO 3166-1 code, from its name in any language or an adjective of nationality:
 *   `c:RU` for "Rusland", "Russia", "Russische", "russischen";
 * - `w:` a content word of the headline, the lead or the keywords by a cognate key: its Snowball stem, spelled with
 *   the letters that cognates across the supported languages share, cut to its first letters, so that "sancties",
 *   "sanctions" and "Sanktionen" meet (`w:sankt`), as do "invasie", "invasion" and "Invasion".
 *
 * The weights are term frequencies with the headline counting most; the digest multiplies them by an inverse
 * document frequency of its own. No term depends on another article, so the same article has the same terms in any
 * digest of any date, as a story carried from day to day needs.
 */

export const MAX_STORY_TERMS = 32;
/** And at most this many characters together, so that the whole summary stays under 2 KB whatever the names. */
export const MAX_STORY_TERMS_CHARS = 640;
const MAX_WEIGHT = 9;
/** A cognate key is this many letters of the spelled stem: enough to tell words apart, few enough for cognates. */
export const COGNATE_LENGTH = 5;
/** Sentences of the lead whose words count, after the headline. */
const LEAD_SENTENCES = 2;
/** Sentences read for places and nationalities: their mentions across the article's beginning. */
const PLACE_SENTENCES = 6;
const MIN_WORD_LENGTH = 3;

const HEADLINE_WORD = 3;
const LEAD_WORD = 1;
const KEYWORD = 2;
const NAME = 2;
const NAME_MENTION = 1;
const MAX_NAME_MENTIONS = 4;
const PLACE_MENTION = 1;
const HEADLINE_BONUS = 2;

export interface StoryTermsInput {
  readonly headline: string;
  /** The analysed sentences, lead first. */
  readonly sentences: readonly string[];
  readonly language: string;
  readonly entities: readonly Entity[];
  readonly keywords: readonly string[];
}

/** One term: its key (`kind:id`) and weight. */
export interface StoryTerm {
  readonly term: string;
  readonly weight: number;
}

/**
 * The part of the headline whose words weigh as the headline's: its first 90 characters, to a word's end. A headline
 * puts its event first; what a longer one keeps after that is detail, which weighed as much diluted the event's terms
 * (with the whole of 110-character headlines, the story set's B-cubed F1 fell from 0.889 to 0.882).
 */
export const STORY_HEADLINE_CHARS = 90;

export function storyTerms(input: StoryTermsInput): string[] {
  const weights = new Map<string, number>();
  const add = (term: string, weight: number) => weights.set(term, (weights.get(term) ?? 0) + weight);
  const core = cutAtSpace(input.headline, STORY_HEADLINE_CHARS);
  const headline = ` ${foldAccents(core)} `;

  // Names: one id per person, place or institution of the article; a surname alone as the full name it uses.
  const nameWords = new Set<string>();
  const entityTerms = nameTerms(input.entities.map((entity) => entity.name));
  input.entities.forEach((entity, index) => {
    const facts = nameFacts(entity.name);
    for (const word of facts.folded) nameWords.add(word);
    if (entity.short) for (const word of nameFacts(entity.short).folded) nameWords.add(word);
    const inHeadline = facts.folded.some((word) => word.length >= MIN_WORD_LENGTH && headline.includes(word));
    const weight =
      NAME + NAME_MENTION * Math.min(entity.count - 1, MAX_NAME_MENTIONS) + (inHeadline ? HEADLINE_BONUS : 0);
    const term = entityTerms[index];
    if (term) add(term, weight);
  });

  // One pass over the beginning: places and nationalities wherever it mentions them ("de Russische president",
  // "russischen Truppen"), and the content words of the headline and the lead.
  const languageFacts = languageFactsOf(input.language);
  const addWord = (entry: LanguageFacts, weight: number) => {
    if (!entry.facts.content || nameWords.has(entry.facts.folded)) return;
    const term = wordTerm(entry, input.language);
    if (term) add(term, weight);
  };
  // Where adjectives of nationality are capitalised (Dutch, English), a word in lower case is neither one nor a place.
  const lowerAdjectives = packFor(input.language).demonyms === undefined;
  const text = [core, ...input.sentences.slice(0, PLACE_SENTENCES)];
  for (let index = 0; index < text.length; index += 1) {
    // A place in the lead sentence counts as one in the headline: a headline compressed from that sentence may
    // keep it or not ("… op overwinning bij de Italiaanse verkiezingen"), and the story must not hang on the cut.
    const bonus = index <= 1 ? HEADLINE_BONUS : 0;
    const wordWeight = index === 0 ? HEADLINE_WORD : index <= LEAD_SENTENCES ? LEAD_WORD : 0;
    // The key of the word before when it may open a two-word place ("Witte Huis", "Weißen Hauses").
    let previous = '';
    const visit = (part: string) => {
      const entry = languageFacts(part);
      const { facts } = entry;
      if ((!facts.upper && wordWeight === 0 && !lowerAdjectives) || facts.short || entry.stopword) {
        previous = '';
        return;
      }
      const place = facts.upper
        ? (previous !== '' && placeIdOfKey(`${previous}-${facts.key}`)) || facts.place
        : lowerAdjectives
          ? facts.nationality
          : undefined;
      if (place) add(placeTerm(place), PLACE_MENTION + bonus);
      else if (wordWeight > 0) addWord(entry, wordWeight);
      previous = facts.opensPlace ? facts.key : '';
    };
    for (const token of tokensOf(text[index] as string)) {
      // Past the lead, where only places count, a word in lower case is none: decided before any look-up.
      const first = token.text.charCodeAt(0);
      if (wordWeight === 0 && !lowerAdjectives && first >= 97 && first <= 122) {
        previous = '';
        continue;
      }
      if (token.text.includes('-')) for (const part of token.text.split('-')) visit(part);
      else visit(token.text);
    }
  }
  for (const keyword of input.keywords) {
    const entry = languageFacts(keyword);
    if (!entry.facts.place && !entry.facts.nationality) addWord(entry, KEYWORD);
  }

  const sorted = [...weights].sort(([a, weightA], [b, weightB]) => weightB - weightA || compareStrings(a, b));
  const terms: string[] = [];
  let chars = 0;
  for (const [term, weight] of sorted) {
    if (terms.length === MAX_STORY_TERMS || chars + term.length + 2 > MAX_STORY_TERMS_CHARS) break;
    terms.push(`${term}=${Math.min(MAX_WEIGHT, Math.round(weight))}`);
    chars += term.length + 2;
  }
  return terms;
}

/** Words and names remembered: at most this many of each kind, the table emptied when full. */
const REMEMBERED = 50_000;

/**
 * A function of a word remembered in a small table of its own: the words of news repeat, and a small table stays in
 * the processor's caches where the text-wide tables (text.ts) hold hundreds of thousands of entries.
 */
function remembered<T>(compute: (word: string) => T): (word: string) => T {
  const table = new Map<string, T>();
  return (word) => {
    let value = table.get(word);
    if (value === undefined) {
      if (table.size >= REMEMBERED) table.clear();
      value = compute(word);
      table.set(word, value);
    }
    return value;
  };
}

/** What the terms need of one name, remembered by name: its place id or name id, its words' keys and folded forms. */
interface NameFacts {
  readonly place: string | undefined;
  readonly id: string;
  /** The name's words, folded (accents off). */
  readonly folded: readonly string[];
}

const nameFacts: (name: string) => NameFacts = remembered((name) => {
  const words = name.split(/\s+/u).filter((word) => word !== '');
  const place = placeId(name);
  return {
    place,
    id: place ? '' : nameId(name),
    folded: words.map(foldAccents),
  };
});

/**
 * The term of each of an article's names, in order: `c:` and a code for a country, `n:` and an alias id for another
 * place or institution, `n:` and its name id resolved against the article's other names for the rest (a surname
 * alone as the one full name that ends in it); undefined for a name of which nothing is left. The name index
 * (name-index.ts) files an article under the same ids as its story terms.
 */
export function nameTerms(names: readonly string[]): (string | undefined)[] {
  const facts = names.map(nameFacts);
  const resolved = resolveNames(new Set(facts.flatMap((fact) => (!fact.place && fact.id ? [fact.id] : []))));
  return facts.map((fact) => {
    if (fact.place) return placeTerm(fact.place);
    return fact.id ? `n:${resolved.get(fact.id) ?? fact.id}` : undefined;
  });
}

/** What the terms need of one word, remembered by word: the same words come back in every article. */
interface WordFacts {
  /** The word without a possessive 's. */
  readonly word: string;
  readonly lower: string;
  /** Folded (accents off), to compare with the words of the article's names. */
  readonly folded: string;
  /** The name key (names.ts): of a capitalised word only; '' otherwise. */
  readonly key: string;
  readonly upper: boolean;
  /** Under two letters: never a term. */
  readonly short: boolean;
  /** Long enough, no number, no abbreviation or elision, no month or day: a content word if no stopword. */
  readonly content: boolean;
  /** Of a capitalised word, the place, institution or country of nationality it names alone, if any. */
  readonly place: string | undefined;
  /** The country of the word as an adjective or noun of nationality in any case, if it is one (nationalityOf). */
  readonly nationality: string | undefined;
  /** Whether the word is capitalised and its key opens the name of a place of more than one word. */
  readonly opensPlace: boolean;
}

const wordFacts: (part: string) => WordFacts = remembered((part) => {
  const word = stripPossessive(part);
  const lower = word.toLowerCase();
  const upper = startsUpper(word);
  const key = upper ? nameWordKey(word) : '';
  return {
    word,
    lower,
    folded: foldAccents(word),
    key,
    upper,
    short: word.length < 2,
    content: word.length >= MIN_WORD_LENGTH && !isNumeric(word) && !/['’.]/u.test(word) && !isCalendarWord(lower),
    // A word of three letters or fewer is a place only as an acronym ("VS", "EU"): "Room" is not "Rom".
    place: upper
      ? ((key.length > 3 || isAcronym(word) ? placeIdOfKey(key) : undefined) ?? nationalityOf(word))
      : undefined,
    nationality: mayBeNationality(lower) ? nationalityOf(word) : undefined,
    opensPlace: upper && opensPlace(key),
  };
});

/** What the terms need of one word in one language: its facts, whether it is a stopword there, and its word term. */
interface LanguageFacts {
  readonly facts: WordFacts;
  readonly stopword: boolean;
  /**
   * `w:` and the cognate key of the stem of a content word (stopwords included); '' for any other word or a key too
   * short. Made when first asked for (wordTerm): most words of the beginning never are, and a stem costs.
   */
  term: string | undefined;
}

/** LanguageFacts by language, remembered by word: one look-up per token of the headline and lead. */
const languageFactsCaches = new Map<string, (part: string) => LanguageFacts>();

function languageFactsOf(language: string): (part: string) => LanguageFacts {
  let cache = languageFactsCaches.get(language);
  if (!cache) {
    const stopwords = stopwordsFor(language);
    cache = remembered((part) => {
      const facts = wordFacts(part);
      return { facts, stopword: stopwords.has(facts.lower), term: undefined };
    });
    languageFactsCaches.set(language, cache);
  }
  return cache;
}

/** The word term of LanguageFacts, made once. */
function wordTerm(entry: LanguageFacts, language: string): string {
  if (entry.term === undefined) {
    const key = entry.facts.content ? cognateKey(stem(entry.facts.lower, language)) : '';
    entry.term = key.length >= MIN_WORD_LENGTH ? `w:${key}` : '';
  }
  return entry.term;
}

function placeTerm(place: string): string {
  return isCountryCode(place) ? `c:${place}` : `n:${place}`;
}

/**
 * A stem as cognates across the supported languages share it: c and qu as k, ph as f, th as t, y as i, z as s,
 * doubled letters as one, cut to COGNATE_LENGTH letters. "sanction", "sanctie", "sanktion" → `sankt`.
 */
export const cognateKey: (stemmed: string) => string = cachedByText((stemmed) =>
  foldAccents(stemmed)
    .replace(/qu/gu, 'k')
    .replace(/c/gu, 'k')
    .replace(/ph/gu, 'f')
    .replace(/th/gu, 't')
    .replace(/y/gu, 'i')
    .replace(/z/gu, 's')
    .replace(DOUBLED_LETTER(), '$1')
    .slice(0, COGNATE_LENGTH),
);

/** The terms of a summary, parsed: `n:vladimir-putin=6` → term `n:vladimir-putin`, weight 6. */
export function parseStoryTerms(terms: readonly string[]): StoryTerm[] {
  return terms.map((entry) => {
    const at = entry.lastIndexOf('=');
    return at < 0 ? { term: entry, weight: 1 } : { term: entry.slice(0, at), weight: Number(entry.slice(at + 1)) || 1 };
  });
}
