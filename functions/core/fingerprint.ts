import { hash as cryptoHash } from 'node:crypto';
import { foldedWordsOf } from './text';

/**
 * Compact fingerprints of an article body, stored with its summary so that a digest can find duplicates
 * without reading any text: a hash of the normalized body for identical copies, and a MinHash signature
 * of its word 3-shingles for near-duplicates. The signature is MINHASH_SIZE 16-bit minima, 172 characters
 * of base64; the share of equal minima estimates the shingles' Jaccard similarity.
 */
export const MINHASH_SIZE = 64;
const SHINGLE = 3;

/** Identical bodies once words are lower-cased and punctuation and spacing are ignored. */
export function bodyHash(paragraphs: readonly string[]): string {
  return bodyHashOfWords(paragraphs.flatMap(foldedWordsOf));
}

/** bodyHash of the body's lower-case words, for a caller that has them already. */
export function bodyHashOfWords(words: readonly string[]): string {
  // The one-shot hash: the same digest as a Hash object's, without making one per article.
  return cryptoHash('sha256', words.join(' ')).slice(0, 16);
}

export function shingles(paragraphs: readonly string[]): Set<string> {
  const words = paragraphs.flatMap(foldedWordsOf);
  const result = new Set<string>();
  if (words.length < SHINGLE) {
    if (words.length > 0) result.add(words.join(' '));
    return result;
  }
  for (let index = 0; index + SHINGLE <= words.length; index += 1) {
    result.add(words.slice(index, index + SHINGLE).join(' '));
  }
  return result;
}

export function minhash(paragraphs: readonly string[]): string {
  return minhashOfWords(paragraphs.flatMap(foldedWordsOf));
}

/** minhash of the body's lower-case words, for a caller that has them already. */
export function minhashOfWords(words: readonly string[]): string {
  const hashes = shingleHashes(words);
  const minima = new Uint32Array(MINHASH_SIZE);
  for (let slot = 0; slot < MINHASH_SIZE; slot += SLOTS_PER_PASS) minimaOf(hashes, slot, minima);
  const bytes = new Uint8Array(MINHASH_SIZE * 2);
  for (let slot = 0; slot < MINHASH_SIZE; slot += 1) {
    // Each minimum's low 16 bits are the signature's.
    const minimum = minima[slot] as number;
    bytes[slot * 2] = minimum & 0xff;
    bytes[slot * 2 + 1] = (minimum >>> 8) & 0xff;
  }
  return Buffer.from(bytes).toString('base64');
}

/** How many slots one pass over the shingles' hashes fills: MINHASH_SIZE is a multiple of it. */
const SLOTS_PER_PASS = 4;

/**
 * The least mixed hash of the shingles for the seeds of four slots from `slot` on, into `minima`: four slots a pass
 * over the hashes rather than one, so that each hash is loaded once for four independent mixes, which the processor
 * overlaps (about 30% less time than a pass per slot). In a function of its own, which is optimised whole rather than
 * entered half-way through its loop while the code after the loop has never run. The hashes are compared as
 * flippedMix gives them.
 */
function minimaOf(hashes: Uint32Array, slot: number, minima: Uint32Array): void {
  const seed0 = SEEDS[slot] as number;
  const seed1 = SEEDS[slot + 1] as number;
  const seed2 = SEEDS[slot + 2] as number;
  const seed3 = SEEDS[slot + 3] as number;
  let minimum0 = 0x7fffffff;
  let minimum1 = 0x7fffffff;
  let minimum2 = 0x7fffffff;
  let minimum3 = 0x7fffffff;
  for (let index = 0; index < hashes.length; index += 1) {
    const shingle = hashes[index] as number;
    const hash0 = flippedMix(shingle ^ seed0);
    if (hash0 < minimum0) minimum0 = hash0;
    const hash1 = flippedMix(shingle ^ seed1);
    if (hash1 < minimum1) minimum1 = hash1;
    const hash2 = flippedMix(shingle ^ seed2);
    if (hash2 < minimum2) minimum2 = hash2;
    const hash3 = flippedMix(shingle ^ seed3);
    if (hash3 < minimum3) minimum3 = hash3;
  }
  minima[slot] = (minimum0 ^ 0x80000000) >>> 0;
  minima[slot + 1] = (minimum1 ^ 0x80000000) >>> 0;
  minima[slot + 2] = (minimum2 ^ 0x80000000) >>> 0;
  minima[slot + 3] = (minimum3 ^ 0x80000000) >>> 0;
}

/** The 16-bit minima of a stored signature; an empty array for a missing or malformed one. */
export function decodeMinhash(signature: string | undefined): Uint16Array {
  if (!signature) return new Uint16Array(0);
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.length !== MINHASH_SIZE * 2) return new Uint16Array(0);
  const values = new Uint16Array(MINHASH_SIZE);
  for (let slot = 0; slot < MINHASH_SIZE; slot += 1)
    values[slot] = (bytes[slot * 2] ?? 0) | ((bytes[slot * 2 + 1] ?? 0) << 8);
  return values;
}

/** The estimated Jaccard similarity of two signatures' shingle sets. */
export function estimateJaccard(a: Uint16Array, b: Uint16Array): number {
  if (a.length !== MINHASH_SIZE || b.length !== MINHASH_SIZE) return 0;
  let equal = 0;
  for (let slot = 0; slot < MINHASH_SIZE; slot += 1) if (a[slot] === b[slot]) equal += 1;
  return equal / MINHASH_SIZE;
}

const SEEDS = Uint32Array.from({ length: MINHASH_SIZE }, (_, slot) => mix(Math.imul(slot + 1, 0x9e3779b9)));

/**
 * The FNV-1a hash of each of `shingles`, without joining the shingles' words into strings: the hash of the words
 * and the spaces between them, fed in order. A shingle the body repeats has its hash more than once, which changes
 * no minimum.
 */
function shingleHashes(words: readonly string[]): Uint32Array {
  if (words.length < SHINGLE) return words.length > 0 ? Uint32Array.of(fnv1a(words.join(' '))) : new Uint32Array(0);
  const hashes = new Uint32Array(words.length - SHINGLE + 1);
  for (let index = 0; index < hashes.length; index += 1) {
    let hash = feed(FNV_OFFSET, words[index] ?? '');
    for (let offset = 1; offset < SHINGLE; offset += 1) hash = feed(feed(hash, ' '), words[index + offset] ?? '');
    hashes[index] = hash >>> 0;
  }
  return hashes;
}

const FNV_OFFSET = 0x811c9dc5;

function fnv1a(text: string): number {
  return feed(FNV_OFFSET, text) >>> 0;
}

function feed(start: number, text: string): number {
  let hash = start;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

/** MurmurHash3's finalizer: a bijection on 32 bits that spreads every input bit. */
function mix(value: number): number {
  return (flippedMix(value) ^ 0x80000000) >>> 0;
}

/**
 * mix as a signed 32-bit integer with its top bit flipped, which orders the results as mix's unsigned ones: an
 * unsigned value of 2^31 or more is no small integer to V8, and a loop comparing them ran on doubles.
 */
function flippedMix(value: number): number {
  let hash = value ^ (value >>> 16);
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16) ^ 0x80000000;
}
