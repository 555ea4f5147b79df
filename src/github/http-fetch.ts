/**
 * The slice of `fetch` that @octokit/request uses, over node:http(s) with a
 * keep-alive agent. Node's own fetch costs about 45 ms to load on Node 20
 * (its bundled undici), more than half a bare Node start, on every run; this
 * costs nothing to load. Redirects are followed (GitHub answers 301 for a
 * renamed repository); a request that stalls for `timeout` ms fails.
 */
import http from 'node:http';
import https from 'node:https';

export interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | null;
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

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

const MAX_REDIRECTS = 5;

export function createHttpFetch(timeout = 60_000) {
  return async function httpFetch(url: string, init: FetchInit = {}): Promise<FetchResponse> {
    let target = new URL(url);
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body ?? undefined;
    for (let hop = 0; ; hop++) {
      const response = await send(target, method, init.headers ?? {}, body, timeout);
      const location = response.headers.get('location');
      if (location && [301, 302, 303, 307, 308].includes(response.status) && hop < MAX_REDIRECTS) {
        target = new URL(location, target);
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      return response;
    }
  };
}

function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  timeout: number,
): Promise<FetchResponse> {
  const transport = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
  if (!transport) return Promise.reject(new TypeError(`unsupported protocol ${url.protocol}`));
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      { method, headers, agent: agents[url.protocol as 'http:' | 'https:'], timeout },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
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
    request.on('timeout', () => request.destroy(new Error(`no answer from ${url.host} within ${timeout / 1000} s`)));
    request.on('error', reject);
    request.end(body);
  });
}
