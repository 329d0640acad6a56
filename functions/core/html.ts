import type * as Htmlparser2 from 'htmlparser2';
import { lazyPackage } from './lazy';

/** htmlparser2 brings entities, which decodes its entity tables when evaluated: loaded for the first HTML file only. */
const htmlparser2 = lazyPackage<typeof Htmlparser2>('htmlparser2', () => require('htmlparser2'));

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);
/** Content that is never article text: code, styling, and captions under photos. */
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'svg', 'figcaption']);

const MARKUP =
  /<\/?(?:html|body|head|p|div|br|span|a|b|i|em|strong|h[1-6]|ul|ol|li|script|style|article|section|img|figure|figcaption|table|blockquote)\b[^>]*>/i;
const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});/i;

export function looksLikeHtml(text: string): boolean {
  return MARKUP.test(text) || ENTITY.test(text);
}

/**
 * Plain text from HTML: tags stripped, scripts and styles dropped, entities decoded, and
 * block elements turned into blank-line paragraph breaks so the seed parser sees paragraphs.
 */
export function htmlToText(html: string): string {
  let text = '';
  let skipping = 0;
  const parser = new (htmlparser2().Parser)(
    {
      onopentag(name) {
        if (SKIPPED_TAGS.has(name)) skipping += 1;
        else if (name === 'br') text += '\n';
        else if (BLOCK_TAGS.has(name)) text += '\n\n';
      },
      onclosetag(name) {
        if (SKIPPED_TAGS.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK_TAGS.has(name)) text += '\n\n';
      },
      ontext(data) {
        if (skipping === 0) text += data;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return text.replace(/\u00A0/g, ' ');
}
