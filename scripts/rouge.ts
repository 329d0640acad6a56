/**
 * ROUGE (Lin 2004) for `npm run eval`: tokenizes with Unicode letter classes and lower-cases, nothing else (no
 * stemming, no stopword removal): implementations that keep only [a-z0-9] would split "één" and "Oekraïne"
 * into fragments.
 */
import { fold, splitWords } from '../functions/core/text';

export interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export function rougeTokens(text: string): string[] {
  return splitWords(text).map(fold);
}

function ngrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let index = 0; index + n <= tokens.length; index += 1) {
    const gram = tokens.slice(index, index + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

export function scores(overlap: number, candidateTotal: number, referenceTotal: number): Scores {
  const precision = candidateTotal === 0 ? 0 : overlap / candidateTotal;
  const recall = referenceTotal === 0 ? 0 : overlap / referenceTotal;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** ROUGE-N: clipped n-gram overlap of a candidate with a reference. */
export function rougeN(candidate: string, reference: string, n: number): Scores {
  const candidateGrams = ngrams(rougeTokens(candidate), n);
  const referenceGrams = ngrams(rougeTokens(reference), n);
  let overlap = 0;
  for (const [gram, count] of candidateGrams) overlap += Math.min(count, referenceGrams.get(gram) ?? 0);
  const total = (grams: Map<string, number>) => [...grams.values()].reduce((sum, count) => sum + count, 0);
  return scores(overlap, total(candidateGrams), total(referenceGrams));
}

/** ROUGE-L: longest common subsequence of tokens. */
export function rougeL(candidate: string, reference: string): Scores {
  const a = rougeTokens(candidate);
  const b = rougeTokens(reference);
  const previous = new Array<number>(b.length + 1).fill(0);
  for (const word of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] as number;
      previous[j] = word === b[j - 1] ? diagonal + 1 : Math.max(above, previous[j - 1] as number);
      diagonal = above;
    }
  }
  return scores(previous[b.length] as number, a.length, b.length);
}
