import { validate } from '@readme/openapi-parser';
import Ajv2020Module from 'ajv/dist/2020';
import addFormatsModule from 'ajv-formats';
import { openApiDocument } from '../../functions/api/openapi';
import { seedFiles } from '../seed-files';
import { call, type Service, startService, uploadAndIngest } from './support';

// Both packages are CommonJS; under ESM their export arrives as `default` or as the module itself.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: typeof Ajv2020Module }).default ??
  Ajv2020Module) as typeof Ajv2020Module;
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

let service: Service;
/** A title line of 22 words and 137 characters: a title is kept as written, longer than a generated headline may be. */
const LONG_TITLE =
  'Gemeenteraad van Oosterhout stemt na een lange nacht in met het plan voor honderd sociale huurwoningen op het oude terrein van de suikerfabriek';
const LONG_TITLE_SEED = ` date 2022-03-04 ${LONG_TITLE}

De gemeenteraad van Oosterhout heeft in de nacht van donderdag op vrijdag ingestemd met het plan voor honderd sociale huurwoningen. De woningen komen op het terrein van de oude suikerfabriek aan de rand van de stad.
`;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(structuredClone(openApiDocument) as object, 'openapi');

beforeAll(async () => {
  service = await startService();
  await uploadAndIngest(service, Object.fromEntries(seedFiles));
  await uploadAndIngest(service, { 'rejected.txt': 'no date marker in this file, so it is refused by ingestion' });
  await uploadAndIngest(service, { 'long-title.txt': LONG_TITLE_SEED });
  await service.generate({}, {} as never);
});
afterAll(() => service.close());

/** Asserts that `body` is valid against the named component schema, showing Ajv's errors when not. */
function expectSchema(name: string, body: unknown): void {
  const check = ajv.getSchema(`openapi#/components/schemas/${name}`);
  if (!check) throw new Error(`no schema ${name}`);
  const valid = check(body);
  expect(check.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    await expect(validate(structuredClone(openApiDocument) as never)).resolves.toMatchObject({ valid: true });
  });

  it('is served as the document', async () => {
    const { statusCode, body } = await call(service, '/openapi.json');
    expect(statusCode).toBe(200);
    expect(body).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
  });

  it('describes every route the API serves', () => {
    expect(Object.keys(openApiDocument.paths).sort()).toEqual([
      '/',
      '/admin/ingest-status',
      '/admin/rejections',
      '/articles/{id}',
      '/digests',
      '/digests/{date}',
      '/feeds/latest',
      '/names/{id}',
      '/openapi.json',
      '/stories/{id}',
    ]);
    for (const item of Object.values(openApiDocument.paths)) expect(Object.keys(item).sort()).toEqual(['get', 'head']);
  });

  it('documents the conditional request headers where the answer says when it last changed', () => {
    for (const path of ['/digests/{date}', '/articles/{id}', '/stories/{id}'] as const) {
      const { get } = openApiDocument.paths[path];
      expect(get.parameters.map((parameter) => parameter.name)).toEqual(
        expect.arrayContaining(['If-None-Match', 'If-Modified-Since']),
      );
      expect(Object.keys(get.responses['200'].headers)).toContain('Last-Modified');
    }
  });
});

describe('real responses match their schemas', () => {
  it('GET /digests', async () => {
    expectSchema('DigestListing', (await call(service, '/digests?limit=1')).body);
  });

  it('GET /digests/{date}, for a month and a year', async () => {
    for (const date of ['2021-12', '2021']) expectSchema('Digest', (await call(service, `/digests/${date}`)).body);
  });

  it('GET /digests/{date} and /articles/{id} for an article whose own title is longer than a generated headline', async () => {
    const digest = (await call(service, '/digests/2022-03-04')).body;
    expectSchema('Digest', digest);
    expect(digest.articles[0].headline).toBe(LONG_TITLE);
    expectSchema('Article', (await call(service, digest.articles[0].url)).body);
  });

  it('GET /articles/{id}', async () => {
    const digest = (await call(service, '/digests/2021-12')).body;
    expectSchema('Article', (await call(service, digest.articles[0].url)).body);
  });

  it('GET /stories/{id}, whole and a page at a time', async () => {
    const digest = (await call(service, '/digests/2021-12')).body;
    const story = digest.stories[0];
    expect(story.url).toBe(`/stories/${story.id}`);
    for (const url of [story.url, `${story.url}?limit=1`]) expectSchema('Story', (await call(service, url)).body);
  });

  it('GET /names/{id}, whole and a page at a time, and the top names of a digest', async () => {
    const digest = (await call(service, '/digests/2021-12')).body;
    const name = digest.topNames[0];
    expect(name.url).toBe(`/names/${name.id}`);
    for (const url of [name.url, `${name.url}?limit=1`, '/names/RU']) {
      expectSchema('Name', (await call(service, url)).body);
    }
  });

  it('GET /admin/rejections and /admin/ingest-status', async () => {
    const rejections = (await call(service, '/admin/rejections')).body;
    expect(rejections.rejections.length).toBeGreaterThan(0);
    expectSchema('Rejections', rejections);
    expectSchema('IngestStatus', (await call(service, '/admin/ingest-status')).body);
  });

  it.each([
    ['/digests/2021-13', 'GET', 400],
    ['/digests?limit=0', 'GET', 400],
    ['/digests/1999', 'GET', 404],
    ['/articles/0000000000000000', 'GET', 404],
    ['/stories/000000000000', 'GET', 404],
    ['/names/nobody-at-all', 'GET', 404],
    ['/names/Not-An-Id', 'GET', 400],
    ['/digests', 'POST', 405],
  ])('the error of %s %s', async (url, method, status) => {
    const { statusCode, body } = await call(service, url, { method });
    expect(statusCode).toBe(status);
    expectSchema('Error', body);
  });
});
