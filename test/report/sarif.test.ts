// The report as SARIF 2.1.0: valid against the schema, findings on files only, rules from the rule list,
// fingerprints that survive a moved line.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { check } from '../../src/engine.js';
import { RULES } from '../../src/rules/index.js';
import { fingerprint, toSarif } from '../../src/report/sarif.js';
import { runCli } from '../cli/run.js';
import { example, loadGrammars, ROOT, runbooks } from '../helpers.js';

// check() is synchronous: the parsers a kind loads on demand (a Dockerfile's) are loaded first.
await loadGrammars();

const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));
// The schema is draft-04: Ajv 8 reads it once its root `id` is spelt `$id` (draft-04 uses no other keyword Ajv
// 8 reads differently here, and its references are all local).
const { id, ...rest } = schema as { id: string; $schema: string };
delete (rest as { $schema?: string }).$schema;
const validate = new Ajv({
  strict: false,
  validateSchema: false,
  validateFormats: false,
  allErrors: true,
  // One of its patterns, `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`, is a valid JavaScript pattern only without the u flag.
  unicodeRegExp: false,
}).compile({
  ...rest,
  $id: id,
});

interface Sarif {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri: string; shortDescription: { text: string } }[] } };
    automationDetails: { id: string };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
      partialFingerprints: { primaryLocationLineHash: string };
    }[];
    properties: { descriptionFindings: number };
  }[];
}

const config = loadConfig(undefined, 'x.yml');
const report = check({
  description: example('pull-request.md').replace('- [x] **Health Checks**', '- [ ] **Health Checks**'),
  files: [
    ...runbooks([{ path: 'examples/runbooks/rotate-certs.md', text: example('runbooks/rotate-certs.md') }]),
    { path: 'Dockerfile', kind: 'dockerfile', text: 'FROM node:20\nCMD node server.js\n' },
  ],
  config,
});

describe('toSarif', () => {
  const sarif = toSarif(report) as Sarif;
  const [run] = sarif.runs;

  it('validates against the SARIF 2.1.0 schema', () => {
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    // The schema does reject what is not SARIF: a result without a message.
    const broken = structuredClone(sarif) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    delete broken.runs[0]!.results[0]!.message;
    expect(validate(broken)).toBe(false);
  });

  it('has a result for each finding on a file, at its line, and counts those on the description', () => {
    const inFiles = report.findings.filter((f) => f.source !== 'pull-request');
    expect(inFiles.length).toBeGreaterThan(0);
    expect(
      run!.results.map((r) => [
        r.ruleId,
        r.locations[0]!.physicalLocation.artifactLocation.uri,
        r.locations[0]!.physicalLocation.region.startLine,
      ]),
    ).toEqual(inFiles.map((f) => [f.ruleId, f.source, f.line]));
    expect(run!.properties.descriptionFindings).toBe(report.findings.length - inFiles.length);
    expect(run!.properties.descriptionFindings).toBeGreaterThan(0);
    expect(run!.results.find((r) => r.ruleId === 'dockerfile-exec-form')).toMatchObject({ level: 'warning' });
  });

  it('describes every rule, and each result points at its own', () => {
    const ids = run!.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(RULES.map((r) => r.id)));
    for (const result of run!.results) expect(ids[result.ruleIndex]).toBe(result.ruleId);
    expect(run!.tool.driver.rules.find((r) => r.id === 'runbook-section')).toMatchObject({
      shortDescription: { text: RULES.find((r) => r.id === 'runbook-section')!.title },
      helpUri: 'https://github.com/readiness-gate/readiness-gate/blob/main/docs/rules/runbook-section.md',
    });
    // Each rule's own page, which docs/rules/ holds (the examples test keeps it in step).
    for (const rule of run!.tool.driver.rules.filter((r) => RULES.some((known) => known.id === r.id))) {
      expect(rule.helpUri).toBe(`https://github.com/readiness-gate/readiness-gate/blob/main/docs/rules/${rule.id}.md`);
      expect(existsSync(path.join(ROOT, 'docs/rules', `${rule.id}.md`)), rule.id).toBe(true);
    }
    expect(run!.automationDetails.id).toBe('readiness-gate/');
  });

  it('gives each file as a percent-encoded relative URI, whatever its name holds', () => {
    const source = 'deploy/a#b?c%d e(1)/Dockerfile';
    const sarif = toSarif({
      conclusion: 'failure',
      errors: 1,
      warnings: 0,
      notices: 0,
      findings: [
        {
          ruleId: 'dockerfile-healthcheck',
          severity: 'error',
          message: 'x',
          source,
          kind: 'dockerfile',
          line: 1,
          column: 1,
        },
      ],
      waivers: [],
      passed: [],
      sources: [source],
    }) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uri = sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri;
    expect(uri).toBe('deploy/a%23b%3Fc%25d%20e%281%29/Dockerfile');
    // Read back as a URL relative to a root, it names the same file.
    expect(decodeURIComponent(new URL(uri, 'file:///repo/').pathname.slice('/repo/'.length))).toBe(source);
  });

  it('fingerprints a finding by what it says, not by its line', () => {
    const finding = { ruleId: 'dockerfile-exec-form' as const, source: 'Dockerfile', message: 'CMD is in shell form.' };
    expect(fingerprint(finding)).toBe(fingerprint({ ...finding }));
    expect(fingerprint({ ...finding, message: '"x" is given twice (first at line 3).' })).toBe(
      fingerprint({ ...finding, message: '"x" is given twice (first at line 9).' }),
    );
    expect(fingerprint(finding)).not.toBe(fingerprint({ ...finding, source: 'api/Dockerfile' }));
    expect(run!.results[0]!.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:1$/);
  });
});

describe('readiness-gate check --format sarif', () => {
  it('prints SARIF that validates, with the exit code of the verdict', async () => {
    const { code, stdout } = await runCli(
      [
        'check',
        '--format',
        'sarif',
        '--body',
        'examples/pull-request.md',
        'examples/runbooks/*.md',
        'examples/deploy/',
      ],
      { cwd: ROOT },
    );
    const sarif = JSON.parse(stdout) as Sarif;
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    expect(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toContain(
      'examples/runbooks/rotate-certs.md',
    );
    expect(code).toBe(1);
  });
});
