/**
 * The check run on the evaluated commit: created completed with the first 50
 * annotations, then updated with the rest, 50 at a time (GitHub's limit).
 */
import { ANNOTATIONS_PER_REQUEST } from '../limits.js';
import type { Annotation } from '../report/annotations.js';
import type { GitHubClient } from './client.js';
import type { Repo } from './repository.js';

export interface CheckRunOutput {
  name: string;
  headSha: string;
  conclusion: 'success' | 'failure';
  title: string;
  summary: string;
  annotations: Annotation[];
  detailsUrl?: string;
}

/** The check run was created, but adding its later annotations failed. */
export class AnnotationsNotAdded extends Error {
  override name = 'AnnotationsNotAdded';
  constructor(
    readonly checkRunId: number,
    readonly sent: number,
    readonly total: number,
    override readonly cause: unknown,
  ) {
    super(`${sent} of ${total} annotations were added`);
  }
}

export async function publishCheckRun(client: GitHubClient, repo: Repo, run: CheckRunOutput): Promise<number> {
  const batches: Annotation[][] = [];
  for (let i = 0; i < run.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(run.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  const output = { title: run.title, summary: run.summary };
  const { data } = await client.request('POST /repos/{owner}/{repo}/check-runs', {
    ...repo,
    name: run.name,
    head_sha: run.headSha,
    status: 'completed',
    conclusion: run.conclusion,
    completed_at: new Date().toISOString(),
    ...(run.detailsUrl ? { details_url: run.detailsUrl } : {}),
    output: { ...output, ...(batches[0] ? { annotations: batches[0] } : {}) },
  });
  let sent = batches[0]?.length ?? 0;
  for (const batch of batches.slice(1)) {
    try {
      await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
        ...repo,
        check_run_id: data.id,
        output: { ...output, annotations: batch },
      });
    } catch (error) {
      throw new AnnotationsNotAdded(Number(data.id), sent, run.annotations.length, error);
    }
    sent += batch.length;
  }
  return Number(data.id);
}
