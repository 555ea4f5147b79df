/**
 * The slice of `fetch` that @octokit/request uses, over node:http(s) with a
 * keep-alive agent. Node's own fetch costs about 45 ms to load on Node 20
 * (its bundled undici), more than half a bare Node start, on every run; this
 * costs nothing to load.
 *
 * What it guarantees, since the token rides on every request:
 * - Redirects (GitHub answers 301 for a renamed repository) are followed
 *   within the same origin with every header; to another origin without the
 *   credentials (`authorization`, `cookie`, `proxy-authorization`); never
 *   from https to http.
 * - A request has a deadline for its whole answer, not only for silence: a
 *   response that trickles in fails as surely as one that stalls. The
 *   caller's signal (the run's deadline) aborts it too.
 * - An answer larger than `maxBytes` is cut off and fails.
 */
import http from 'node:http';
import https from 'node:https';

export interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | null;
  signal?: AbortSignal | null;
}

export interface FetchResponse {
  status: number;
  statusText: string;
  url: string;
  headers: ResponseHeaders;
  body: null;
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

class ResponseHeaders {
  constructor(private readonly map: Map<string, string>) {}
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

export interface HttpFetchOptions {
  /** The longest a whole answer may take, in ms. */
  deadline?: number;
  /** The longest an answer may be, in bytes (a 1 MB file through the contents API is about 1.4 MB of JSON). */
  maxBytes?: number;
}

/** An error that another try cannot fix: the retry hook passes it on. */
export class FetchRefused extends Error {
  override name = 'FetchRefused';
}

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

const MAX_REDIRECTS = 5;
const CREDENTIALS = new Set(['authorization', 'cookie', 'proxy-authorization']);

/** The headers for the next hop of a redirect, or a refusal. */
export function redirectHeaders(from: URL, to: URL, headers: Record<string, string>): Record<string, string> {
  if (from.protocol === 'https:' && to.protocol !== 'https:') {
    throw new FetchRefused(`refused a redirect from ${from.origin} to ${to.origin}: it leaves HTTPS`);
  }
  if (from.origin === to.origin) return headers;
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIALS.has(name.toLowerCase())));
}

export function createHttpFetch(options: HttpFetchOptions = {}) {
  const { deadline = 30_000, maxBytes = 16 * 1024 * 1024 } = options;
  const writes = new Writes();
  async function httpFetch(url: string, init: FetchInit = {}): Promise<FetchResponse> {
    let target = new URL(url);
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body ?? undefined;
    let headers = init.headers ?? {};
    for (let hop = 0; ; hop++) {
      const response = await send(target, method, headers, body, {
        deadline,
        maxBytes,
        signal: init.signal ?? undefined,
        writes,
      });
      const location = response.headers.get('location');
      if (location && [301, 302, 303, 307, 308].includes(response.status) && hop < MAX_REDIRECTS) {
        const next = new URL(location, target);
        headers = redirectHeaders(target, next, headers);
        target = next;
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      return response;
    }
  }
  return Object.assign(httpFetch, {
    /** Resolves once every request asked for so far has been written out (or has failed). */
    sent: () => writes.done(),
  });
}

/** The requests not yet written to their socket, and who waits for none to be left. */
class Writes {
  private pending = 0;
  private waiting: (() => void)[] = [];

  start(): () => void {
    this.pending++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      if (--this.pending === 0) for (const wake of this.waiting.splice(0)) wake();
    };
  }

  done(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }
}

function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  limits: { deadline: number; maxBytes: number; signal: AbortSignal | undefined; writes: Writes },
): Promise<FetchResponse> {
  const transport = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
  if (!transport) return Promise.reject(new FetchRefused(`unsupported protocol ${url.protocol}`));
  if (limits.signal?.aborted) return Promise.reject(abortError(limits.signal));
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      { method, headers, agent: agents[url.protocol as 'http:' | 'https:'] },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let refused: Error | undefined;
        res.on('data', (chunk: Buffer) => {
          if (refused) return;
          size += chunk.length;
          if (size > limits.maxBytes) {
            // Rejected here: the rest of the answer may already be buffered, and 'end' would still come.
            refused = new FetchRefused(`the answer from ${url.host} is over ${limits.maxBytes} bytes`);
            reject(refused);
            // Destroyed without an error: the rejection above is the one answer; an error event here would go unheard.
            res.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('end', () => {
          if (refused) return;
          const map = new Map<string, string>();
          for (const [key, value] of Object.entries(res.headers)) {
            if (value !== undefined) map.set(key, Array.isArray(value) ? value.join(', ') : value);
          }
          const buffer = Buffer.concat(chunks);
          const text = async () => buffer.toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            url: url.toString(),
            headers: new ResponseHeaders(map),
            body: null,
            text,
            json: async () => JSON.parse(await text()) as unknown,
            arrayBuffer: async () => buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength),
          });
        });
      },
    );
    const timer = setTimeout(
      () => request.destroy(new FetchRefused(`no complete answer from ${url.host} within ${limits.deadline / 1000} s`)),
      limits.deadline,
    );
    const abort = () => request.destroy(abortError(limits.signal!));
    limits.signal?.addEventListener('abort', abort, { once: true });
    const written = limits.writes.start();
    request.on('finish', written);
    request.on('close', () => {
      written();
      clearTimeout(timer);
      limits.signal?.removeEventListener('abort', abort);
    });
    request.on('error', reject);
    request.end(body);
  });
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return new FetchRefused(reason instanceof Error ? reason.message : 'the request was cancelled');
}
