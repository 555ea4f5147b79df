/**
 * The Octokit every GitHub call goes through: @actions/github (proxy
 * support, the runner's user agent) with @octokit/plugin-retry for 5xx and
 * @octokit/plugin-throttling for rate limits, honouring `retry-after`.
 * Retries are bounded; past them the request fails with GitHub's message.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  token: string;
  baseUrl: string;
  /** Retries of one request after a 5xx or a rate limit. */
  retries?: number;
  /** The longest wait for a rate limit, in seconds; a longer one fails at once. */
  maxWait?: number;
  warn: (message: string) => void;
}

export function createClient({ token, baseUrl, retries = 3, maxWait = 120, warn }: ClientOptions): GitHubClient {
  const onLimit =
    (kind: string) => (after: number, options: { method: string; url: string }, _: unknown, count: number) => {
      if (count >= retries || after > maxWait) {
        warn(`GitHub ${kind} on ${options.method} ${options.url}; giving up after ${count + 1} tries.`);
        return false;
      }
      warn(`GitHub ${kind} on ${options.method} ${options.url}; retrying in ${after} s.`);
      return true;
    };
  // The plugin's default groups space writes 1 s apart and notifications 3 s apart.
  // This action makes a handful of writes per run; the rate-limit handlers still apply.
  const group = (id: string) => new Bottleneck.Group({ id, maxConcurrent: 10 });
  return getOctokit(
    token,
    {
      baseUrl,
      retry: { retries },
      log: { debug: () => {}, info: () => {}, warn, error: warn },
      throttle: {
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
        global: group('readiness-gate-global'),
        write: group('readiness-gate-write'),
        notifications: group('readiness-gate-notifications'),
        search: group('readiness-gate-search'),
        auth: group('readiness-gate-auth'),
      } as ThrottlingOptions,
    },
    retry,
    throttling,
  );
}
