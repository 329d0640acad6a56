/** Sentence and word segmentation shared by the analysis and the digest. */
const sentenceSegmenter = new Intl.Segmenter('nl', { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter('nl', { granularity: 'word' });

export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  for (const { segment } of sentenceSegmenter.segment(paragraph)) {
    const sentence = segment.trim();
    if (sentence) sentences.push(sentence);
  }
  return sentences;
}

export function splitWords(text: string): string[] {
  const words: string[] = [];
  for (const { segment, isWordLike } of wordSegmenter.segment(text)) {
    if (isWordLike) words.push(segment);
  }
  return words;
}

export function countWords(paragraphs: readonly string[]): number {
  let count = 0;
  for (const paragraph of paragraphs) count += splitWords(paragraph).length;
  return count;
}
