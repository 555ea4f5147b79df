// Deployment files are the pull request's text: random YAML, Helm and Dockerfile text never makes the
// engine throw, every finding lands on a line of the file, and parsing does work in proportion to the
// text (the time figures for the same shapes are in `node bench/hostile.mjs`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { check, type KindedFile } from '../src/engine.js';
import { renderStatically } from '../src/kinds/manifest/helm.js';
import { parseManifest } from '../src/kinds/manifest.js';
import { loadGrammars } from './helpers.js';

// check() is synchronous: the parsers a kind loads on demand (a Dockerfile's) are loaded first.
await loadGrammars();

const config = loadConfig(undefined, 'x.yml');

const yamlFragment = fc.constantFrom(
  'apiVersion: apps/v1\n',
  'kind: Deployment\n',
  'kind: StatefulSet\n',
  '---\n',
  'metadata:\n  name: api\n',
  '  annotations:\n    readiness-gate.io/waive.manifest-resources: ""\n',
  'spec:\n  replicas: 2\n  strategy: {type: Recreate}\n',
  '  template:\n    spec:\n      terminationGracePeriodSeconds: 0\n      containers:\n',
  '        - name: api\n          ports: [{containerPort: 80}]\n',
  '          env:\n            - name: DB_PASSWORD\n              value: x\n',
  '          lifecycle: {preStop: {exec: {command: [sleep, "40"]}}}\n',
  '          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n',
  '{{- include "x" . | nindent 10 }}\n',
  '{{ if .Values.x }}\n',
  '{{- end }}\n',
  'name: {{ .Values.name }}\n',
  '{{ a }}: {{ b }}\n',
  '{{',
  '}}',
  '&a [x]\n',
  '*a\n',
  '  - [\n',
  '\t',
  ': ',
  '"',
  '\n',
);
const dockerFragment = fc.constantFrom(
  'FROM node:20 AS build\n',
  'FROM scratch\n',
  'CMD node server.js\n',
  'CMD ["node", "server.js"]\n',
  'ENTRYPOINT ["/tini", "--"]\n',
  'HEALTHCHECK CMD curl -f http://localhost/\n',
  'RUN a \\\n',
  '  && b \\\n',
  '# readiness-gate waive=dockerfile-exec-form: tini\n',
  '# readiness-gate waive=dockerfile-exec-form\n',
  '\\',
  '\n',
);
/** A workload built from parts each rule reads, each there or not: most draws have findings to count. */
const workload = fc
  .record({
    kind: fc.constantFrom('Deployment', 'StatefulSet', 'DaemonSet', 'Job'),
    strategy: fc.constantFrom(
      '',
      '  strategy: {type: Recreate}\n',
      '  strategy: {rollingUpdate: {maxUnavailable: 1}}\n',
    ),
    grace: fc.constantFrom('', '      terminationGracePeriodSeconds: 0\n', '      terminationGracePeriodSeconds: 60\n'),
    containers: fc.array(
      fc.record({
        ports: fc.boolean(),
        readiness: fc.boolean(),
        liveness: fc.boolean(),
        resources: fc.boolean(),
        secret: fc.boolean(),
        sleep: fc.constantFrom('', '          lifecycle: {preStop: {exec: {command: [sleep, "45"]}}}\n'),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(
    ({ kind, strategy, grace, containers }) =>
      `apiVersion: apps/v1\nkind: ${kind}\nmetadata: {name: api}\nspec:\n  replicas: 1\n${strategy}  template:\n    spec:\n${grace}      containers:\n${containers
        .map(
          (c, i) =>
            `        - name: c${i}\n` +
            (c.ports ? '          ports: [{containerPort: 80}]\n' : '') +
            (c.readiness ? '          readinessProbe: {tcpSocket: {port: 80}}\n' : '') +
            (c.liveness ? '          livenessProbe: {tcpSocket: {port: 80}}\n' : '') +
            (c.resources ? '          resources: {requests: {cpu: 1, memory: 1Gi}, limits: {memory: 1Gi}}\n' : '') +
            (c.secret ? '          env: [{name: API_TOKEN, value: abc}]\n' : '') +
            c.sleep,
        )
        .join('')}`,
  );

const text = (fragment: fc.Arbitrary<string>) =>
  fc.oneof(
    fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join('')),
    fc.string({ maxLength: 400 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );

const companions: KindedFile[] = [
  { path: 'charts/a/Chart.yaml', kind: 'manifest', companion: true, text: 'apiVersion: v2\nname: a\n' },
  { path: 'charts/a/values.yaml', kind: 'manifest', companion: true, text: 'resources: {limits: {memory: 1Gi}}\n' },
  { path: 'deploy/kustomization.yaml', kind: 'manifest', companion: true, fromBase: true, text: 'resources: []\n' },
];

describe('deployment files, at random', () => {
  it('never throw; each finding is on a line of its file', () => {
    fc.assert(
      fc.property(fc.oneof(text(yamlFragment), workload), text(dockerFragment), (yaml, dockerfile) => {
        const files: KindedFile[] = [
          { path: 'deploy/api.yaml', kind: 'manifest', text: yaml },
          { path: 'charts/a/templates/api.yaml', kind: 'manifest', text: yaml },
          { path: 'other/api.yaml', kind: 'manifest', text: yaml },
          { path: '.github/workflows/ci.yml', kind: 'workflow', text: yaml },
          { path: 'Dockerfile', kind: 'dockerfile', text: dockerfile },
          ...companions,
        ];
        const report = check({ description: '## Reliability\n- [x] **Health Checks**: yes\n', files, config });
        const lines = new Map(files.map((f) => [f.path, (f.text ?? '').split('\n').length]));
        for (const f of report.findings) {
          if (f.source === 'pull-request') continue;
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(lines.get(f.source)!);
        }
        expect(report.errors + report.warnings + report.notices).toBe(report.findings.length);
        expect(report.findings.filter((f) => f.ruleId === 'gate-fault' || f.ruleId === 'document-too-complex')).toEqual(
          [],
        );
      }),
      { numRuns: 200 },
    );
  });

  it('a Dockerfile that is a lone backslash (found by the property above) is a Dockerfile with no instruction', () => {
    const report = check({ files: [{ path: 'Dockerfile', kind: 'dockerfile', text: '\\\n' }], config });
    expect(report.sources).toEqual(['Dockerfile']);
    expect(report.findings).toEqual([]);
  });

  it('a Helm template keeps its line count, and its hidden directives are on real lines', () => {
    fc.assert(
      fc.property(text(yamlFragment), (template) => {
        const { yaml, hidden } = renderStatically(template, { resources: { limits: { memory: '1Gi' } } });
        const count = template.split('\n').length;
        expect(yaml.split('\n')).toHaveLength(count);
        for (const h of hidden) expect(h.line).toBeLessThanOrEqual(count);
      }),
      { numRuns: 300 },
    );
  });

  it('parses a file k times as long into k times as many objects and findings', () => {
    let withFindings = 0;
    fc.assert(
      fc.property(workload, fc.integer({ min: 2, max: 6 }), (text, k) => {
        // Whole documents, so repeating the text repeats what it declares.
        const doc = `---\n${text}\n`;
        expect(parseManifest(doc.repeat(k), 'deploy/a.yaml').objects).toHaveLength(
          parseManifest(doc, 'deploy/a.yaml').objects.length * k,
        );
        const once = check({ files: [{ path: 'deploy/a.yaml', kind: 'manifest', text: doc }], config });
        const many = check({ files: [{ path: 'deploy/a.yaml', kind: 'manifest', text: doc.repeat(k) }], config });
        const perRule = (r: typeof once) =>
          r.findings.filter((f) => f.ruleId !== 'evidence-unverifiable' && !f.message.includes('opt-out')).length;
        expect(perRule(many)).toBe(perRule(once) * k);
        if (perRule(once) > 0) withFindings++;
      }),
      { numRuns: 200 },
    );
    // Not vacuous: a good share of the documents drawn have findings to multiply.
    expect(withFindings).toBeGreaterThan(20);
  });
});
