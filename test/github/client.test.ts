import { createServer, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, retryAfter } from '../../src/github/client.js';
import { createHttpFetch } from '../../src/github/http-fetch.js';

describe('retryAfter', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');
  const error = (status: number, headers: Record<string, string> = {}, message = 'x') => ({
    status,
    message,
    response: { headers },
  });

  it('retries 5xx with back-off, or after retry-after', () => {
    expect(retryAfter(error(502), 0, now)).toBe(1);
    expect(retryAfter(error(503), 2, now)).toBe(4);
    expect(retryAfter(error(500, { 'retry-after': '7' }), 0, now)).toBe(7);
  });

  it('retries rate limits: secondary by message, primary until the reset', () => {
    expect(retryAfter(error(403, { 'retry-after': '30' }, 'You have exceeded a secondary rate limit'), 0, now)).toBe(
      30,
    );
    const reset = String(now / 1000 + 90);
    expect(retryAfter(error(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }), 0, now)).toBe(91);
    expect(retryAfter(error(429), 1, now)).toBe(2);
  });

  it('does not retry what another try cannot fix', () => {
    for (const status of [400, 401, 403, 404, 422]) expect(retryAfter(error(status), 0, now)).toBeUndefined();
  });
});

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('createHttpFetch', () => {
  it('follows redirects and gives headers, status and body as fetch does', async () => {
    const url = await serve((req, res) => {
      if (req.url === '/old') {
        res.writeHead(301, { location: '/new' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'x-one': 'a' }).end('{"ok":true}');
    });
    const response = await createHttpFetch()(`${url}/old`, { method: 'GET', headers: { accept: 'application/json' } });
    expect([response.status, response.url, response.headers.get('X-One')]).toEqual([200, `${url}/new`, 'a']);
    expect(await response.json()).toEqual({ ok: true });
    expect([...response.headers].find(([key]) => key === 'content-type')).toEqual(['content-type', 'application/json']);
  });

  it('tells when the requests asked for are written out, without waiting for their answers', async () => {
    const held: ServerResponse[] = [];
    const url = await serve((req, res) => {
      held.push(res);
      req.resume();
    });
    const fetch = createHttpFetch();
    const answers = [fetch(`${url}/a`), fetch(`${url}/b`, { method: 'POST', body: '{"x":1}' })];
    let answered = false;
    void Promise.all(answers).then(() => (answered = true));
    // Resolves while the server holds both answers back: it waits on the writes, not the answers.
    await fetch.sent();
    expect(answered).toBe(false);
    for (let tries = 0; held.length < 2 && tries < 200; tries++) await new Promise((r) => setTimeout(r, 5));
    expect(held).toHaveLength(2);
    for (const res of held) res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    expect((await Promise.all(answers)).map((r) => r.status)).toEqual([200, 200]);
    await expect(fetch.sent()).resolves.toBeUndefined();
  });

  it('fails a request that gets no answer in time', async () => {
    const url = await serve(() => {
      // never answers
    });
    await expect(createHttpFetch({ deadline: 200 })(`${url}/slow`)).rejects.toThrow(
      /no complete answer from 127\.0\.0\.1:\d+ within 0\.2 s/,
    );
  });
});

describe('createClient', () => {
  it('retries a 502, then succeeds, and says so', async () => {
    let calls = 0;
    const url = await serve((_req, res) => {
      calls++;
      if (calls === 1) res.writeHead(502, { 'content-type': 'application/json' }).end('{"message":"Bad Gateway"}');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"login":"x"}');
    });
    const warnings: string[] = [];
    const waits: number[] = [];
    const client = await createClient({
      token: 't',
      baseUrl: url,
      warn: (m) => warnings.push(m),
      env: {},
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const { data } = await client.request('GET /user');
    expect(data).toEqual({ login: 'x' });
    expect([calls, waits]).toEqual([2, [1000]]);
    expect(warnings).toEqual(['GitHub answered 502 on GET /user; retrying in 1 s.']);
  });

  it('gives up after the bounded retries, and refuses a wait longer than maxWait', async () => {
    let calls = 0;
    const url = await serve((req, res) => {
      calls++;
      const headers = { 'content-type': 'application/json', ...(req.url === '/slow' ? { 'retry-after': '3600' } : {}) };
      res.writeHead(503, headers).end('{"message":"Service Unavailable"}');
    });
    const client = await createClient({
      token: 't',
      baseUrl: url,
      warn: () => {},
      env: {},
      retries: 2,
      sleep: async () => {},
    });
    await expect(client.request('GET /user')).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(3);
    calls = 0;
    await expect(client.request('GET /slow')).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(1);
  });
});
