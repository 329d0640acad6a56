import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localCorsAllowOrigins } from '../../scripts/local/cors';
import { startHttpApiBridge } from '../../scripts/local/http-api-bridge';
import { PROJECT_ROOT } from '../../scripts/local/stack';
import { seedFiles } from '../seed-files';
import { type Service, startService, uploadAndIngest } from './support';

/** The local server with an allow list of one origin, as `-c corsAllowOrigins=https://app.example` deploys it. */
const ALLOWED = 'https://app.example';
let service: Service;
let bridge: Awaited<ReturnType<typeof startHttpApiBridge>>;

beforeAll(async () => {
  service = await startService();
  await uploadAndIngest(service, Object.fromEntries(seedFiles));
  bridge = await startHttpApiBridge({ handler: service.api, port: 0, corsAllowOrigins: [ALLOWED] });
});

afterAll(async () => {
  await bridge?.stop();
  await service?.close();
});

const cors = (response: Response) =>
  Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-')));
const preflight = (headers: Record<string, string>) =>
  fetch(`${bridge.url}/digests/2021-12`, { method: 'OPTIONS', headers });

describe('CORS on the local server, for a list of origins', () => {
  it('answers a preflight from an allowed origin with that origin, the methods, headers and max age', async () => {
    const response = await preflight({
      origin: ALLOWED,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'content-type',
    });
    expect(response.status).toBe(204);
    expect(cors(response)).toEqual({
      'access-control-allow-origin': ALLOWED,
      'access-control-allow-methods': 'GET,HEAD',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '3600',
    });
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it.each([
    ['an origin not allowed', { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' }],
    ['a method not allowed', { origin: ALLOWED, 'access-control-request-method': 'DELETE' }],
    [
      'a request header not allowed',
      { origin: ALLOWED, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-secret' },
    ],
  ])('gives a preflight with %s no Access-Control-Allow-Origin', async (_, headers) => {
    const response = await preflight(headers);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each(['GET', 'HEAD'])(
    'adds the allowed origin to the answer to a %s from it, and to nobody else',
    async (method) => {
      const allowed = await fetch(`${bridge.url}/digests/2021-12`, { method, headers: { origin: ALLOWED } });
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(allowed.headers.get('vary')).toBe('Accept, Origin');
      const other = await fetch(`${bridge.url}/digests/2021-12`, {
        method,
        headers: { origin: 'https://elsewhere.example' },
      });
      expect(other.status).toBe(200);
      expect(cors(other)).toEqual({});
    },
  );

  it('leaves an OPTIONS that is no preflight to the routes, as $default does: 405 with Allow', async () => {
    const response = await preflight({ origin: ALLOWED });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('MethodNotAllowed');
  });
});

describe('the origins the local server allows', () => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), 'headline-digest-cors-'));
    await writeFile(join(project, 'cdk.json'), JSON.stringify({ context: { corsAllowOrigins: [ALLOWED] } }));
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it("are cdk.json's corsAllowOrigins, the setting a deployment without -c uses", () => {
    expect(localCorsAllowOrigins({}, PROJECT_ROOT)).toEqual(['*']);
    expect(localCorsAllowOrigins({}, project)).toEqual([ALLOWED]);
  });

  it('are CORS_ALLOW_ORIGINS when set, in the syntax of -c corsAllowOrigins', () => {
    expect(localCorsAllowOrigins({ CORS_ALLOW_ORIGINS: 'https://a.example, https://b.example' }, project)).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(() => localCorsAllowOrigins({ CORS_ALLOW_ORIGINS: 'not an origin' }, project)).toThrow(/corsAllowOrigins/);
  });
});
