/**
 * Which pull request an event is about, and which commit to report on.
 * Pure: the event name and payload in, a target or a readable error out.
 */
export interface Target {
  pullNumber: number;
  /** Where the check run goes when it is not the pull request's head (a merge group's head). */
  reportSha?: string;
  /** Whether to write the pull-request comment (not for merge groups). */
  comment: boolean;
  /**
   * The commits the event names, when it names them: the config is read at
   * this base without waiting for the pull request, and the verdict still
   * reaches this head's checks when the pull request cannot be read.
   */
  event?: { baseSha?: string; headSha?: string; body?: string };
}

/** Whether the run keeps its comment on the pull request: not for a merge group, nor with `comment: never`. */
export function commentWanted(target: Target, mode: string): boolean {
  return target.comment && mode !== 'never';
}

export class EventError extends Error {
  override name = 'EventError';
}

export const SUPPORTED_EVENTS = [
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'merge_group',
  'workflow_dispatch',
  'workflow_run',
] as const;

const QUEUE_REF = /^(?:refs\/heads\/)?gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]{7,40}$/;

export function resolveTarget(eventName: string, payload: Record<string, unknown>, pullInput: string): Target {
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
    case 'pull_request_review': {
      const pr = payload.pull_request as
        { number?: unknown; body?: unknown; base?: { sha?: unknown }; head?: { sha?: unknown } } | undefined;
      if (typeof pr?.number !== 'number') throw new EventError(`the ${eventName} event has no pull request number.`);
      const sha = (value: unknown) => (typeof value === 'string' && /^[0-9a-f]{40}$/.test(value) ? value : undefined);
      const [baseSha, headSha] = [sha(pr.base?.sha), sha(pr.head?.sha)];
      return {
        pullNumber: pr.number,
        comment: true,
        ...(baseSha || headSha
          ? {
              event: {
                ...(baseSha ? { baseSha } : {}),
                ...(headSha ? { headSha } : {}),
                // The description as the event has it (null when empty); the pull request read fresh has the last word.
                ...(typeof pr.body === 'string' ? { body: pr.body } : {}),
              },
            }
          : {}),
      };
    }
    case 'merge_group': {
      const group = payload.merge_group as { head_ref?: unknown; head_sha?: unknown } | undefined;
      const match = typeof group?.head_ref === 'string' ? QUEUE_REF.exec(group.head_ref) : null;
      if (!match || typeof group?.head_sha !== 'string') {
        throw new EventError(`cannot find the pull request of merge group ref "${String(group?.head_ref)}".`);
      }
      return { pullNumber: Number(match[1]), reportSha: group.head_sha, comment: false };
    }
    case 'workflow_dispatch':
    case 'workflow_run': {
      const inputs = (payload.inputs ?? {}) as Record<string, unknown>;
      const run = payload.workflow_run as { pull_requests?: { number?: unknown }[] } | undefined;
      const fromPayload = inputs['pull-request'] ?? inputs.pull_request ?? run?.pull_requests?.[0]?.number ?? '';
      const raw = (pullInput || String(fromPayload)).trim();
      if (!/^\d+$/.test(raw)) {
        throw new EventError(
          `${eventName} needs the pull request number: set the \`pull-request\` input` +
            (eventName === 'workflow_run'
              ? ' (GitHub leaves workflow_run.pull_requests empty for pull requests from forks).'
              : '.'),
        );
      }
      return { pullNumber: Number(raw), comment: true };
    }
    default:
      throw new EventError(
        `the "${eventName}" event is not supported. Run on ${SUPPORTED_EVENTS.join(', ')}; see readiness-gate's docs/action.md for the workflow.`,
      );
  }
}
