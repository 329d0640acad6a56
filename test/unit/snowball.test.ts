import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as original from 'snowball-stemmers';
import { newStemmer, type SnowballAlgorithm } from '../../functions/core/snowball';
import { fold, splitWords } from '../../functions/core/text';
import { EVAL_DIRECTORY } from '../../scripts/eval';
import { SNOWBALL_FILE, vendorSnowball } from '../../scripts/vendor-snowball';

const ALGORITHMS: readonly SnowballAlgorithm[] = ['dutch', 'english', 'french', 'german', 'italian', 'spanish'];

describe('the vendored Snowball stemmers', () => {
  it('are the installed package’s code', () => {
    // If this fails after a snowball-stemmers upgrade: node --import tsx scripts/vendor-snowball.ts
    expect(readFileSync(SNOWBALL_FILE, 'utf8')).toBe(vendorSnowball());
  });

  const articleWords = [
    ...new Set(
      readdirSync(join(EVAL_DIRECTORY, 'articles')).flatMap((file) =>
        splitWords(readFileSync(join(EVAL_DIRECTORY, 'articles', file), 'utf8')).map(fold),
      ),
    ),
  ];

  it.each(ALGORITHMS)('stem every word of the evaluation articles as the package does (%s)', (algorithm) => {
    const vendored = newStemmer(algorithm);
    const reference = original.newStemmer(algorithm);
    const differences = articleWords.filter((word) => vendored.stem(word) !== reference.stem(word));
    expect(articleWords.length).toBeGreaterThan(1000);
    expect(differences).toEqual([]);
  });

  it.each(ALGORITHMS)('stem any word of Latin letters as the package does (%s)', (algorithm) => {
    const vendored = newStemmer(algorithm);
    const reference = original.newStemmer(algorithm);
    const letter = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzàáâäçèéêëìíîïñòóôöùúûüßÿœæ’'".split(''));
    fc.assert(
      fc.property(fc.string({ unit: letter, maxLength: 16 }), (word) => {
        expect(vendored.stem(word)).toBe(reference.stem(word));
      }),
      { numRuns: 300 },
    );
  });
});
