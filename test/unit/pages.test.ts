import { DomUtils, parseDocument } from 'htmlparser2';
import { articlePage, digestPage, indexPage, periodName } from '../../functions/api/pages';
import type { DigestPage } from '../../functions/app/digests';
import type { Article } from '../../functions/core/article';

const HOSTILE = `"><script>alert('x')</script><img src=x onerror=alert(1)> & </p></main> ]]> <!--`;

const article: Article = {
  id: '0123456789abcdef',
  date: '2021-12-07',
  headline: `Kop ${HOSTILE}`,
  summary: `Samenvatting ${HOSTILE}`,
  language: 'nl',
  wordCount: 120,
  readingMinutes: 1,
  keywords: [`trefwoord ${HOSTILE}`],
  entities: [`Naam ${HOSTILE}`],
  bodyHash: 'hash',
  minhash: '',
  title: `Titel ${HOSTILE}`,
  blocks: [
    { type: 'subheading', text: `Tussenkop ${HOSTILE}` },
    { type: 'paragraph', text: `Alinea ${HOSTILE}` },
  ],
  sources: ['a.txt'],
  ingestedAt: '2021-12-08T10:00:00.000Z',
};

const digest: DigestPage = {
  date: '2021-12',
  level: 'month',
  generatedAt: '2021-12-31T05:00:00.000Z',
  articleCount: 1,
  stale: true,
  summary: [{ text: `Zin ${HOSTILE}`, articleId: article.id }],
  stories: [
    {
      id: 'story1',
      headline: `Verhaal ${HOSTILE}`,
      url: '/stories/story1',
      since: '2021-11-30',
      earlierArticleCount: 3,
      articleCount: 1,
      articleIds: [article.id],
      keywords: [],
      entities: [`Naam ${HOSTILE}`],
    },
  ],
  topEntities: [{ name: `Naam ${HOSTILE}`, count: 1 }],
  topKeywords: [],
  articles: [
    {
      ...article,
      url: `/articles/${article.id}`,
      story: 'story1',
      duplicates: [{ id: 'fedcba9876543210', url: '/articles/fedcba9876543210' }],
    },
  ],
  cursor: 'eyJvZmZzZXQiOiIxIn0',
};

/** Elements a page of plain text has no business containing, whatever the text said. */
function injected(markup: string) {
  const document = parseDocument(markup);
  return DomUtils.findAll(
    (element) => ['script', 'img', 'geen'].includes(element.name) || Object.keys(element.attribs).includes('onerror'),
    document.children,
  );
}

describe('pages', () => {
  it.each([
    ['article', () => articlePage(article)],
    ['digest', () => digestPage(digest, {})],
    [
      'index',
      () =>
        indexPage(
          { dates: [{ date: '2021-12', articleCount: 3, url: '/digests/2021-12' }], cursor: 'abc' },
          { format: 'html' },
        ),
    ],
  ])('keep every piece of text in the %s page as text', (_name, render) => {
    const markup = render();
    expect(injected(markup)).toEqual([]);
    expect(markup.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(markup.match(/<\/html>/g)).toHaveLength(1);
  });

  it('shows the hostile text itself, readable', () => {
    const text = DomUtils.textContent(parseDocument(articlePage(article)));
    expect(text).toContain(`Kop ${HOSTILE}`);
    expect(text).toContain(`Alinea ${HOSTILE}`);
  });

  it('leaves the boilerplate the parser kept out of the article page', () => {
    const withBoilerplate: Article = {
      ...article,
      blocks: [
        { type: 'boilerplate', kind: 'timestamp', text: 'Publicatie: wo 18 juli 2018 11.05 uur' },
        { type: 'paragraph', text: 'De raad stemde in met het nieuwe zwembad.' },
        { type: 'boilerplate', kind: 'credit', text: '© Fotobureau Dijkstra' },
      ],
    };
    const text = DomUtils.textContent(parseDocument(articlePage(withBoilerplate)));
    expect(text).toContain('De raad stemde in met het nieuwe zwembad.');
    expect(text).not.toContain('Publicatie');
    expect(text).not.toContain('Fotobureau');
  });

  it('lays out a digest page: stories with their articles, copies, staleness, the next page and the feeds', () => {
    const document = parseDocument(digestPage(digest, { format: 'html', limit: '20', cursor: 'previous' }));
    const links = DomUtils.findAll((element) => element.name === 'a' || element.name === 'link', document.children);
    const hrefs = links.map((link) => link.attribs.href);
    expect(hrefs).toEqual(
      expect.arrayContaining([
        '/articles/0123456789abcdef',
        '/digests/2021-12?format=html&limit=20&cursor=eyJvZmZzZXQiOiIxIn0',
        '/digests/2021-12?format=atom',
        '/digests/2021-12?format=rss',
        '/digests/2021-12?format=jsonfeed',
      ]),
    );
    const text = DomUtils.textContent(document);
    expect(text).toContain('1 more copy');
    expect(text).toContain('next scheduled run');
    const articleElement = DomUtils.findOne((element) => element.name === 'article', document.children);
    expect(articleElement?.attribs.lang).toBe('nl');
  });

  it('says the listing is over, not empty, on a last page that came out empty', () => {
    const text = (asked: { cursor?: string }) => DomUtils.textContent(parseDocument(indexPage({ dates: [] }, asked)));
    expect(text({ cursor: 'abc' })).toContain('No older dates.');
    expect(text({})).toContain('No articles have been loaded yet.');
  });

  it.each([
    ['2021', '2021'],
    ['2021-12', 'December 2021'],
    ['2021-12-07', '7 December 2021'],
  ])('names the period %s as %s', (period, name) => {
    expect(periodName(period)).toBe(name);
  });
});
