import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { check } from '../../src/engine.js';

const config = loadConfig(undefined, 'built-in');
const verdict = (path: string, text: string) => {
  const report = check({ files: [{ path, kind: 'manifest', text }], config });
  return report.findings.map((f) => `${f.line} ${f.severity} ${f.ruleId}`);
};

describe('evidence-unverifiable on YAML that does not parse', () => {
  it('fails a plain manifest kubectl would refuse, whatever the rule’s severity: what it deploys was not read', () => {
    expect(verdict('deploy/api.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x\nspec: {}\n')).toEqual(
      ['4 error evidence-unverifiable'],
    );
  });

  it('fails a manifest whose aliases expand past what kubectl accepts, and reads no object from it', () => {
    const lines = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: api}', 'x0: &a0 {k: 1}'];
    for (let i = 1; i <= 8; i++)
      lines.push(
        `x${i}: &a${i} {<<: [${Array(5)
          .fill(`*a${i - 1}`)
          .join(', ')}]}`,
      );
    lines.push('spec: {template: {spec: {containers: [{<<: *a8, name: api, ports: [{containerPort: 80}]}]}}}');
    expect(verdict('deploy/wide.yaml', `${lines.join('\n')}\n`)).toEqual(['1 error evidence-unverifiable']);
  });

  it('leaves YAML that declares no object, and a Helm template, a notice', () => {
    expect(verdict('deploy/mkdocs.yml', 'nav: [a\n  b: c\n')).toEqual(['1 notice evidence-unverifiable']);
    expect(
      verdict('charts/api/templates/d.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x\nspec: {}\n'),
    ).toEqual(['4 notice evidence-unverifiable']);
  });
});
