// Writes test/openapi/github-subset.json: the operations the action calls, cut
// from GitHub's published OpenAPI description (@octokit/openapi, dereferenced).
// The test server validates every request against it.
//   npm install --no-save @octokit/openapi@23.0.2 && node scripts/openapi-subset.mjs
import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';

const require = createRequire(import.meta.url);
const spec = require('@octokit/openapi/generated/api.github.com.deref.json');
const { version } = require('@octokit/openapi/package.json');

export const OPERATIONS = [
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
  ['get', '/repos/{owner}/{repo}/contents/{path}'],
  ['post', '/repos/{owner}/{repo}/check-runs'],
  ['patch', '/repos/{owner}/{repo}/check-runs/{check_run_id}'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['delete', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews'],
  // Review comments on the changed lines (`review: changed-lines`).
  ['post', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/comments'],
  ['patch', '/repos/{owner}/{repo}/pulls/comments/{comment_id}'],
  ['delete', '/repos/{owner}/{repo}/pulls/comments/{comment_id}'],
  // `readiness-gate doctor`: the repository, its branch protection and the rules on a branch.
  ['get', '/repos/{owner}/{repo}'],
  ['get', '/repos/{owner}/{repo}/branches/{branch}/protection'],
  ['get', '/repos/{owner}/{repo}/rules/branches/{branch}'],
  // Who links a runbook the pull request removes or renames: code search over the default branch.
  ['get', '/search/code'],
  // The repository's files at the head commit, for the files services keep (catalogs, SLOs, dashboards).
  ['get', '/repos/{owner}/{repo}/git/trees/{tree_sha}'],
  // Not called by the action: what mheap/require-checklist-action reads, for `npm run bench`'s comparison.
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}'],
  ['get', '/orgs/{org}/teams/{team_slug}'],
  ['get', '/orgs/{org}/teams/{team_slug}/memberships/{username}'],
];

const paths = {};
for (const [method, route] of OPERATIONS) {
  const op = spec.paths[route]?.[method];
  if (!op) throw new Error(`${method.toUpperCase()} ${route} is not in @octokit/openapi ${version}`);
  const parameters = [...(spec.paths[route].parameters ?? []), ...(op.parameters ?? [])].map((p) => ({
    name: p.name,
    in: p.in,
    required: Boolean(p.required),
    schema: p.schema,
  }));
  const body = op.requestBody?.content?.['application/json']?.schema;
  paths[route] ??= {};
  paths[route][method] = {
    operationId: op.operationId,
    parameters,
    ...(body ? { requestBody: { required: Boolean(op.requestBody.required), schema: body } } : {}),
    responses: Object.keys(op.responses),
  };
}
await mkdir('test/openapi', { recursive: true });
await writeFile(
  'test/openapi/github-subset.json',
  `${JSON.stringify({ source: `@octokit/openapi@${version} api.github.com.deref.json`, paths }, null, 1)}\n`,
);
