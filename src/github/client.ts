/**
 * The Octokit every GitHub call goes through: @octokit/core with pagination,
 * and one request hook that retries what GitHub asks to be retried.
 *
 * Retries: a 5xx, a 429, or a 403 that is a rate limit (primary: no calls
 * left; secondary: GitHub's "secondary rate limit" message) is tried again,
 * at most `retries` times, after `retry-after` seconds when GitHub sends it,
 * else until `x-ratelimit-reset`, else after 1, 2, 4 s. A wait longer than
 * `maxWait` is not made: the request fails with GitHub's message instead.
 *
 * @octokit/plugin-retry and @octokit/plugin-throttling do this too, but their
 * Bottleneck queues add about 15 ms to every request, which over the seven
 * requests of a run is more than a whole Node start; this hook adds nothing
 * to a request that succeeds.
 *
 * Requests go through `http-fetch.ts` (node:http). Behind a proxy
 * (HTTPS_PROXY and friends, as on many self-hosted runners) the client is
 * built by @actions/github instead, whose fetch goes through the proxy.
 * It is loaded only then: it brings undici, which would double the action's
 * start-up time on every run that does not need it.
 */
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { RequestError } from '@octokit/request-error';
import { createHttpFetch, FetchRefused } from './http-fetch.js';

const GitHub = Octokit.plugin(paginateRest);
export type GitHubClient = InstanceType<typeof GitHub>;

/** Each client's way to tell that the requests asked for are written out. */
const transports = new WeakMap<GitHubClient, { sent(): Promise<void> }>();

/**
 * Resolves once the requests asked for so far are on their way: work done
 * after it overlaps the wait for their answers instead of delaying them.
 * A request asked for reaches the transport within the turn (Octokit's hooks
 * are promises); behind a proxy, whose transport is not ours, that turn is
 * all there is to wait for.
 */
export async function requestsSent(client: GitHubClient): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await transports.get(client)?.sent();
}

export interface ClientOptions {
  token: string;
  baseUrl: string;
  /** Retries of one request. */
  retries?: number;
  /** The longest single wait, in seconds. */
  maxWait?: number;
  /** The longest one request may take, in ms: its whole answer, not only a silence. */
  requestDeadline?: number;
  /** The longest all requests of a run may take together, retries included, in ms. */
  runDeadline?: number;
  warn: (message: string) => void;
  env?: Record<string, string | undefined>;
  sleep?: (ms: number) => Promise<void>;
}

/** What the retry decision reads of an error: a RequestError's status, message and headers. */
interface HttpError {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

export async function createClient(options: ClientOptions): Promise<GitHubClient> {
  const { token, baseUrl, warn, env = process.env } = options;
  const { requestDeadline = 30_000, runDeadline = 300_000 } = options;
  // The run's deadline aborts whatever is in flight when it passes; the timer does not keep the process alive.
  const signal = AbortSignal.timeout(runDeadline);
  const settings = { baseUrl, userAgent: 'readiness-gate', log: { debug() {}, info() {}, warn, error: warn } };
  let client: GitHubClient;
  if (usesProxy(env)) {
    const { getOctokit } = await import('@actions/github');
    client = getOctokit(token, settings, paginateRest) as unknown as GitHubClient;
  } else {
    const fetch = createHttpFetch({ deadline: requestDeadline });
    client = new GitHub({ ...settings, auth: token, request: { fetch } });
    transports.set(client, fetch);
  }
  // Added per request, not in the defaults: @actions/github keeps its proxy-aware fetch in `request`.
  client.hook.before('request', (endpoint) => {
    endpoint.request = { ...endpoint.request, signal };
  });
  addRetries(client, options, { signal, at: Date.now() + runDeadline });
  return client;
}

/** `GET /repos/o/r/pulls/1`: the request as sent, for messages. */
export function describeRequest(error: RequestError): string {
  const path = new URL(error.request.url, 'https://api.github.com').pathname;
  let readable = path;
  try {
    readable = decodeURIComponent(path); // `contents/docs%2Fa.md` reads as the file's path
  } catch {
    // keep it encoded
  }
  return `${error.request.method} ${readable}`;
}

function addRetries(client: GitHubClient, options: ClientOptions, deadline: { signal: AbortSignal; at: number }): void {
  const { retries = 3, maxWait = 120, warn } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  client.hook.wrap('request', async (request, endpoint) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(endpoint);
      } catch (error) {
        if (!(error instanceof RequestError)) throw error;
        // A refused redirect, an answer too slow or too large, or the run's deadline: another try cannot help.
        if (error.cause instanceof FetchRefused || deadline.signal.aborted) throw error;
        const wait = retryAfter(error, attempt);
        const where = describeRequest(error);
        if (wait === undefined || attempt >= retries) throw error;
        if (wait > maxWait || Date.now() + wait * 1000 > deadline.at) {
          warn(`GitHub asks to wait ${wait} s before retrying ${where}; not waiting that long.`);
          throw error;
        }
        // Octokit reports a request that got no answer at all (a refused connection) as a 500 without a response.
        const what = error.response
          ? `GitHub answered ${error.status} on ${where}${describeLimit(error)}`
          : `Could not connect to GitHub on ${where} (${String((error.cause as { code?: string } | undefined)?.code ?? error.message.split('\n')[0])})`;
        warn(`${what}; retrying in ${wait} s.`);
        await sleep(wait * 1000);
      }
    }
  });
}

/** Seconds to wait before trying again, or undefined when the error is not worth another try. */
export function retryAfter(error: HttpError, attempt: number, now = Date.now()): number | undefined {
  const { status } = error;
  const headers = error.response?.headers ?? {};
  const limited =
    status === 429 || (status === 403 && (isSecondaryLimit(error) || headers['x-ratelimit-remaining'] === '0'));
  if (!limited && status < 500) return undefined;
  const after = Number(headers['retry-after']);
  if (Number.isFinite(after) && after >= 0) return after;
  const reset = Number(headers['x-ratelimit-reset']);
  if (limited && Number.isFinite(reset) && reset > 0) return Math.max(0, Math.ceil(reset - now / 1000)) + 1;
  return 2 ** attempt;
}

function isSecondaryLimit(error: HttpError): boolean {
  return /secondary rate limit/i.test(error.message ?? '');
}

function describeLimit(error: HttpError): string {
  if (isSecondaryLimit(error)) return ' (secondary rate limit)';
  if (error.status === 403 || error.status === 429) return ' (rate limit)';
  return '';
}

function usesProxy(env: Record<string, string | undefined>): boolean {
  return ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].some((name) => Boolean(env[name]));
}
