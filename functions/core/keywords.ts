import { type Entity, isCalendarWord } from './entities';
import { packFor } from './lang';
import { newStemmer, type Stemmer } from './snowball';
import { stopwordsFor } from './stopwords';
import { fold, foldAccents, isNumeric, startsUpper, stripPossessive, tokensOf } from './text';

/**
 * Keywords: the article's most prominent content words, one per stem. Never a stopword of the article's
 * language, a number, a word under three letters or a word of a name already among the entities; every
 * keyword is a word as it occurs in the body.
 */
export const MIN_KEYWORDS = 5;
export const MAX_KEYWORDS = 10;
const MIN_LENGTH = 3;
/** Past the fifth keyword, one scoring under this share of the best is left out; past the eighth, a stricter one. */
const TAIL_SHARE = 0.2;
const LONG_TAIL_SHARE = 0.4;
const USUAL_KEYWORDS = 8;

const stemmers = new Map<string, Stemmer>();

/**
 * Stems by stemmer and word, kept across articles: news repeats its words, and a Snowball stem costs more than
 * the rest of keyword scoring. Bounded, and emptied when full, so a long-lived container's memory stays flat.
 */
const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<Stemmer, Map<string, string>>();

function stemCached(stemmer: Stemmer, word: string): string {
  let cache = stemCache.get(stemmer);
  if (!cache) {
    cache = new Map();
    stemCache.set(stemmer, cache);
  }
  const known = cache.get(word);
  if (known !== undefined) return known;
  if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
  const stemmed = foldAccents(stemmer.stem(word));
  cache.set(word, stemmed);
  return stemmed;
}

/** The Snowball stem of a lower-case word in `language`; the word itself for a language without a stemmer. */
export function stem(word: string, language: string): string {
  const stemmer = stemmerFor(language);
  return stemmer ? stemCached(stemmer, fold(word)) : foldAccents(word);
}

function stemmerFor(language: string): Stemmer | undefined {
  const algorithm = packFor(language).stemmer;
  if (!algorithm) return undefined;
  let stemmer = stemmers.get(algorithm);
  if (!stemmer) {
    stemmer = newStemmer(algorithm);
    stemmers.set(algorithm, stemmer);
  }
  return stemmer;
}

interface Candidate {
  stem: string;
  score: number;
  first: number;
  /** Surface forms in the order they first occur, counted; forms at a sentence start only count when there is no other. */
  surfaces: Surface[];
  initialSurfaces: Surface[];
}

/** One surface form of an article's candidate: how often it stands inside a sentence and how often first. */
interface Surface {
  readonly word: string;
  inside: number;
  initial: number;
}

/** What the article's keyword scan knows of one token text: its stem and, once counted, its candidate and counts. */
interface WordEntry {
  readonly stem: string;
  candidate: Candidate | undefined;
  readonly surface: Surface;
}

/**
 * What decides a word's keyword stem in a language wherever it stands, except the article's names: undefined for a
 * word that is never a keyword there, else the stem (undefined when too short) and the folded word the names are
 * compared with. Kept across articles per language, as the stems are, since news repeats its words.
 */
interface WordStem {
  readonly stem: string | undefined;
  readonly folded: string;
}

/** By language and word; null for a word that is never a keyword there, so that one look-up tells it from a new one. */
const wordStems = new Map<string, Map<string, WordStem | null>>();

function wordStemsOf(language: string): Map<string, WordStem | null> {
  let table = wordStems.get(language);
  if (!table) {
    table = new Map();
    wordStems.set(language, table);
  }
  return table;
}

/** What makes a word no keyword by its characters alone, in any language: too short, a number or an abbreviation. */
function isNeverKeyword(word: string): boolean {
  return word.length < MIN_LENGTH || isNumeric(word) || word.includes('.');
}

function wordStem(word: string, language: string): WordStem | null {
  const lower = fold(word);
  if (isNeverKeyword(word) || stopwordsFor(language).has(lower) || isCalendarWord(lower)) return null;
  // stem(lower, language), with the stemmer looked up once per word.
  const stemmer = stemmerFor(language);
  const key = stemmer ? stemCached(stemmer, lower) : foldAccents(lower);
  return { stem: key.length < MIN_LENGTH ? undefined : key, folded: foldAccents(word) };
}

export function extractKeywords(sentences: readonly string[], language: string, entities: readonly Entity[]): string[] {
  const { capitalisesNouns } = packFor(language);
  // The folded words of the names and their short forms, by loops rather than flatMap's arrays per name.
  const nameWords = new Set<string>();
  for (const entity of entities) {
    for (const word of entity.name.split(/\s+/)) nameWords.add(foldAccents(word));
    for (const word of (entity.short ?? '').split(/\s+/)) nameWords.add(foldAccents(word));
  }
  const candidates = new Map<string, Candidate>();
  const known = wordStemsOf(language);
  // What a token's text decides wherever it stands, asked once per text: whether it can be a keyword (null if not),
  // and its stem.
  const entries = new Map<string, WordEntry | null>();
  const entryOf = (word: string): WordEntry | null => {
    // A short word, a number or an abbreviation is never a keyword (wordStem says so first), told by its characters
    // without a look-up: kept out of the table, the numbers of every article (2024, 3,5, 13.000) no longer grow it to
    // its limit, where each look-up of a word cost several times one in a table of the words alone.
    if (isNeverKeyword(word)) return null;
    let facts = known.get(word);
    if (facts === undefined) {
      facts = wordStem(word, language);
      if (known.size >= STEM_CACHE_LIMIT) known.clear();
      known.set(word, facts);
    }
    if (facts?.stem === undefined || nameWords.has(facts.folded)) return null;
    return { stem: facts.stem, candidate: undefined, surface: { word, inside: 0, initial: 0 } };
  };
  for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex += 1) {
    const tokens = tokensOf(sentences[sentenceIndex] ?? '');
    for (let tokenIndex = 0; tokenIndex < tokens.length; tokenIndex += 1) {
      const word = stripPossessive(tokens[tokenIndex]?.text ?? '');
      let entry = entries.get(word);
      if (entry === undefined) {
        entry = entryOf(word);
        entries.set(word, entry);
      }
      if (entry === null) continue;
      // A capitalised word inside a sentence is a name the entity list left out, except where every noun is (German).
      if (!capitalisesNouns && tokenIndex > 0 && startsUpper(word)) continue;
      let candidate = entry.candidate;
      if (!candidate) {
        candidate = candidates.get(entry.stem);
        if (!candidate) {
          candidate = {
            stem: entry.stem,
            score: 0,
            first: sentenceIndex * 1000 + tokenIndex,
            surfaces: [],
            initialSurfaces: [],
          };
          candidates.set(entry.stem, candidate);
        }
        entry.candidate = candidate;
      }
      candidate.score += 1 + (sentenceIndex === 0 ? 1 : sentenceIndex < 3 ? 0.5 : 0);
      const { surface } = entry;
      if (tokenIndex === 0) {
        if (surface.initial === 0) candidate.initialSurfaces.push(surface);
        surface.initial += 1;
      } else {
        if (surface.inside === 0) candidate.surfaces.push(surface);
        surface.inside += 1;
      }
    }
  }
  // The candidates are the article's own: scored in place.
  const ranked = bestCandidates(candidates.values(), MAX_KEYWORDS);
  const top = ranked[0]?.score ?? 0;
  const chosen: string[] = [];
  for (const candidate of ranked) {
    if (chosen.length === MAX_KEYWORDS) break;
    if (chosen.length >= MIN_KEYWORDS && candidate.score < top * TAIL_SHARE) break;
    if (chosen.length >= USUAL_KEYWORDS && candidate.score < top * LONG_TAIL_SHARE) break;
    chosen.push(surfaceOf(candidate, language));
  }
  return chosen;
}

/** Higher score first, then the earlier, then by stem: a strict order, as stems are the candidates' keys. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.first - b.first || (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0);
}

/**
 * The first `count` candidates in compareCandidates' order, their scores weighed by length first: what sorting them
 * all gives as its first `count`, kept by insertion, as no more are ever read (an article has a hundred candidates
 * or more).
 */
function bestCandidates(candidates: Iterable<Candidate>, count: number): Candidate[] {
  const best: Candidate[] = [];
  for (const candidate of candidates) {
    candidate.score *= lengthFactor(candidate.stem);
    if (best.length === count) {
      if (compareCandidates(candidate, best[count - 1] as Candidate) >= 0) continue;
      best.pop();
    }
    let at = best.length;
    while (at > 0 && compareCandidates(candidate, best[at - 1] as Candidate) < 0) at -= 1;
    best.splice(at, 0, candidate);
  }
  return best;
}

/** Longer words are more specific: a Dutch compound such as "videoverbinding" says more than "land". */
function lengthFactor(stemText: string): number {
  return 0.75 + Math.min(stemText.length, 12) / 24;
}

function surfaceOf(candidate: Candidate, language: string): string {
  // The most frequent form; of equally frequent ones, the one the article uses first.
  const pick = (surfaces: readonly Surface[], count: (surface: Surface) => number) => {
    let best: string | undefined;
    let bestCount = 0;
    for (const surface of surfaces) {
      if (count(surface) > bestCount) {
        best = surface.word;
        bestCount = count(surface);
      }
    }
    return best;
  };
  const inside = pick(candidate.surfaces, (surface) => surface.inside);
  if (inside !== undefined) return inside;
  const initial = pick(candidate.initialSurfaces, (surface) => surface.initial) ?? candidate.stem;
  // "Sancties zijn …": a sentence start is capitalised by rule, except in German, where nouns always are.
  return packFor(language).capitalisesNouns ? initial : initial.toLowerCase();
}
