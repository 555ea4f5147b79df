// The CLI agrees with the action: the repository root, its config and remote, and what it checks.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';
import { example } from '../helpers.js';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function repository(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'rg-repo-'));
  temps.push(root);
  await mkdir(path.join(root, '.git'), { recursive: true });
  await writeFile(path.join(root, '.git/config'), '[remote "origin"]\n\turl = git@github.com:octo-org/octo-repo.git\n');
  await mkdir(path.join(root, 'docs/runbooks'), { recursive: true });
  await mkdir(path.join(root, 'services/api'), { recursive: true });
  await writeFile(path.join(root, 'docs/runbooks/deploy.md'), example('runbooks/deploy-payments.md'));
  await writeFile(path.join(root, 'docs/runbooks/README.md'), '# Runbooks\nAn index.\n');
  return root;
}

const cli = (args: string[], cwd: string) => runCli(args, { cwd });

describe('the repository root', () => {
  it('from a subfolder, reads the root’s config and resolves linked runbooks against the root', async () => {
    const root = await repository();
    await mkdir(path.join(root, '.github'));
    await writeFile(
      path.join(root, '.github/readiness-gate.yml'),
      'extends: none\npull-request:\n  runbook:\n    required: true\n',
    );
    await writeFile(path.join(root, 'services/api/pr.md'), '## Runbook\n[Deploy](docs/runbooks/deploy.md)\n');
    const { code, stdout } = await cli(
      ['check', '--format', 'json', '--body', 'pr.md'],
      path.join(root, 'services/api'),
    );
    const report = JSON.parse(stdout) as { config: string; documents: { source: string }[]; findings: unknown[] };
    expect(code).toBe(0);
    expect(report.config).toBe('.github/readiness-gate.yml');
    expect(report.documents.map((d) => d.source)).toEqual(['pull-request', 'docs/runbooks/deploy.md']);
  });

  it('with no files named, checks the runbooks the config selects (README.md left out)', async () => {
    const root = await repository();
    const { code, stdout } = await cli(['check', '--format', 'json'], path.join(root, 'services'));
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { documents: { source: string }[] }).documents.map((d) => d.source)).toEqual([
      'docs/runbooks/deploy.md',
    ]);
  });

  it('reads a link to this repository by its GitHub URL as the file; another repository’s is external', async () => {
    const root = await repository();
    const body = (url: string) => `## Runbook\n[Deploy](${url})\n`;
    await writeFile(
      path.join(root, 'pr.md'),
      body('https://github.com/octo-org/octo-repo/blob/main/docs/runbooks/deploy.md'),
    );
    const own = JSON.parse((await cli(['check', '--format', 'json', '--body', 'pr.md'], root)).stdout) as {
      documents: { source: string }[];
    };
    expect(own.documents.map((d) => d.source)).toContain('docs/runbooks/deploy.md');
    await writeFile(
      path.join(root, 'pr.md'),
      body('https://github.com/someone/else/blob/main/docs/runbooks/deploy.md'),
    );
    const other = await cli(['check', '--body', 'pr.md', 'docs/runbooks/deploy.md'], root);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('outside this repository, which the gate cannot check');
  });

  it('says that sign-off is the action’s to check', async () => {
    const root = await repository();
    await writeFile(path.join(root, 'cfg.yml'), 'sign-off:\n  reviewers: [sre-lead]\n');
    const { stdout } = await cli(['check', '--config', 'cfg.yml', 'docs/runbooks/deploy.md'], root);
    expect(stdout).toContain('Note: Sign-off (`sign-off` in the config) is checked by the action only');
    const json = JSON.parse(
      (await cli(['check', '--format', 'json', '--config', 'cfg.yml', 'docs/runbooks/deploy.md'], root)).stdout,
    ) as {
      notes: string[];
    };
    expect(json.notes).toHaveLength(1);
  });
});
