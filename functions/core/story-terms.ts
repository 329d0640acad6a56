import { type Entity, isCalendarWord } from './entities';
import { stem } from './keywords';
import { packFor } from './lang';
import { isCountryCode, nameId, nameWordKey, nationalityOf, placeId, placeIdOfKey, resolveNames } from './names';
import { stopwordsFor } from './stopwords';
import {
  cachedByText,
  compareStrings,
  foldAccents,
  isAcronym,
  isNumeric,
  startsUpper,
  stripPossessive,
  tokensOf,
} from './text';

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
const MAX_WEIGHT = 9;
/** A cognate key is this many letters of the spelled stem: enough to tell words apart, few enough for cognates. */
export const COGNATE_LENGTH = 5;
/** Sentences of the lead whose words count, after the headline. */
const LEAD_SENTENCES = 3;
/** Sentences read for places and nationalities: their mentions across the article's beginning. */
const PLACE_SENTENCES = 12;
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

export function storyTerms(input: StoryTermsInput): string[] {
  const weights = new Map<string, number>();
  const add = (term: string, weight: number) => weights.set(term, (weights.get(term) ?? 0) + weight);
  const headlineKeys = new Set(tokensOf(input.headline).map((token) => nameWordKey(stripPossessive(token.text))));

  // Names: one id per person, place or institution of the article; a surname alone as the full name it uses.
  const names = new Map<string, number>();
  const nameWords = new Set<string>();
  for (const entity of input.entities) {
    for (const word of [entity.name, entity.short ?? ''].flatMap((name) => name.split(/\s+/u))) {
      if (word) nameWords.add(foldAccents(word));
    }
    const weight = NAME + NAME_MENTION * Math.min(entity.count - 1, MAX_NAME_MENTIONS) + headlineBonus(entity);
    const place = placeId(entity.name);
    if (place) {
      add(placeTerm(place), weight);
      continue;
    }
    const id = nameId(entity.name);
    if (id) names.set(id, (names.get(id) ?? 0) + weight);
  }
  const resolved = resolveNames(names.keys());
  for (const [id, weight] of names) add(`n:${resolved.get(id) ?? id}`, weight);

  // One pass over the beginning: places and nationalities wherever it mentions them ("de Russische president",
  // "russischen Truppen"), and the content words of the headline and the lead.
  const stopwords = stopwordsFor(input.language);
  const addWord = (word: string, lower: string, weight: number) => {
    if (
      word.length < MIN_WORD_LENGTH ||
      isNumeric(word) ||
      /['’.]/u.test(word) ||
      isCalendarWord(lower) ||
      nameWords.has(foldAccents(word))
    ) {
      return;
    }
    const key = cognateKey(stem(lower, input.language));
    if (key.length >= MIN_WORD_LENGTH) add(`w:${key}`, weight);
  };
  // Where adjectives of nationality are capitalised (Dutch, English), a word in lower case is neither one nor a place.
  const lowerAdjectives = packFor(input.language).demonyms === undefined;
  const text = [input.headline, ...input.sentences.slice(0, PLACE_SENTENCES)];
  for (let index = 0; index < text.length; index += 1) {
    const bonus = index === 0 ? HEADLINE_BONUS : 0;
    const wordWeight = index === 0 ? HEADLINE_WORD : index <= LEAD_SENTENCES ? LEAD_WORD : 0;
    // The key of the word before when it was capitalised: two-word places ("Witte Huis", "Weißen Hauses").
    let previous = '';
    for (const token of tokensOf(text[index] as string)) {
      const parts = token.text.includes('-') ? token.text.split('-') : [token.text];
      for (const part of parts) {
        const word = stripPossessive(part);
        const upper = startsUpper(word);
        if (!upper && wordWeight === 0 && !lowerAdjectives) {
          previous = '';
          continue;
        }
        const lower = word.toLowerCase();
        if (word.length < 2 || stopwords.has(lower)) {
          previous = '';
          continue;
        }
        const key = upper || lowerAdjectives ? nameWordKey(word) : '';
        // A word of three letters or fewer is a place only as an acronym ("VS", "EU"): "Room" is not "Rom".
        const place =
          key === ''
            ? undefined
            : (previous && placeIdOfKey(`${previous}-${key}`)) ||
              (key.length > 3 || isAcronym(word) ? placeIdOfKey(key) : undefined) ||
              nationalityOf(word);
        if (place) add(placeTerm(place), PLACE_MENTION + bonus);
        else if (wordWeight > 0) addWord(word, lower, wordWeight);
        previous = upper ? key : '';
      }
    }
  }
  for (const keyword of input.keywords) {
    if (!placeIdOfKey(nameWordKey(keyword)) && !nationalityOf(keyword))
      addWord(keyword, keyword.toLowerCase(), KEYWORD);
  }

  return [...weights]
    .sort(([a, weightA], [b, weightB]) => weightB - weightA || compareStrings(a, b))
    .slice(0, MAX_STORY_TERMS)
    .map(([term, weight]) => `${term}=${Math.min(MAX_WEIGHT, Math.round(weight))}`);

  function headlineBonus(entity: Entity): number {
    const words = entity.name.split(/\s+/u).map(nameWordKey);
    return words.some((word) => headlineKeys.has(word)) ? HEADLINE_BONUS : 0;
  }
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
    .replace(/(\p{L})\1+/gu, '$1')
    .slice(0, COGNATE_LENGTH),
);

/** The terms of a summary, parsed: `n:vladimir-putin=6` → term `n:vladimir-putin`, weight 6. */
export function parseStoryTerms(terms: readonly string[]): StoryTerm[] {
  return terms.map((entry) => {
    const at = entry.lastIndexOf('=');
    return at < 0 ? { term: entry, weight: 1 } : { term: entry.slice(0, at), weight: Number(entry.slice(at + 1)) || 1 };
  });
}
