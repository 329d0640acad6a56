import { Feed, type Item } from 'feed';
import type { ServedDigest } from '../app/digests';
import type { NameView } from '../app/names';
import type { StoryArticle, StoryView } from '../app/stories';
import { type Digest, digestUrl } from '../core/digest';
import { startOfPeriod } from '../core/periods';
import type { Format } from './formats';

export type FeedFormat = Exclude<Format, 'json' | 'html'>;

/** Characters XML 1.0 cannot carry at all; the rest (`<`, `&`, `]]>`) the feed library escapes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what must go.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const clean = (text: string) => text.replace(NOT_XML, '');
/** Atom titles and summaries, RSS descriptions and JSON Feed's content_html are HTML: plain text is escaped for them. */
const asHtml = (text: string) => clean(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function render(feed: Feed, format: FeedFormat): string {
  if (format === 'atom') return feed.atom1();
  if (format === 'rss') return feed.rss2();
  // The library writes JSON Feed 1; 1.1 differs only in `authors`, which these feeds do not use.
  return JSON.stringify({ ...JSON.parse(feed.json1()), version: 'https://jsonfeed.org/version/1.1' }, null, 2);
}

/** An entry's title and summary, each escaped as its field in this format expects. */
function text(format: FeedFormat, title: string, summary: string): Pick<Item, 'title' | 'description'> {
  return { title: format === 'atom' ? asHtml(title) : clean(title), description: asHtml(summary) };
}

function newFeed(self: string, title: string, updated: string, description: string): Feed {
  return new Feed({
    id: self,
    title,
    description,
    link: self,
    updated: new Date(updated),
    generator: 'headline-digest',
    copyright: 'The authors of the articles',
    feedLinks: { atom: `${self}?format=atom`, rss: `${self}?format=rss`, json: `${self}?format=jsonfeed` },
  });
}

/** An entry per article, its id and link the article's own URL. */
function addArticles(
  feed: Feed,
  articles: readonly Pick<StoryArticle, 'url' | 'date' | 'headline' | 'summary'>[],
  format: FeedFormat,
  base: string,
): void {
  for (const article of articles) {
    const url = `${base}${article.url}`;
    const item: Item = {
      id: url,
      guid: url,
      link: url,
      date: startOfPeriod(article.date),
      ...text(format, article.headline, article.summary),
    };
    feed.addItem(item);
  }
}

/** One date's digest as a feed: an entry per article of its first page. */
export function digestFeed(digest: ServedDigest, format: FeedFormat, base: string): string {
  const self = `${base}${digestUrl(digest.date)}`;
  const feed = newFeed(self, `Headline digest: ${digest.date}`, digest.generatedAt, `Articles dated ${digest.date}`);
  addArticles(feed, digest.articles, format, base);
  return render(feed, format);
}

/** A story as a feed: an entry per article of its first page, oldest date first. */
export function storyFeed(story: StoryView, format: FeedFormat, base: string): string {
  const self = `${base}${story.url}`;
  const feed = newFeed(
    self,
    `Headline digest story: ${clean(story.headline)}`,
    story.updatedAt,
    `A story from ${story.since} to ${story.until}`,
  );
  addArticles(feed, story.articles, format, base);
  return render(feed, format);
}

/** A name as a feed: an entry per article of its first page, newest first, so a reader can follow one person. */
export function nameFeed(name: NameView, format: FeedFormat, base: string): string {
  const self = `${base}${name.url}`;
  const newest = name.articles[0]?.date;
  const feed = newFeed(
    self,
    `Headline digest: ${clean(name.name)}`,
    newest ? startOfPeriod(newest).toISOString() : new Date(0).toISOString(),
    `Articles that name ${clean(name.name)}`,
  );
  addArticles(feed, name.articles, format, base);
  return render(feed, format);
}

/** The latest digests as a feed: an entry per date, newest first, summarized by its date summary. */
export function latestFeed(digests: readonly Digest[], format: FeedFormat, base: string): string {
  const self = `${base}/feeds/latest`;
  const updated = digests.reduce(
    (latest, digest) => (digest.generatedAt > latest ? digest.generatedAt : latest),
    '1970-01-01T00:00:00.000Z',
  );
  const feed = newFeed(self, 'Headline digest: latest', updated, 'The most recent digests');
  for (const digest of digests) {
    const url = `${base}${digestUrl(digest.date)}`;
    const lead = digest.stories[0]?.headline;
    feed.addItem({
      id: url,
      guid: url,
      link: url,
      date: new Date(digest.generatedAt),
      ...text(
        format,
        `Digest of ${digest.date}${lead ? `: ${lead}` : ''}`,
        digest.summary.map((sentence) => sentence.text).join(' '),
      ),
    });
  }
  return render(feed, format);
}
