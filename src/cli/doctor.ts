/**
 * `readiness-gate doctor --repo OWNER/REPO`: reads a repository's set-up of
 * the gate through the API (its workflows, the checks and rules on its
 * default branch, the config there) and prints what will not work, each
 * with its fix (`doctor/diagnose.ts`). The token is GITHUB_TOKEN; it goes to
 * the API host only (GITHUB_API_URL, else api.github.com). Exit 0 when
 * nothing is wrong, 1 otherwise.
 */
import { parseArgs } from 'node:util';
import { RequestError } from '@octokit/request-error';
import { diagnose, type DoctorFacts } from '../doctor/diagnose.js';
import { createClient, type GitHubClient } from '../github/client.js';
import { readFileAt, type Repo } from '../github/repository.js';
import { explain } from '../github/source.js';
import { CONFIG_PATH } from '../init/templates.js';
import { CODEOWNERS_PATHS } from '../model/codeowners.js';
import { safeLine } from '../report/text.js';
import type { Io } from './io.js';
import { UsageError } from './usage-error.js';

/** Workflow files read at most: a repository with more is unusual, and the rest are named as not read. */
const MAX_WORKFLOWS = 50;

export async function runDoctor(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { repo: { type: 'string' }, config: { type: 'string' } } });
  const [owner, name, ...rest] = (values.repo ?? '').split('/');
  if (!owner || !name || rest.length > 0) throw new UsageError('doctor needs --repo OWNER/REPO.');
  const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token) throw new UsageError('doctor reads the repository through the API: set GITHUB_TOKEN (or GH_TOKEN).');
  const client = await createClient({
    token,
    baseUrl: io.env.GITHUB_API_URL ?? 'https://api.github.com',
    warn: (message) => io.stderr(`readiness-gate: ${message}\n`),
    env: io.env,
  });
  const repo = { owner, repo: name };
  let facts: DoctorFacts;
  try {
    facts = await readFacts(client, repo, values.config ?? CONFIG_PATH);
  } catch (error) {
    io.stderr(`readiness-gate: doctor could not read ${owner}/${name}: ${explain(error)}\n`);
    return 2;
  }
  const said = diagnose(facts);
  const problems = said.filter((p) => !p.info);
  for (const p of said) {
    const where = p.line ? `${p.where}:${p.line}` : p.where;
    if (p.info) io.stdout(`ℹ ${safeLine(where)}  ${safeLine(p.problem)}\n`);
    else io.stdout(`✖ ${safeLine(where)}  ${safeLine(p.problem)}\n  Fix: ${safeLine(p.fix)}\n`);
  }
  io.stdout(
    problems.length === 0
      ? `✔ ${owner}/${name}: the gate is set up to run on every pull request to ${facts.defaultBranch}, and is required.\n`
      : `\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${owner}/${name}'s set-up of the gate.\n`,
  );
  return problems.length === 0 ? 0 : 1;
}

async function readFacts(client: GitHubClient, repo: Repo, configPath: string): Promise<DoctorFacts> {
  const { data } = await client.request('GET /repos/{owner}/{repo}', { ...repo });
  const branch = data.default_branch;
  const [workflows, protection, rules, config, codeowners] = await Promise.all([
    readWorkflows(client, repo, branch),
    readProtection(client, repo, branch),
    client.request('GET /repos/{owner}/{repo}/rules/branches/{branch}', { ...repo, branch }).then((r) => r.data),
    readFileAt(client, repo, configPath, branch),
    readCodeowners(client, repo, branch),
  ]);
  const requiredChecks = 'unknown' in protection ? protection : protection.checks;
  const fromRules = rules.flatMap((rule) =>
    rule.type === 'required_status_checks'
      ? (rule.parameters?.required_status_checks ?? []).map((c) => ({
          context: c.context,
          from: `Ruleset ${rule.ruleset_id}`,
        }))
      : [],
  );
  return {
    repository: `${repo.owner}/${repo.repo}`,
    defaultBranch: branch,
    workflows,
    requiredChecks: 'unknown' in requiredChecks ? requiredChecks : [...requiredChecks, ...fromRules],
    mergeQueue: rules.some((rule) => rule.type === 'merge_queue'),
    config: { path: configPath, text: config },
    workflowGuard: {
      requiredWorkflows: rules.flatMap((rule) =>
        rule.type === 'workflows' ? (rule.parameters?.workflows ?? []).map((w) => w.path) : [],
      ),
      ...(codeowners ? { codeowners } : {}),
      codeOwnerReview:
        rules.some((rule) => rule.type === 'pull_request' && rule.parameters?.require_code_owner_review === true) ||
        ('unknown' in protection ? 'unknown' : protection.codeOwnerReview),
    },
  };
}

/** The CODEOWNERS file GitHub reads: the first of its three places that has one. */
async function readCodeowners(
  client: GitHubClient,
  repo: Repo,
  ref: string,
): Promise<{ file: string; text: string } | undefined> {
  for (const file of CODEOWNERS_PATHS) {
    const text = await readFileAt(client, repo, file, ref);
    if (text !== undefined) return { file, text };
  }
  return undefined;
}

async function readWorkflows(client: GitHubClient, repo: Repo, ref: string): Promise<DoctorFacts['workflows']> {
  let listing: unknown;
  try {
    ({ data: listing } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...repo,
      path: '.github/workflows',
      ref,
    }));
  } catch (error) {
    if (error instanceof RequestError && error.status === 404) return [];
    throw error;
  }
  const files = (Array.isArray(listing) ? (listing as { type: string; path: string }[]) : [])
    .filter((entry) => entry.type === 'file' && /\.ya?ml$/.test(entry.path))
    .slice(0, MAX_WORKFLOWS);
  const read = await Promise.all(
    files.map(async (f) => ({ path: f.path, text: await readFileAt(client, repo, f.path, ref) })),
  );
  return read.flatMap((f) => (f.text === undefined ? [] : [{ path: f.path, text: f.text }]));
}

async function readProtection(
  client: GitHubClient,
  repo: Repo,
  branch: string,
): Promise<{ checks: { context: string; from: string }[]; codeOwnerReview: boolean } | { unknown: string }> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/branches/{branch}/protection', {
      ...repo,
      branch,
    });
    const checks = data.required_status_checks;
    const contexts = new Set([...(checks?.contexts ?? []), ...(checks?.checks ?? []).map((c) => c.context)]);
    return {
      checks: [...contexts].map((context) => ({ context, from: 'Branch protection' })),
      codeOwnerReview: data.required_pull_request_reviews?.require_code_owner_reviews === true,
    };
  } catch (error) {
    if (error instanceof RequestError && error.status === 404) return { checks: [], codeOwnerReview: false };
    if (error instanceof RequestError && error.status === 403) {
      return { unknown: 'the token cannot read branch protection (GitHub answered 403)' };
    }
    throw error;
  }
}
