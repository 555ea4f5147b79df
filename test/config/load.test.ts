import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { preset } from '../../src/presets/devops.js';

function errorOf(text: string): string {
  try {
    loadConfig(text, '.github/readiness-gate.yml');
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('no error');
}

describe('loadConfig', () => {
  it('gives the devops preset for an absent or empty file', () => {
    const devops = {
      ...preset('devops'),
      source: 'built-in devops rules',
      strict: false,
      report: { maxAnnotations: 500 },
      skip: { labels: [], authors: [], drafts: false, onlyChangedFiles: [] },
    };
    expect(loadConfig(undefined, 'x.yml')).toEqual(devops);
    expect(loadConfig('# only a comment\n', 'x.yml')).toEqual({ ...devops, source: 'x.yml' });
    expect(loadConfig('', 'x.yml')).toEqual({ ...devops, source: 'x.yml (empty: built-in devops rules)' });
  });

  it('changes severities and turns rules off', () => {
    const config = loadConfig('rules:\n  runbook-health-check: error\n  ops-status-warning: off\n', 'x.yml');
    expect(config.rules['runbook-health-check']).toBe('error');
    expect(config.rules['ops-status-warning']).toBe('off');
    expect(config.rules['item-checked']).toBe('error');
  });

  it('starts empty with extends: none', () => {
    const config = loadConfig('extends: none\n', 'x.yml');
    expect(config.pullRequest.sections).toEqual([]);
    expect(config.runbooks.templates[0]!.sections).toEqual([]);
    expect(config.rules['ops-recommendation']).toBe('off');
    expect(config.rules['item-checked']).toBe('error');
  });

  it('replaces a preset section of the same name and adds new ones', () => {
    const config = loadConfig(
      'pull-request:\n  sections:\n    - name: monitoring\n      policy: any\n      items: [Metrics, Alerts]\n    - Security\n',
      'x.yml',
    );
    // No policy: every configured item, ticked or waived.
    expect(config.pullRequest.sections.map((s) => [s.name, s.policy, s.items.length])).toEqual([
      ['Deployment', undefined, 4],
      ['monitoring', 'any', 2],
      ['Reliability', undefined, 4],
      ['Resources', undefined, 4],
      ['Security', undefined, 0],
    ]);
  });

  it('names file, line and key for an unknown key', () => {
    expect(errorOf('extends: devops\npull-request:\n  sectoins: []\n')).toBe(
      '.github/readiness-gate.yml:3:3: unknown key `pull-request.sectoins`. Did you mean `pull-request.sections`? Remove it or check its spelling; see schema/readiness-gate.schema.json.',
    );
  });

  it('accepts a claim on an item named where it stands, and refuses placeholders no section would read', () => {
    const config = loadConfig(
      "extends: none\npull-request:\n  sections: [{name: Reliability, items: [Health Checks]}]\nclaims:\n  'Reliability > Health Checks': [manifest-readiness-probe]\n",
      'c.yml',
    );
    expect(Object.keys(config.claims)).toEqual(['Reliability > Health Checks']);
    expect(
      errorOf("extends: none\npull-request:\n  sections: [{name: Tests, items: [Unit]}]\n  placeholders: ['TBD']\n"),
    ).toBe(
      '.github/readiness-gate.yml:4:17: `pull-request.placeholders`: no description section requires text, so no placeholder would ever be looked for. List a section without items (its text is then required), or set `text: required` on one.',
    );
  });

  it('refuses a claim on an item the config does not require, at its line, with the closest label', () => {
    expect(
      errorOf('claims:\n  Health Checks: [manifest-readiness-probe]\n  Memory limits: [manifest-resources]\n'),
    ).toBe(
      '.github/readiness-gate.yml:3:3: `claims`: "Memory limits" is not a checklist item the config requires (`pull-request.sections`, `sign-off`, `when`), so the claim would never be checked. Did you mean "Memory"? Add the item to a section, or correct the label.',
    );
    // A rule of the description has no findings on changed files: it could never contradict a tick.
    expect(errorOf('claims:\n  Health Checks: [item-checked]\n')).toMatch(
      /^\.github\/readiness-gate\.yml:2:19: `claims\.Health Checks\.0`: Invalid option/,
    );
    // With no sections, nothing can be claimed; an item a `when` entry requires or a sign-off box can.
    expect(errorOf('extends: none\nclaims:\n  Health Checks: [manifest-readiness-probe]\n')).toMatch(
      /:3:3: `claims`: "Health Checks"/,
    );
    expect(() =>
      loadConfig(
        "extends: none\nwhen:\n  - {name: Deploys, changed-files: ['deploy/**'], require: {items: [Health checks]}}\nclaims:\n  Health Checks: [manifest-readiness-probe]\n  Resource limits set: [manifest-resources]\n",
        'x.yml',
      ),
    ).not.toThrow();
  });

  it('switches alert-runbook on for an alerts block the preset left it off for, unless the config says off', () => {
    const alerts =
      'alerts:\n  runbook-urls:\n    - prefix: https://runbooks.example.com/\n      path: docs/runbooks/\n';
    expect(loadConfig('extends: none\n', 'x.yml').rules['alert-runbook']).toBe('off');
    expect(loadConfig(`extends: none\n${alerts}`, 'x.yml').rules['alert-runbook']).toBe('error');
    expect(loadConfig(`extends: none\n${alerts}rules:\n  alert-runbook: off\n`, 'x.yml').rules['alert-runbook']).toBe(
      'off',
    );
    expect(
      loadConfig(`extends: none\n${alerts}rules:\n  alert-runbook: notice\n`, 'x.yml').rules['alert-runbook'],
    ).toBe('notice');
  });

  it('names an unknown rule id', () => {
    expect(errorOf('rules:\n  no-such-rule: error\n')).toMatch(
      /^\.github\/readiness-gate\.yml:2:3: unknown key `rules\.no-such-rule`/,
    );
  });

  it('names a wrong type at its line', () => {
    expect(errorOf('strict: yes please\n')).toBe(
      '.github/readiness-gate.yml:1:9: `strict`: Invalid input: expected boolean, received string.',
    );
    expect(errorOf('rules:\n  item-checked: fatal\n')).toMatch(
      /^\.github\/readiness-gate\.yml:2:17: `rules\.item-checked`: Invalid option/,
    );
    expect(errorOf('skip:\n  labels: [ok, 3]\n')).toMatch(
      /^\.github\/readiness-gate\.yml:2:16: `skip\.labels\.1`: Invalid input: expected string/,
    );
  });

  it('names the line of broken YAML', () => {
    expect(errorOf('strict: true\n\trules: {}\n')).toBe(
      '.github/readiness-gate.yml:2:1: invalid YAML: Tabs are not allowed as indentation. Fix the syntax at this line.',
    );
    expect(errorOf('strict: true\nstrict: false\n')).toBe(
      '.github/readiness-gate.yml:2:1: invalid YAML: Map keys must be unique. Fix the syntax at this line.',
    );
  });

  it('refuses a top level that is not a mapping', () => {
    expect(errorOf('- a\n- b\n')).toBe(
      '.github/readiness-gate.yml:1:1: the config must be a mapping of keys such as `extends`, `rules`, `pull-request`.',
    );
  });
});
