// The planning step: which files are read, as which kind, and where the bounds on reading fall.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { check, type KindedFile } from '../src/engine.js';
import { availableParallelism } from 'node:os';
import { chunks, PARALLEL_THRESHOLD } from '../src/concurrency.js';
import { MAX_COMPANIONS, planCompanions, planFiles, withText } from '../src/plan.js';

const config = loadConfig(undefined, 'x.yml');
const unreadMessages = (paths: { changed?: string[]; named?: string[] }, text: (p: string) => string) => {
  const planned = planFiles({ linked: [], ...paths }, config);
  const files = planned.map((f) => withText(f, text(f.path)));
  return check({ files, config })
    .findings.filter((f) => f.ruleId === 'document-unreadable')
    .map((f) => f.message);
};

describe('planFiles', () => {
  it('reads at most 300 changed runbooks and 300 deployment files a run, each bound on its own', () => {
    const runbooks = Array.from({ length: 302 }, (_, i) => `docs/runbooks/r${i}.md`);
    const dockerfiles = Array.from({ length: 301 }, (_, i) => `svc/s${i}/Dockerfile`);
    const messages = unreadMessages({ changed: [...runbooks, ...dockerfiles] }, (p) =>
      p.endsWith('.md') ? '# Runbook\n' : 'FROM x\nCMD ["x"]\n',
    );
    expect(messages).toEqual([
      '2 changed runbooks were not read: the gate reads at most 300 a run. Not read: docs/runbooks/r300.md, docs/runbooks/r301.md. Split the pull request.',
      '1 changed deployment files were not read: the gate reads at most 300 a run (`evidence.max-files`). Not read: svc/s300/Dockerfile. Split the pull request.',
    ]);
  });

  it('does not read a named deployment file that `evidence` leaves out as a runbook', () => {
    const scoped = loadConfig("evidence:\n  exclude: ['examples/**']\n", 'x.yml');
    expect(planFiles({ linked: [], named: ['examples/api.yaml', 'deploy/api.yaml', 'notes.txt'] }, scoped)).toEqual([
      { path: 'deploy/api.yaml', kind: 'manifest' },
      { path: 'notes.txt', kind: 'runbook' },
    ]);
  });
});

describe('planCompanions', () => {
  const MANIFEST = 'apiVersion: apps/v1\nkind: Deployment\n';
  const read = (path: string, text: string | undefined): KindedFile => ({ path, kind: 'manifest', text });

  it('plans each companion once, only for files that declare Kubernetes objects, at most MAX_COMPANIONS', () => {
    const files = [
      read('charts/a/templates/deployment.yaml', MANIFEST),
      read('charts/a/templates/service.yaml', MANIFEST),
      read('docs/mkdocs.yml', 'site_name: docs\nnav: []\n'), // no Kubernetes object: no read
      read('deploy/gone/api.yaml', undefined), // not there: nothing to go with
      ...Array.from({ length: 40 }, (_, i) => read(`deploy/d${i}/api.yaml`, MANIFEST)),
    ];
    const companions = planCompanions(files);
    expect(companions.slice(0, 5)).toEqual([
      { path: 'charts/a/Chart.yaml', kind: 'manifest', companion: true },
      { path: 'charts/a/values.yaml', kind: 'manifest', companion: true },
      { path: 'deploy/d0/kustomization.yaml', kind: 'manifest', companion: true, fromBase: true },
      { path: 'deploy/d0/kustomization.yml', kind: 'manifest', companion: true, fromBase: true },
      { path: 'deploy/d0/Kustomization', kind: 'manifest', companion: true, fromBase: true },
    ]);
    expect(companions).toHaveLength(MAX_COMPANIONS);
    expect(new Set(companions.map((c) => c.path)).size).toBe(MAX_COMPANIONS);
  });

  it('reads a changed file again as a companion only where the base commit is wanted', () => {
    const files = [read('charts/a/templates/x.yaml', MANIFEST), read('charts/a/values.yaml', 'a: 1\n')];
    expect(planCompanions(files).map((c) => c.path)).toEqual(['charts/a/Chart.yaml']);
    const kustomized = [read('deploy/api.yaml', MANIFEST), read('deploy/kustomization.yaml', 'resources: []\n')];
    expect(planCompanions(kustomized).map((c) => `${c.path}${c.fromBase ? ' at base' : ''}`)).toEqual([
      'deploy/kustomization.yaml at base',
      'deploy/kustomization.yml at base',
      'deploy/Kustomization at base',
    ]);
  });
});

describe('chunks', () => {
  it('splits many documents into runs of consecutive ones with about as much text each, in order', () => {
    // The big documents all come first, as a repository's long runbooks may.
    const files = Array.from({ length: PARALLEL_THRESHOLD * 2 }, (_, i) => ({
      path: `docs/${String(i).padStart(4, '0')}.md`,
      text: 'x'.repeat(i < 40 ? 50_000 : 500),
    }));
    const parts = chunks(files);
    const threads = Math.min(availableParallelism(), 4);
    expect(parts).toHaveLength(threads);
    expect(parts.flat()).toEqual(files);
    const weight = (part: typeof files) => part.reduce((n, f) => n + f.text.length + 256, 0);
    const total = weight(files);
    for (const part of parts) expect(weight(part)).toBeLessThanOrEqual(total / threads + 50_256);
    // Split by count, the first part would hold every big document.
    if (threads > 1) expect(parts[0]!.length).toBeLessThan(files.length / threads);
  });

  it('keeps a few documents, or none, in one part', () => {
    const few = [{ path: 'a.md', text: 'a' }, { path: 'b.md' }];
    expect(chunks(few)).toEqual([few]);
    expect(chunks([])).toEqual([]);
  });
});
