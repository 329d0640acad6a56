import { STORY_ID } from '../core/article-id';
import { type DigestArticle, digestUrl, storyUrl, toDigestArticle } from '../core/digest';
import type { ArticleStore, StoredStoryDay, StoryStore } from '../core/ports';
import { storyHeadline } from '../core/story-days';
import { notFound, quoted } from './errors';
import { pageInOrder } from './paging';

export interface StoryDependencies {
  readonly articles: ArticleStore;
  readonly stories: StoryStore;
}

/** An article as a story's page lists it. */
export type StoryArticle = Omit<DigestArticle, 'story' | 'duplicates'>;

/** A story across its dates, one page of its articles at a time. */
export interface StoryView {
  readonly id: string;
  readonly url: string;
  readonly headline: string;
  /** Its first date and its last. */
  readonly since: string;
  readonly until: string;
  /** Every article of the story, duplicates included. */
  readonly articleCount: number;
  /** When its stories were last stored: what `Last-Modified` says. */
  readonly updatedAt: string;
  /** Each date it has articles on, oldest first, with their number and the date's digest. */
  readonly dates: readonly { readonly date: string; readonly articleCount: number; readonly url: string }[];
  /** This page of its articles: oldest date first, each date's most central article first. */
  readonly articles: readonly StoryArticle[];
  /** Present while more articles follow: pass it as `?cursor=`. */
  readonly cursor?: string;
}

/** `GET /stories/{id}`: the story's dates and a page of its articles; an unknown story is a 404. */
export async function readStory(
  deps: StoryDependencies,
  id: string,
  query: { limit?: string | undefined; cursor?: string | undefined },
): Promise<StoryView> {
  // Ids are content hashes; anything else is unknown without asking the table (which refuses huge keys).
  const days: StoredStoryDay[] = STORY_ID.test(id) ? await deps.stories.getStory(id) : [];
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) throw notFound(`No story has id ${quoted(id)}`);
  const ordered = days.flatMap((day) => day.articleIds);
  const page = await pageInOrder(ordered, (entry) => entry, query, 'StoryChanged', `the story ${id} changed`);
  const summaries = await deps.articles.getSummaries(page.items);
  return {
    id,
    url: storyUrl(id),
    headline: storyHeadline(days),
    since: first.since,
    until: last.date,
    articleCount: ordered.length,
    updatedAt: days.reduce((latest, day) => (day.updatedAt > latest ? day.updatedAt : latest), first.updatedAt),
    dates: days.map((day) => ({ date: day.date, articleCount: day.articleIds.length, url: digestUrl(day.date) })),
    articles: summaries.map((summary) => {
      const {
        story: _story,
        duplicates: _duplicates,
        ...article
      } = toDigestArticle({ article: summary, duplicates: [] }, id);
      return article;
    }),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}
