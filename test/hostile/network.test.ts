// The network under a runner fails in every way it can; the token must never leave for another host.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/github/client.js';
import { createHttpFetch, FetchRefused, redirectHeaders } from '../../src/github/http-fetch.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const warnings: string[] = [];
const client = (baseUrl: string, extra: { requestDeadline?: number; runDeadline?: number } = {}) =>
  createClient({
    token: 'ghs_secret',
    baseUrl,
    warn: (m) => warnings.push(m),
    env: {},
    sleep: async () => {},
    ...extra,
  });

describe('redirects', () => {
  it('do not carry the token to another origin', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const elsewhere = await serve((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    const api = await serve((req, res) => {
      seen.push(req.headers);
      res.writeHead(302, { location: `${elsewhere}/landing` }).end();
    });
    const { data } = await (await client(api)).request('GET /rate_limit');
    expect(data).toEqual({ ok: true });
    expect(seen).toHaveLength(2);
    expect(seen[0]!.authorization).toBe('token ghs_secret');
    expect(seen[1]!.authorization).toBeUndefined();
    expect(JSON.stringify(seen[1])).not.toContain('ghs_secret');
  });

  it('keep it within the same origin (GitHub moves a renamed repository)', async () => {
    const seen: (string | undefined)[] = [];
    const api = await serve((req, res) => {
      seen.push(req.headers.authorization);
      if (req.url === '/repos/old/name') res.writeHead(301, { location: '/repos/new/name' }).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"full_name":"new/name"}');
    });
    await (await client(api)).request('GET /repos/{owner}/{repo}', { owner: 'old', repo: 'name' });
    expect(seen).toEqual(['token ghs_secret', 'token ghs_secret']);
  });

  it('never go from https to http, and drop credentials between origins', () => {
    const headers = { authorization: 'token t', Cookie: 'c', accept: 'application/json' };
    expect(() =>
      redirectHeaders(new URL('https://api.github.com/a'), new URL('http://api.github.com/a'), headers),
    ).toThrow(FetchRefused);
    expect(redirectHeaders(new URL('https://api.github.com/a'), new URL('https://evil.test/a'), headers)).toEqual({
      accept: 'application/json',
    });
    expect(redirectHeaders(new URL('https://api.github.com/a'), new URL('https://api.github.com/b'), headers)).toBe(
      headers,
    );
  });
});

describe('deadlines', () => {
  it('a response that trickles in fails at the request deadline, once, with a clear message', async () => {
    let calls = 0;
    const api = await serve((_req, res) => {
      calls++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":"');
      const drip = setInterval(() => res.write('x'), 50);
      res.on('close', () => clearInterval(drip));
    });
    const started = Date.now();
    const error = await (await client(api, { requestDeadline: 400 })).request('GET /rate_limit').catch((e: Error) => e);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((error as Error).message).toMatch(/^no complete answer from 127\.0\.0\.1:\d+ within 0\.4 s$/);
    expect(calls).toBe(1);
  });

  it('retries stop when the next wait would pass the run deadline', async () => {
    let calls = 0;
    const api = await serve((_req, res) => {
      calls++;
      res.writeHead(502, { 'content-type': 'application/json', 'retry-after': '60' }).end('{"message":"Bad Gateway"}');
    });
    const error = await (await client(api, { runDeadline: 5_000 })).request('GET /rate_limit').catch((e: Error) => e);
    expect((error as { status?: number }).status).toBe(502);
    expect(calls).toBe(1);
  });

  it('an answer larger than the cap is cut off and not retried', async () => {
    let calls = 0;
    const api = await serve((_req, res) => {
      calls++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(`{"a":"${'x'.repeat(5000)}"}`);
    });
    const fetch = createHttpFetch({ maxBytes: 1000 });
    await expect(fetch(`${api}/big`)).rejects.toThrow(/^the answer from 127\.0\.0\.1:\d+ is over 1000 bytes$/);
    expect(calls).toBe(1);
  });
});
