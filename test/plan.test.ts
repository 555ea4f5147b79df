// The planning step: which files are read, as which kind, and where the bounds on reading fall.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { check } from '../src/engine.js';
import { MAX_COMPANIONS, planFiles, withText } from '../src/plan.js';

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
      { path: 'deploy/kustomization.yaml', kind: 'manifest', companion: true, fromBase: true },
      { path: 'deploy/kustomization.yml', kind: 'manifest', companion: true, fromBase: true },
      { path: 'deploy/Kustomization', kind: 'manifest', companion: true, fromBase: true },
    ]);
  });

  it('plans each companion once, none for a file not read, and at most MAX_COMPANIONS', () => {
    const changed = [
      'charts/a/templates/deployment.yaml',
      'charts/a/templates/service.yaml',
      ...Array.from({ length: 40 }, (_, i) => `deploy/d${i}/api.yaml`),
    ];
    const planned = planFiles({ linked: [], changed }, config);
    const companions = planned.filter((f) => f.companion).map((f) => f.path);
    expect(companions.slice(0, 5)).toEqual([
      'charts/a/Chart.yaml',
      'charts/a/values.yaml',
      'deploy/d0/kustomization.yaml',
      'deploy/d0/kustomization.yml',
      'deploy/d0/Kustomization',
    ]);
    expect(companions).toHaveLength(MAX_COMPANIONS);
    expect(new Set(companions).size).toBe(companions.length);
    const tight = loadConfig('evidence:\n  max-files: 1\n', 'x.yml');
    const few = planFiles({ linked: [], changed: ['deploy/a/api.yaml', 'deploy/b/api.yaml'] }, tight);
    expect(few.filter((f) => f.companion).map((f) => f.path)).toEqual([
      'deploy/a/kustomization.yaml',
      'deploy/a/kustomization.yml',
      'deploy/a/Kustomization',
    ]);
  });
});
