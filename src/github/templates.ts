/**
 * The repository's pull-request templates at the base commit, found where
 * GitHub looks for them with one GraphQL query (the three folders and their
 * `PULL_REQUEST_TEMPLATE/` folders, any case), and read with the contents
 * API: so a run spends one request on them when there is none, two when
 * there is one.
 */
import { isTemplatePath, TEMPLATE_FOLDERS } from '../model/template-paths.js';
import type { TemplateFile } from '../model/template.js';
import type { GitHubClient } from './client.js';
import { readFileAt, type Repo } from './repository.js';

/** Templates read at most from a `PULL_REQUEST_TEMPLATE/` folder. */
const MAX_TEMPLATES = 10;
/** The most bytes of a template read: a template is a page, not a book. */
const MAX_TEMPLATE_BYTES = 64 * 1024;

const FOLDERS = [
  ...TEMPLATE_FOLDERS,
  ...TEMPLATE_FOLDERS.flatMap((f) =>
    ['PULL_REQUEST_TEMPLATE', 'pull_request_template'].map((name) => (f === '' ? name : `${f}/${name}`)),
  ),
];
const ALIASES = FOLDERS.map((_, i) => `f${i}`);

export const TEMPLATES_QUERY = `query(${['$owner: String!', '$repo: String!', ...ALIASES.map((a) => `$${a}: String!`)].join(', ')}) {
  repository(owner: $owner, name: $repo) {
${ALIASES.map((a) => `    ${a}: object(expression: $${a}) { ... on Tree { entries { name type } } }`).join('\n')}
  }
}`;

type Listing = { entries: { name: string; type: string }[] } | null;

/** The paths of the templates at a commit, the default one (`.github`, root, `docs`, in that order) first. */
export async function findTemplates(client: GitHubClient, repo: Repo, sha: string): Promise<string[]> {
  const variables = Object.fromEntries(FOLDERS.map((folder, i) => [ALIASES[i]!, `${sha}:${folder}`]));
  const data = await client.graphql<{ repository: Record<string, Listing> | null }>(TEMPLATES_QUERY, {
    owner: repo.owner,
    repo: repo.repo,
    ...variables,
  });
  const found: string[] = [];
  FOLDERS.forEach((folder, i) => {
    for (const entry of data.repository?.[ALIASES[i]!]?.entries ?? []) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.type === 'blob' && isTemplatePath(path)) found.push(path);
    }
  });
  return found;
}

/** The templates at a commit, read; a named path is read alone. */
export async function readTemplates(
  client: GitHubClient,
  repo: Repo,
  sha: string,
  paths: readonly string[],
): Promise<TemplateFile[]> {
  const read = await Promise.all(
    paths.slice(0, MAX_TEMPLATES).map(async (path) => ({
      path,
      text: await readFileAt(client, repo, path, sha, MAX_TEMPLATE_BYTES),
    })),
  );
  return read.flatMap((t) => (t.text === undefined ? [] : [{ path: t.path, text: t.text }]));
}
