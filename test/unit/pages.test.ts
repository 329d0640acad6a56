import { DomUtils, parseDocument } from 'htmlparser2';
import { articlePage, digestPage, indexPage, namePage, periodName } from '../../functions/api/pages';
import type { DigestPage } from '../../functions/app/digests';
import type { NameView } from '../../functions/app/names';
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
  topNames: [{ id: 'naam', name: `Naam ${HOSTILE}`, count: 1, url: '/names/naam' }],
  previous: { date: '2021-10', url: '/digests/2021-10' },
  next: { date: '2022-01', url: '/digests/2022-01' },
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

const name: NameView = {
  id: 'vladimir-putin',
  url: '/names/vladimir-putin',
  name: `Vladimir Poetin ${HOSTILE}`,
  spellings: [
    { spelling: `Vladimir Poetin ${HOSTILE}`, count: 2 },
    { spelling: 'Vladimir Putin', count: 1 },
  ],
  articleCount: 3,
  periods: [
    { period: '2021', articleCount: 3, url: '/digests/2021' },
    { period: '2021-12', articleCount: 3, url: '/digests/2021-12' },
    { period: '2021-12-07', articleCount: 1, url: '/digests/2021-12-07' },
  ],
  articles: [
    {
      id: article.id,
      date: article.date,
      headline: article.headline,
      summary: article.summary,
      language: 'nl',
      url: `/articles/${article.id}`,
      spelling: `Vladimir Poetin ${HOSTILE}`,
    },
  ],
  cursor: 'next',
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
    ['name', () => namePage(name, {})],
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
    const periods = DomUtils.findOne((element) => element.attribs.class === 'periods', document.children);
    expect(
      DomUtils.findAll((element) => element.name === 'a', periods ? [periods] : []).map((a) => a.attribs.href),
    ).toEqual(['/digests/2021-10', '/digests/2022-01']);
    const text = DomUtils.textContent(document);
    expect(text).toContain('← October 2021');
    expect(text).toContain('1 more copy');
    expect(text).toContain('next scheduled run');
    const articleElement = DomUtils.findOne((element) => element.name === 'article', document.children);
    expect(articleElement?.attribs.lang).toBe('nl');
  });

  it("lays out a name's page: its spellings, its months and years, its articles, the next page and its feeds", () => {
    const document = parseDocument(namePage(name, { limit: '1' }));
    const alternates = DomUtils.findAll((element) => element.name === 'link', document.children).map(
      (link) => link.attribs.href,
    );
    expect(alternates).toEqual([
      '/names/vladimir-putin?format=atom',
      '/names/vladimir-putin?format=rss',
      '/names/vladimir-putin?format=jsonfeed',
    ]);
    const hrefs = DomUtils.findAll((element) => element.name === 'a', document.children).map((a) => a.attribs.href);
    expect(hrefs).toEqual(
      expect.arrayContaining([
        '/articles/0123456789abcdef',
        '/digests/2021',
        '/digests/2021-12',
        '/names/vladimir-putin?limit=1&cursor=next',
      ]),
    );
    // Months and years are listed; a name's days are many, and its articles say them.
    expect(hrefs).not.toContain('/digests/2021-12-07');
    const text = DomUtils.textContent(document);
    expect(text).toContain('3 articles');
    expect(text).toContain('also written “Vladimir Putin”');
  });

  it("links the names of a digest and of an article to the names' pages", () => {
    const hrefsOf = (markup: string) =>
      DomUtils.findAll((element) => element.name === 'a', parseDocument(markup).children).map((a) => a.attribs.href);
    expect(hrefsOf(digestPage(digest, {}))).toContain('/names/naam');
    const named = { ...article, entities: ['Vladimir Poetin', 'Rusland', 'Poetin'] };
    const links = hrefsOf(articlePage(named)).filter((href) => href?.startsWith('/names/'));
    expect(links).toEqual(['/names/vladimir-putin', '/names/RU']);
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
