import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../../scripts/chromium';
import { startHttpApiBridge } from '../../scripts/local/http-api-bridge';
import { PROJECT_ROOT } from '../../scripts/local/stack';
import { seedFiles } from '../seed-files';
import { call, type Service, startService, uploadAndIngest } from './support';

/** Pictures of every page, for a person to look at after a run. */
const SCREENSHOTS = join(PROJECT_ROOT, 'test-output', 'screenshots');
const TRICKY =
  ' date 2021-11-15 Wethouder zegt ]]> & <geen> "commentaar" te geven op de plannen voor het zwembad in Zwolle.';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let service: Service;
let bridge: Awaited<ReturnType<typeof startHttpApiBridge>>;
let browser: Browser;
let articleId: string;
let storyId: string;

beforeAll(async () => {
  service = await startService();
  await uploadAndIngest(service, { ...Object.fromEntries(seedFiles), 'tricky.txt': TRICKY });
  await service.generate({}, {} as never);
  articleId = (await call(service, '/digests/2021-12')).body.articles[0].id;
  storyId = (await call(service, '/digests/2021-12')).body.stories[0].id;
  bridge = await startHttpApiBridge({ handler: service.api, port: 0 });
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Root in a container has no user namespaces for Chromium's sandbox; the pages come from loopback only.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
  await service?.close();
});

/** Everything the browser complains about while a page loads: script errors, console errors and warnings, CSP violations. */
async function complaints(page: Page): Promise<string[]> {
  const heard: string[] = [];
  page.on('pageerror', (error) => heard.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') heard.push(`console: ${message.text()}`);
  });
  // The browser's own messages (blocked styles, bad headers) reach the DevTools log, not the page's console.
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Log.enable');
  devtools.on('Log.entryAdded', ({ entry }) => {
    if (entry.level === 'error' || entry.level === 'warning') heard.push(`log: ${entry.text}`);
  });
  return heard;
}

describe.each([
  ['index', '/'],
  ['month digest', '/digests/2021-12'],
  ['day digest', '/digests/2021-11-15'],
  ['article', () => `/articles/${articleId}`],
  ['story', () => `/stories/${storyId}`],
  ['name', '/names/vladimir-putin'],
])('the %s page', (name, path) => {
  const url = () => `${bridge.url}${typeof path === 'string' ? path : path()}`;

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('renders on a %s without a complaint, styled, and fits the screen', async (screen, viewport) => {
    const page = await browser.newPage({ viewport });
    const heard = await complaints(page);
    const response = await page.goto(url());
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
    // The stylesheet applied: the policy's hash admits it, or the body would be full width.
    expect(await page.evaluate('getComputedStyle(document.body).maxWidth')).toBe('736px');
    // Nothing runs and nothing is scrolled sideways at this width.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, `${name.replace(/ /g, '-')}-${screen}.png`), fullPage: true });
    await page.close();
    expect(heard).toEqual([]);
  });

  it('is valid HTML5, served with its security headers', async () => {
    const response = await fetch(url(), { headers: { accept: 'text/html' } });
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(
      await response.text(),
    );
    expect(report.results.flatMap((result) => result.messages.map((message) => message.message))).toEqual([]);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'.*style-src 'sha256-/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('vary')).toBe('Accept');
  });
});

describe('a reader', () => {
  it('goes from the index to a digest to an article by following links', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const heard = await complaints(page);
    await page.goto(`${bridge.url}/`);
    await page.getByRole('link', { name: 'December 2021' }).click();
    expect(new URL(page.url()).pathname).toBe('/digests/2021-12');
    await expect(page.locator('h1').textContent()).resolves.toBe('December 2021');
    const stories = await page.locator('section.story h2').allTextContents();
    expect(stories).toEqual(['Gesprek tussen Biden en Poetin afgelopen']);
    const headlines = await page.locator('section.story h3').allTextContents();
    expect(headlines).toHaveLength(2);

    await page.locator('section.story h3 a').first().click();
    expect(new URL(page.url()).pathname).toMatch(/^\/articles\/[0-9a-f]{16}$/);
    await expect(page.locator('h1').textContent()).resolves.toBe(headlines[0]);
    await page.getByRole('link', { name: 'December 2021' }).click();
    expect(new URL(page.url()).pathname).toBe('/digests/2021-12');
    await page.close();
    expect(heard).toEqual([]);
  });

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])(
    'goes on a %s from the index to a digest to a name to an article, and back through the other months',
    async (_screen, viewport) => {
      const page = await browser.newPage({ viewport });
      const heard = await complaints(page);
      const fits = () => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');
      const path = () => new URL(page.url()).pathname;
      await page.goto(`${bridge.url}/`);
      await page.getByRole('link', { name: 'December 2021' }).click();
      expect(path()).toBe('/digests/2021-12');
      await page
        .getByRole('list', { name: 'Most mentioned' })
        .getByRole('link', { name: 'Vladimir Poetin (2)' })
        .click();
      expect(path()).toBe('/names/vladimir-putin');
      await expect(page.locator('h1').textContent()).resolves.toBe('Vladimir Poetin');
      expect(await fits()).toBe(true);
      const headlines = await page.locator('section.story h3').allTextContents();
      expect(headlines).toHaveLength(2);
      await page.locator('section.story h3 a').first().click();
      expect(path()).toMatch(/^\/articles\/[0-9a-f]{16}$/);
      // The article's own names lead back to the name.
      await page.getByRole('list', { name: 'Names' }).getByRole('link', { name: 'Vladimir Poetin' }).click();
      expect(path()).toBe('/names/vladimir-putin');
      await page.goBack();
      await page.getByRole('link', { name: 'December 2021' }).click();
      expect(path()).toBe('/digests/2021-12');
      await page.getByRole('link', { name: '← November 2021' }).click();
      expect(path()).toBe('/digests/2021-11');
      expect(await fits()).toBe(true);
      await page.getByRole('link', { name: 'December 2021 →' }).click();
      expect(path()).toBe('/digests/2021-12');
      await page.close();
      expect(heard).toEqual([]);
    },
  );

  it("goes from a digest's story to the story's page and back to a date", async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const heard = await complaints(page);
    await page.goto(`${bridge.url}/digests/2021-12`);
    await page.getByRole('link', { name: 'the whole story' }).first().click();
    expect(new URL(page.url()).pathname).toBe(`/stories/${storyId}`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Gesprek tussen Biden en Poetin afgelopen');
    expect(await page.locator('section.story h3').allTextContents()).toHaveLength(2);
    await page.locator('ul.dates').getByRole('link', { name: 'December 2021' }).click();
    expect(new URL(page.url()).pathname).toBe('/digests/2021-12');
    await page.close();
    expect(heard).toEqual([]);
  });

  it('pages through a digest one article at a time by its next-page link', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const heard = await complaints(page);
    await page.goto(`${bridge.url}/digests/2021-12?limit=1`);
    const first = await page.locator('section.story h3').allTextContents();
    await page.getByRole('link', { name: 'More articles →' }).click();
    expect(new URL(page.url()).searchParams.get('limit')).toBe('1');
    const second = await page.locator('section.story h3').allTextContents();
    expect([first, second].map((headlines) => headlines.length)).toEqual([1, 1]);
    expect(second).not.toEqual(first);
    expect(await page.getByRole('link', { name: 'More articles →' }).count()).toBe(0);
    await page.close();
    expect(heard).toEqual([]);
  });

  it('finds the feeds of a digest announced in its head, each a feed of its type', async () => {
    const page = await browser.newPage();
    await page.goto(`${bridge.url}/digests/2021-12`);
    const links = await page
      .locator('link[rel="alternate"]')
      .evaluateAll((elements) =>
        elements.map((element) => [element.getAttribute('type'), element.getAttribute('href')]),
      );
    expect(links).toEqual([
      ['application/atom+xml', '/digests/2021-12?format=atom'],
      ['application/rss+xml', '/digests/2021-12?format=rss'],
      ['application/feed+json', '/digests/2021-12?format=jsonfeed'],
    ]);
    for (const [type, href] of links) {
      const feed = await page.request.get(`${bridge.url}${href}`);
      expect(feed.headers()['content-type']).toBe(`${type}; charset=utf-8`);
    }
    await page.close();
  });

  it('reads text with markup characters as text', async () => {
    const page = await browser.newPage();
    await page.goto(`${bridge.url}/digests/2021-11-15`);
    await expect(page.locator('section.story h3').first().textContent()).resolves.toContain('<geen>');
    expect(await page.locator('geen').count()).toBe(0);
    await page.close();
  });
});

describe('a reader who follows a link to a missing article', () => {
  it('sees a page in the style of the site that says so, with the 404 and a way back', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const heard = await complaints(page);
    const response = await page.goto(`${bridge.url}/articles/0123456789abcdef`);
    expect(response?.status()).toBe(404);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(response?.headers()['content-security-policy']).toMatch(/default-src 'none'.*style-src 'sha256-/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Not found');
    await expect(page.locator('p.lede').textContent()).resolves.toBe("No article has id '0123456789abcdef'");
    await expect(page.locator('p.meta').textContent()).resolves.toBe('404 · NotFound');
    expect(await page.evaluate('getComputedStyle(document.body).maxWidth')).toBe('736px');
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'missing-article-phone.png'), fullPage: true });
    await page.getByRole('link', { name: 'Go to the index of dates' }).click();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.close();
    // Chromium reports the page's own 404, in the console and in its log; nothing else is heard.
    const notFound = 'Failed to load resource: the server responded with a status of 404 (Not Found)';
    expect(heard).toEqual([`console: ${notFound}`, `log: ${notFound}`]);
  });
});
