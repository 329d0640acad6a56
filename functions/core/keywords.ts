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
  /** Surface forms, counted; forms at a sentence start only count when there is no other. */
  surfaces: Map<string, number>;
  initialSurfaces: Map<string, number>;
}

export function extractKeywords(sentences: readonly string[], language: string, entities: readonly Entity[]): string[] {
  const stopwords = stopwordsFor(language);
  const { capitalisesNouns } = packFor(language);
  const nameWords = new Set(
    entities.flatMap((entity) =>
      [entity.name, entity.short ?? ''].flatMap((name) => name.split(/\s+/).map(foldAccents)),
    ),
  );
  const candidates = new Map<string, Candidate>();
  const stemmer = stemmerFor(language);
  // What a token's text decides wherever it stands, asked once per text: whether it can be a keyword, and its stem.
  const stems = new Map<string, string | undefined>();
  const stemOf = (word: string): string | undefined => {
    const lower = fold(word);
    if (
      word.length < MIN_LENGTH ||
      isNumeric(word) ||
      word.includes('.') ||
      stopwords.has(lower) ||
      isCalendarWord(lower) ||
      nameWords.has(foldAccents(word))
    ) {
      return undefined;
    }
    // stem(lower, language), with the stemmer looked up once per article.
    const key = stemmer ? stemCached(stemmer, lower) : foldAccents(lower);
    return key.length < MIN_LENGTH ? undefined : key;
  };
  for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex += 1) {
    const tokens = tokensOf(sentences[sentenceIndex] ?? '');
    for (let tokenIndex = 0; tokenIndex < tokens.length; tokenIndex += 1) {
      const word = stripPossessive(tokens[tokenIndex]?.text ?? '');
      let key = stems.get(word);
      if (key === undefined && !stems.has(word)) {
        key = stemOf(word);
        stems.set(word, key);
      }
      if (key === undefined) continue;
      // A capitalised word inside a sentence is a name the entity list left out, except where every noun is (German).
      if (!capitalisesNouns && tokenIndex > 0 && startsUpper(word)) continue;
      let candidate = candidates.get(key);
      if (!candidate) {
        candidate = {
          stem: key,
          score: 0,
          first: sentenceIndex * 1000 + tokenIndex,
          surfaces: new Map<string, number>(),
          initialSurfaces: new Map<string, number>(),
        };
        candidates.set(key, candidate);
      }
      candidate.score += 1 + (sentenceIndex === 0 ? 1 : sentenceIndex < 3 ? 0.5 : 0);
      const surfaces = tokenIndex === 0 ? candidate.initialSurfaces : candidate.surfaces;
      surfaces.set(word, (surfaces.get(word) ?? 0) + 1);
    }
  }
  const ranked = [...candidates.values()]
    .map((candidate) => ({ ...candidate, score: candidate.score * lengthFactor(candidate.stem) }))
    .sort((a, b) => b.score - a.score || a.first - b.first || (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0));
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

/** Longer words are more specific: a Dutch compound such as "videoverbinding" says more than "land". */
function lengthFactor(stemText: string): number {
  return 0.75 + Math.min(stemText.length, 12) / 24;
}

function surfaceOf(candidate: Candidate, language: string): string {
  const pick = (surfaces: ReadonlyMap<string, number>) => {
    let best: string | undefined;
    let bestCount = 0;
    for (const [surface, count] of surfaces) {
      if (count > bestCount) {
        best = surface;
        bestCount = count;
      }
    }
    return best;
  };
  const inside = pick(candidate.surfaces);
  if (inside !== undefined) return inside;
  const initial = pick(candidate.initialSurfaces) ?? candidate.stem;
  // "Sancties zijn …": a sentence start is capitalised by rule, except in German, where nouns always are.
  return packFor(language).capitalisesNouns ? initial : initial.toLowerCase();
}
