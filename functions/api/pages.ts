import { createHash } from 'node:crypto';
import httpSecurityHeaders from '@middy/http-security-headers';
import escapeHtml from 'escape-html';
import type { DigestListing, DigestPage } from '../app/digests';
import type { NameArticle, NameView } from '../app/names';
import type { StoryArticle, StoryView } from '../app/stories';
import type { Article } from '../core/article';
import { type DigestArticle, type DigestStory, digestUrl } from '../core/digest';
import { lazy } from '../core/lazy';
import { articleNames, nameUrl } from '../core/name-index';
import { parsePeriod, startOfPeriod } from '../core/periods';
import type { PublicError } from '../shared/http';

/** Markup already made safe; anything else placed in an `html` template is escaped. */
class Html {
  constructor(readonly markup: string) {}
}

type Content = Html | string | number | false | undefined | readonly Content[];

function render(value: Content): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === false || value === undefined) return '';
  return escapeHtml(String(value));
}

function html(strings: TemplateStringsArray, ...values: Content[]): Html {
  return new Html(strings.reduce((markup, text, index) => markup + render(values[index - 1] as Content) + text));
}

/** The one stylesheet, inline so a page needs nothing else; the CSP admits it by its hash and nothing more. */
const STYLE = `
:root { color-scheme: light dark; --muted: #5f6368; --rule: #d9dce0; --accent: #0b57d0; }
@media (prefers-color-scheme: dark) { :root { --muted: #a8adb3; --rule: #3c4043; --accent: #8ab4f8; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 1rem 1.25rem 3rem; font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow-wrap: anywhere; }
a { color: var(--accent); }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1.5rem 0 0.5rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2rem 0 0.25rem; }
h3 { font-size: 1.05rem; line-height: 1.35; margin: 0 0 0.25rem; }
header nav, footer { font-size: 0.9rem; color: var(--muted); }
footer { margin-top: 3rem; border-top: 1px solid var(--rule); padding-top: 1rem; }
.meta { color: var(--muted); font-size: 0.875rem; margin: 0 0 0.5rem; }
.lede { font-size: 1.15rem; }
.notice { border-left: 4px solid #e37400; padding: 0.5rem 0.75rem; background: rgba(227, 116, 0, 0.08); }
.story { border-top: 1px solid var(--rule); }
.story ol, .dates { list-style: none; padding: 0; margin: 0.75rem 0 0; }
.story li { margin: 0 0 1rem; }
.story li p { margin: 0; }
.terms { display: flex; flex-wrap: wrap; gap: 0.375rem; list-style: none; padding: 0; margin: 0.25rem 0 1rem; }
.terms li { border: 1px solid var(--rule); border-radius: 1rem; padding: 0 0.625rem; font-size: 0.875rem; }
.dates li { display: flex; justify-content: space-between; gap: 1rem; padding: 0.375rem 0; border-bottom: 1px solid var(--rule); }
.pager { margin-top: 2rem; font-weight: 600; }
.periods { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1rem; margin-top: 2rem; border-top: 1px solid var(--rule); padding-top: 1rem; }
`;

const styleHash = createHash('sha256').update(STYLE).digest('base64');

/**
 * Security headers on every answer, pages above all: no scripts, frames or outside requests, only
 * the style above. The middleware's reporting and upgrade directives are off: there is no report
 * endpoint, and the local server speaks plain HTTP. The feature policy is off as well, since its
 * long default list makes browsers log errors for the features they do not know, and a page
 * without scripts cannot use any of them.
 */
// The middleware leaves out a directive set to false; its type declarations admit only strings.
const OMITTED = false as unknown as string;

export const securityHeaders = httpSecurityHeaders({
  contentSecurityPolicy: {
    'default-src': "'none'",
    'style-src': `'sha256-${styleHash}'`,
    'report-to': OMITTED,
    // `default-src 'none'` already stops every script; a sandbox on top would only stop tools such as the page tests.
    sandbox: OMITTED,
    'upgrade-insecure-requests': OMITTED,
  },
  // Public data, fetched from any origin (CORS): other sites may embed it.
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  permissionsPolicy: false,
  originAgentCluster: false,
  reportTo: false,
});

interface Alternate {
  readonly type: string;
  readonly format: string;
  readonly title: string;
  readonly href: string;
}

/** The feeds of a page, announced in its head for feed readers and linked at its foot for people. */
const feedsOf = (path: string, title: string): readonly Alternate[] =>
  [
    { type: 'application/atom+xml', format: 'Atom', query: 'atom' },
    { type: 'application/rss+xml', format: 'RSS', query: 'rss' },
    { type: 'application/feed+json', format: 'JSON Feed', query: 'jsonfeed' },
  ].map(({ type, format, query }) => ({
    type,
    format,
    title: `${title} (${format})`,
    href: `${path}?format=${query}`,
  }));

function layout(title: string, alternates: readonly Alternate[], main: Html): string {
  return render(html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${alternates.map((link) => html`<link rel="alternate" type="${link.type}" title="${link.title}" href="${link.href}">\n`)}<style>${new Html(STYLE)}</style>
</head>
<body>
<header><nav><a href="/">Headline digest</a></nav></header>
<main>
${main}
</main>
<footer>
${alternates.length > 0 && html`<p>Subscribe in a feed reader: ${alternates.map((link, index) => html`${index > 0 && ' · '}<a href="${link.href}" type="${link.type}" title="${link.title}">${link.format}</a>`)}</p>`}
<p>For programs: the same data as JSON, described by <a href="/openapi.json">the OpenAPI document</a>.</p>
</footer>
</body>
</html>
`);
}

// Made on the first page, not at init: ICU loads a locale's calendar data for each formatter, and JSON requests need none.
const MONTH = lazy(() => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }));
const DAY = lazy(
  () => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
);

/** `2021` → 2021, `2021-12` → December 2021, `2021-12-15` → 15 December 2021. */
export function periodName(period: string): string {
  const { level } = parsePeriod(period);
  if (level === 'year') return period;
  return (level === 'month' ? MONTH : DAY)().format(startOfPeriod(period));
}

/** Page titles are kept to 70 characters, as search results and tabs show them: a longer one ends at a word. */
const TITLE_MAX = 70;
function shortTitle(text: string): string {
  if (text.length <= TITLE_MAX) return text;
  const cut = text.slice(0, TITLE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > TITLE_MAX / 2 ? cut.slice(0, space) : cut}…`;
}

/** `lang` of text in a language, empty (unknown) for `und`. */
const htmlLang = (language: string) => (language === 'und' ? '' : language);
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
const copies = (count: number) => `${count} more ${count === 1 ? 'copy' : 'copies'}`;

function terms(label: string, values: readonly string[]): Html | false {
  return (
    values.length > 0 &&
    html`<ul class="terms" aria-label="${label}">${values.map((value) => html`<li>${value}</li>`)}</ul>`
  );
}

/** Names as chips, each linking to its page (`/names/{id}`). */
function nameChips(label: string, names: readonly { readonly text: string; readonly url: string }[]): Html | false {
  return (
    names.length > 0 &&
    html`<ul class="terms" aria-label="${label}">${names.map(({ text, url }) => html`<li><a href="${url}">${text}</a></li>`)}</ul>`
  );
}

/** What a page was asked with that its next page keeps: an explicit format and page size. */
export interface PageQuery {
  readonly format?: string | undefined;
  readonly limit?: string | undefined;
  readonly cursor?: string | undefined;
}

/** Where the next page of a listing is: the same address and query, with the next cursor. */
function nextPage(path: string, cursor: string | undefined, asked: PageQuery, label: string): Html | false {
  if (!cursor) return false;
  const query = new URLSearchParams({
    ...(asked.format ? { format: asked.format } : {}),
    ...(asked.limit ? { limit: asked.limit } : {}),
    cursor,
  });
  return html`<p class="pager"><a rel="next" href="${`${path}?${query}`}">${label} →</a></p>`;
}

/** `GET /`: the dates that have articles, newest first, each linking to its digest. */
export function indexPage(listing: DigestListing, asked: PageQuery): string {
  const main = html`<h1>Headline digest</h1>
<p class="lede">The news, a date at a time: each digest groups the articles of a day, a month or a year into stories, with a headline and a short summary of each.</p>
${
  listing.dates.length === 0
    ? html`<p>${asked.cursor ? 'No older dates.' : 'No articles have been loaded yet.'}</p>`
    : html`<ul class="dates">
${listing.dates.map(({ date, articleCount, url }) => html`<li><a href="${url}">${periodName(date)}</a> <span class="meta">${plural(articleCount, 'article')}</span></li>\n`)}</ul>`
}
${nextPage('/', listing.cursor, asked, 'Older dates')}`;
  return layout('Headline digest', feedsOf('/feeds/latest', 'Latest digests'), main);
}

/** One article in a list: its headline linking to its page, its date, reading time and summary. */
function articleEntry(article: StoryArticle, copyCount = 0): Html {
  return html`<li><article lang="${htmlLang(article.language)}">
<h3><a href="${article.url}">${article.headline}</a></h3>
<p class="meta"><time datetime="${article.date}">${periodName(article.date)}</time> · ${article.readingMinutes} min read${copyCount > 0 && ` · ${copies(copyCount)}`}</p>
<p>${article.summary}</p>
</article></li>
`;
}

/** Where a story of a digest came from: since when it runs and what came before, when it began earlier. */
function storyHistory(story: DigestStory, period: string): Html | false {
  // Digests stored before stories had pages carry none of this.
  if (!story.url) return false;
  const earlier = story.earlierArticleCount ?? 0;
  const running =
    story.since && !story.since.startsWith(period)
      ? html` · running since <time datetime="${story.since}">${periodName(story.since)}</time>${earlier > 0 && `, ${plural(earlier, 'earlier article')}`}`
      : '';
  return html`${running} · <a href="${story.url}">the whole story</a>`;
}

function storySection(story: DigestStory, articles: readonly DigestArticle[], period: string): Html {
  return html`<section class="story" aria-labelledby="story-${story.id}">
<h2 id="story-${story.id}">${story.headline}</h2>
<p class="meta">${plural(story.articleCount, 'article')}${story.entities.length > 0 && ` · ${story.entities.slice(0, 4).join(', ')}`}${storyHistory(story, period)}</p>
<ol>
${articles.map((article) => articleEntry(article, article.duplicates.length))}</ol>
</section>
`;
}

/** Links to the digests of the same level either side that have articles: the day before and after, the month, the year. */
function periodNavigation(digest: DigestPage): Html | false {
  if (!digest.previous && !digest.next) return false;
  return html`<p class="periods">
${digest.previous && html`<a href="${digest.previous.url}">← ${periodName(digest.previous.date)}</a>`}
${digest.next && html`<a href="${digest.next.url}">${periodName(digest.next.date)} →</a>`}
</p>`;
}

/** A digest, one page of its stories: headlines and summaries, linking to every article and to the feeds. */
export function digestPage(digest: DigestPage, asked: PageQuery): string {
  const path = digestUrl(digest.date);
  const name = periodName(digest.date);
  const articlesOf = (story: DigestStory) => digest.articles.filter((article) => article.story === story.id);
  const main = html`<h1>${name}</h1>
<p class="meta">${plural(digest.articleCount, 'article')} · generated <time datetime="${digest.generatedAt}">${digest.generatedAt.slice(0, 16).replace('T', ' ')} UTC</time></p>
${digest.stale && html`<p class="notice">Articles of this date changed after this digest was made; the next scheduled run brings it up to date.</p>`}
${digest.summary.length > 0 && html`<p class="lede">${digest.summary.map((sentence) => sentence.text).join(' ')}</p>`}
${
  digest.topNames.length > 0 &&
  html`<h2>In the news</h2>${nameChips(
    'Most mentioned',
    digest.topNames.map(({ name: entity, count, url }) => ({ text: `${entity} (${count})`, url })),
  )}`
}
${digest.stories.map((story) => storySection(story, articlesOf(story), digest.date))}
${nextPage(path, digest.cursor, asked, 'More articles')}
${periodNavigation(digest)}`;
  return layout(`Headline digest: ${name}`, feedsOf(path, `Digest of ${name}`), main);
}

/** A story across its dates: its headline, each date with its number of articles, and a page of its articles by date. */
export function storyPage(story: StoryView, asked: PageQuery): string {
  const byDate = new Map<string, StoryArticle[]>();
  for (const article of story.articles) byDate.set(article.date, [...(byDate.get(article.date) ?? []), article]);
  const span =
    story.since === story.until
      ? html`<time datetime="${story.since}">${periodName(story.since)}</time>`
      : html`<time datetime="${story.since}">${periodName(story.since)}</time> to <time datetime="${story.until}">${periodName(story.until)}</time>`;
  const main = html`<h1>${story.headline}</h1>
<p class="meta">${plural(story.articleCount, 'article')} · ${span}</p>
<h2>Dates</h2>
<ul class="dates">
${story.dates.map(({ date, articleCount, url }) => html`<li><a href="${url}">${periodName(date)}</a> <span class="meta">${plural(articleCount, 'article')}</span></li>\n`)}</ul>
${[...byDate].map(
  ([date, articles]) => html`<section class="story" aria-labelledby="date-${date}">
<h2 id="date-${date}">${periodName(date)}</h2>
<ol>
${articles.map((article) => articleEntry(article))}</ol>
</section>
`,
)}
${nextPage(story.url, story.cursor, asked, 'More articles')}`;
  return layout(shortTitle(`Story: ${story.headline}`), feedsOf(story.url, `Story: ${story.headline}`), main);
}

/** A name's article in a list: its headline linking to its page, its date, how it spells the name, and its summary. */
function nameArticleEntry(article: NameArticle): Html {
  return html`<li><article lang="${htmlLang(article.language)}">
<h3><a href="${article.url}">${article.headline}</a></h3>
<p class="meta"><time datetime="${article.date}">${periodName(article.date)}</time> · as “${article.spelling}”</p>
<p>${article.summary}</p>
</article></li>
`;
}

/** A name across dates: its spellings, its years and months with their counts, and a page of its articles, newest first. */
export function namePage(name: NameView, asked: PageQuery): string {
  const others = name.spellings.filter(({ spelling }) => spelling !== name.name);
  const periods = name.periods.filter(({ period }) => parsePeriod(period).level !== 'day');
  const main = html`<h1>${name.name}</h1>
<p class="meta">${plural(name.articleCount, 'article')}${others.length > 0 && html` · also written ${others.map(({ spelling }, index) => html`${index > 0 && ', '}“${spelling}”`)}`}</p>
<h2>Dates</h2>
<ul class="dates">
${periods.map(
  ({
    period,
    articleCount,
    url,
  }) => html`<li><a href="${url}">${periodName(period)}</a> <span class="meta">${plural(articleCount, 'article')}</span></li>
`,
)}</ul>
<section class="story" aria-labelledby="articles">
<h2 id="articles">Articles, newest first</h2>
<ol>
${name.articles.map(nameArticleEntry)}</ol>
</section>
${nextPage(name.url, name.cursor, asked, 'Older articles')}`;
  return layout(shortTitle(`${name.name} – Headline digest`), feedsOf(name.url, name.name), main);
}

/** One article in full: its headline, summary, text, names and keywords, and the digest of its date. */
export function articlePage(article: Article): string {
  const main = html`<article lang="${htmlLang(article.language)}">
<h1>${article.headline}</h1>
<p class="meta"><a href="${digestUrl(article.date)}"><time datetime="${article.date}">${periodName(article.date)}</time></a> · ${plural(article.wordCount, 'word')} · ${article.readingMinutes} min read</p>
${article.title !== undefined && article.title !== article.headline && html`<p class="meta">Original title: ${article.title}</p>`}
<p class="lede"><strong>In short:</strong> ${article.summary}</p>
${article.blocks
  .filter((block) => block.type !== 'boilerplate')
  .map((block) => (block.type === 'subheading' ? html`<h2>${block.text}</h2>\n` : html`<p>${block.text}</p>\n`))}
${article.truncated && html`<p class="notice">The text is long and only its beginning is shown here; the full text stays in the source file.</p>`}
</article>
${
  article.entities.length > 0 &&
  html`<h2>Names</h2>${nameChips(
    'Names',
    articleNames(article.entities).map(({ id, spelling }) => ({ text: spelling, url: nameUrl(id) })),
  )}`
}
${article.keywords.length > 0 && html`<h2>Keywords</h2>${terms('Keywords', article.keywords)}`}`;
  return layout(`${article.headline} – Headline digest`, [], main);
}

/** What each status a caller can act on is called on its page; any other 4xx is an error by that name. */
const ERROR_TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Changed in the meantime',
};

/** A 4xx for a person: what went wrong in the words of the JSON error, its status and code, and a way back. */
export function errorPage(error: PublicError): string {
  const title = ERROR_TITLES[error.statusCode] ?? 'Error';
  const main = html`<h1>${title}</h1>
<p class="lede">${error.message}</p>
<p class="meta">${error.statusCode} · ${error.code}</p>
<p><a href="/">Go to the index of dates</a></p>`;
  return layout(`${title} – Headline digest`, [], main);
}
