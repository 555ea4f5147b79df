// npm run bench: speed of the engine and the CLI on the corpus of real runbooks.
// Every figure is a median of several runs made here, in this process's run,
// and reported as a ratio to another figure of the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { glob } from 'tinyglobby';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.resolve(ROOT, process.env.READINESS_GATE_CORPUS ?? '../shared/corpus/runbooks');
const PATTERN = '**/*.md';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

if (!existsSync(CORPUS)) {
  console.error(`bench: no corpus at ${CORPUS}; set READINESS_GATE_CORPUS to a folder of Markdown files.`);
  process.exit(2);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (ns) => Number(ns) / 1e6;

/** The median time of one call of `fn`, in ms: `repeat` calls timed together, RUNS times. */
function repeated(fn, repeat) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const at = process.hrtime.bigint();
    for (let r = 0; r < repeat; r++) fn();
    times.push(ms(process.hrtime.bigint() - at) / repeat);
  }
  return median(times);
}

function wall(command, args, options = {}) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd: CORPUS, encoding: 'utf8', maxBuffer: 256 << 20, ...options });
    times.push(ms(process.hrtime.bigint() - started));
    if (result.error) throw result.error;
    if (options.expect && !options.expect(result)) {
      throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.slice(0, 500)}`);
    }
  }
  return median(times);
}

const files = (await glob(PATTERN, { cwd: CORPUS })).sort();
const bytes = files.reduce((n, f) => n + statSync(path.join(CORPUS, f)).size, 0);
console.log(`corpus: ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB (${CORPUS})`);
console.log(`runs per figure: ${RUNS} (median)\n`);

// 1. In process, one thread: the remark parse alone (the GFM constructs each text can hold), against the whole check (parse, walk, rules).
await mkdir(path.join(ROOT, '.bench'), { recursive: true });
const engineFile = path.join(ROOT, '.bench/engine.mjs');
await build({
  stdin: {
    contents:
      "export { check } from './src/engine.ts'; export { loadConfig } from './src/config/load.ts'; export { parseMarkdown } from './src/markdown/document.ts'; export { isEvidence, kindOf } from './src/kinds/index.ts'; export { renderStatically } from './src/kinds/manifest/helm.ts'; export { KUBECTL_YAML } from './src/kinds/yaml-fields.ts'; export { readAlerts, runbookUrlsIn } from './src/kinds/manifest/alert-rules.ts'; export { prepareKinds } from './src/kinds/index.ts'; export { parseCode, codeKind } from './src/kinds/code.ts'; export { parseWith, queryFor } from './src/kinds/code/tree-sitter.ts'; export { languageOf } from './src/kinds/code/languages.ts'; export { servicesOf } from './src/services/model.ts'; export { loadEntitySchemas } from './src/services/validate.ts'; export { runbookKind } from './src/kinds/runbook.ts'; export { parseAllDocuments } from 'yaml'; export { DockerfileParser } from 'dockerfile-ast';",
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: engineFile,
  packages: 'external',
  logLevel: 'warning',
});
// The parse alone as the gate parses (only the GFM constructs a text can hold), split as the CLI splits: the floor.
const parserFile = path.join(ROOT, '.bench/parse.mjs');
await build({
  stdin: {
    contents:
      "export { parseMarkdown } from './src/markdown/document.ts'; export { chunks } from './src/concurrency.ts';",
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: parserFile,
  packages: 'external',
  logLevel: 'warning',
});
const {
  check,
  loadConfig,
  parseMarkdown,
  isEvidence,
  kindOf,
  renderStatically,
  parseAllDocuments,
  KUBECTL_YAML,
  DockerfileParser,
  readAlerts,
  runbookUrlsIn,
  prepareKinds,
  parseCode,
  codeKind,
  parseWith,
  queryFor,
  languageOf,
  servicesOf,
  loadEntitySchemas,
  runbookKind,
} = await import(engineFile);
const texts = files.map((f) => ({ path: f, text: readFileSync(path.join(CORPUS, f), 'utf8') }));
const config = loadConfig(undefined, 'bench');
for (let i = 0; i < 2; i++) for (const { text } of texts) parseMarkdown(text); // warm up
const parseTimes = [];
const checkTimes = [];
let findings = 0;
for (let i = 0; i < RUNS; i++) {
  let started = process.hrtime.bigint();
  for (const { text } of texts) parseMarkdown(text);
  parseTimes.push(ms(process.hrtime.bigint() - started));
  started = process.hrtime.bigint();
  findings = check({ files: texts.map((t) => ({ ...t, kind: 'runbook' })), config }).findings.length;
  checkTimes.push(ms(process.hrtime.bigint() - started));
}
const parseMs = median(parseTimes);
const checkMs = median(checkTimes);
console.log('in process, one thread, files already read:');
console.log(
  `  parse only (remark, as the gate) ${parseMs.toFixed(0)} ms  ${(files.length / (parseMs / 1000)).toFixed(0)} files/s`,
);
console.log(
  `  full check (parse, walk, rules)  ${checkMs.toFixed(0)} ms  ${(files.length / (checkMs / 1000)).toFixed(0)} files/s  (${findings} findings)`,
);
console.log(`  rules over parsing: ${((checkMs / parseMs - 1) * 100).toFixed(1)}% (target: at most 30%)\n`);

// 1b. Deployment files (../shared/corpus/manifests): the YAML parse alone against the whole check
// (kinds, Helm and Kustomize handling, the evidence rules), beside the runbook figures above.
const MANIFESTS = path.resolve(ROOT, process.env.READINESS_GATE_MANIFESTS ?? '../shared/corpus/manifests');
if (existsSync(MANIFESTS)) {
  const deployment = (await glob('**/*', { cwd: MANIFESTS, dot: true, onlyFiles: true }))
    .sort()
    .map((p) => ({ path: p, kind: kindOf(p, config) }))
    .filter((f) => f.kind !== undefined && isEvidence(f.kind))
    .map((f) => ({ ...f, text: readFileSync(path.join(MANIFESTS, f.path), 'utf8') }));
  const deploymentBytes = deployment.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  await prepareKinds(deployment); // the Dockerfile parser is loaded by a run with a Dockerfile
  // The bare parse of each file, as the gate must parse it: YAML as kubectl reads it (YAML 1.1 scalars, merge
  // keys; a Helm template with its directives set aside) and Dockerfiles with dockerfile-ast. The rest of the
  // check (positions, the walk to objects and containers, duplicate keys, the rules) is the overhead measured.
  const yamlTexts = deployment
    .filter((f) => f.kind !== 'dockerfile')
    .map((f) => (/(^|\/)templates\//.test(f.path) ? renderStatically(f.text, undefined).yaml : f.text));
  const dockerTexts = deployment.filter((f) => f.kind === 'dockerfile').map((f) => f.text);
  const yamlOnly = () => {
    for (const text of yamlTexts) parseAllDocuments(text, { ...KUBECTL_YAML, prettyErrors: false, uniqueKeys: false });
    for (const text of dockerTexts) DockerfileParser.parse(text);
  };
  for (let i = 0; i < 2; i++) {
    yamlOnly();
    check({ files: deployment, config });
  } // warm up
  const yamlTimes = [];
  const evidenceTimes = [];
  let evidenceFindings = 0;
  for (let i = 0; i < RUNS; i++) {
    let started = process.hrtime.bigint();
    yamlOnly();
    yamlTimes.push(ms(process.hrtime.bigint() - started));
    started = process.hrtime.bigint();
    evidenceFindings = check({ files: deployment, config }).findings.length;
    evidenceTimes.push(ms(process.hrtime.bigint() - started));
  }
  const yamlMs = median(yamlTimes);
  const evidenceMs = median(evidenceTimes);
  console.log(
    `deployment files: ${deployment.length} files, ${(deploymentBytes / 1e6).toFixed(2)} MB (${MANIFESTS}), in process:`,
  );
  console.log(`  bare parse (yaml as kubectl, dockerfile-ast) ${yamlMs.toFixed(0)} ms`);
  console.log(
    `  full check (kinds, rules)        ${evidenceMs.toFixed(0)} ms  ${(deployment.length / (evidenceMs / 1000)).toFixed(0)} files/s  (${evidenceFindings} findings)`,
  );
  console.log(`  full check over bare parse:      ${(evidenceMs / yamlMs).toFixed(2)}x (target: at most 1.5x)`);
  console.log(
    `  per MB, deployment files / runbooks: ${(evidenceMs / deploymentBytes / (checkMs / bytes)).toFixed(2)}x the runbooks' time\n`,
  );
}

// 1c. Alerting rules (the project's corpus: cloudnative-pg's cluster chart, one Helm-templated rule a file): reading
// the alerts (literals resolved, directives set aside, the parse, the walk to rules and annotations) against the
// bare parse of the same text with its directives set aside, and the line scan that finds their runbooks first.
const ALERTS = path.join(ROOT, 'corpus/manifests/cloudnative-pg__charts/charts/cluster/prometheus_rules');
if (existsSync(ALERTS)) {
  const texts = (await glob('*.yaml', { cwd: ALERTS })).sort().map((p) => readFileSync(path.join(ALERTS, p), 'utf8'));
  const rendered = texts.map((t) => renderStatically(t, undefined).yaml);
  const REPEAT = 50;
  const time = (fn) => {
    const times = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const started = process.hrtime.bigint();
      for (let r = 0; r < REPEAT; r++) fn();
      times.push(ms(process.hrtime.bigint() - started));
    }
    return median(times.slice(2));
  };
  const bare = time(() => rendered.forEach((t) => parseAllDocuments(t, { ...KUBECTL_YAML, prettyErrors: false })));
  let alerts = 0;
  const read = time(() => (alerts = texts.reduce((n, t) => n + readAlerts(t).length, 0)));
  const scan = time(() => texts.forEach((t) => runbookUrlsIn(t, 'runbook_url')));
  const perFile = (total) => (total / REPEAT / texts.length) * 1000;
  console.log(`alert files: ${texts.length} files, ${alerts} alerts (${ALERTS}), in process, ${REPEAT} passes:`);
  console.log(`  bare parse of the rendered text  ${perFile(bare).toFixed(0)} µs a file`);
  console.log(
    `  alerts read (render, parse, walk) ${perFile(read).toFixed(0)} µs a file: ${(read / bare).toFixed(2)}x the bare parse`,
  );
  console.log(
    `  runbook URL line scan            ${perFile(scan).toFixed(1)} µs a file: ${(scan / bare).toFixed(3)}x the bare parse\n`,
  );
}

// 1d. Source files (the project's corpus: real services in six languages), per language: the tree-sitter parse
// alone against the whole check (parse, the rules' queries and walks), in files a second.
const CODE = path.join(ROOT, 'corpus/code');
if (existsSync(CODE)) {
  const sources = (await glob('**/*', { cwd: CODE, onlyFiles: true }))
    .sort()
    .map((p) => ({ path: p, kind: kindOf(p, config), text: readFileSync(path.join(CODE, p), 'utf8') }))
    .filter((f) => f.kind === 'code');
  const started = process.hrtime.bigint();
  await prepareKinds(sources);
  const loadMs = ms(process.hrtime.bigint() - started);
  console.log(
    `source files: ${sources.length} files (${CODE}), in process; grammars and runtime loaded in ${loadMs.toFixed(0)} ms:`,
  );
  const languages = [
    ['Go', /\.go$/],
    ['Python', /\.py$/],
    ['JavaScript', /\.[cm]?jsx?$/],
    ['TypeScript', /\.[cm]?tsx?$/],
    ['Java', /\.java$/],
    ['Rust', /\.rs$/],
  ];
  const REPEAT = 20;
  for (const [name, pattern] of languages) {
    const these = sources.filter((f) => pattern.test(f.path));
    if (these.length === 0) continue;
    const bytes = these.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
    const parse = () => these.forEach((f) => codeKind.dispose(parseCode(f.text, f.path)));
    const whole = () => check({ files: these, config });
    for (let i = 0; i < 2; i++) {
      parse();
      whole();
    }
    // The least a query costs: one pass of a query of comments alone over the parsed trees. Every check makes one.
    const trees = these.map((f) => ({ tree: parseWith(languageOf(f.path).grammar, f.text), f }));
    const leastQuery = () =>
      trees.forEach(({ tree, f }) => {
        const grammar = languageOf(f.path).grammar;
        queryFor(grammar, grammar === 'java' || grammar === 'rust' ? '(line_comment) @c' : '(comment) @c').matches(
          tree.rootNode,
        );
      });
    leastQuery();
    const parseMs = repeated(parse, REPEAT);
    const checkMs = repeated(whole, REPEAT);
    const queryMs = repeated(leastQuery, REPEAT);
    trees.forEach(({ tree }) => tree.delete());
    console.log(
      `  ${name.padEnd(10)} ${String(these.length).padStart(3)} files ${(bytes / 1000).toFixed(0).padStart(4)} KB: parse ${((these.length / parseMs) * 1000).toFixed(0)} files/s, check ${((these.length / checkMs) * 1000).toFixed(0)} files/s (${(checkMs / parseMs).toFixed(2)}x the parse; target: at most 1.5x; the least query pass alone: ${(queryMs / parseMs).toFixed(2)}x)`,
    );
  }
  const grammars = path.join(ROOT, 'dist/grammars');
  if (existsSync(grammars)) {
    const wasm = (await glob('*.wasm', { cwd: grammars })).reduce(
      (n, f) => n + statSync(path.join(grammars, f)).size,
      0,
    );
    console.log(`  dist/grammars/*.wasm: ${(wasm / 1e6).toFixed(2)} MB, loaded only by a run with source files\n`);
  }
}

// 1e. Services: the files a platform repository keeps for them (test/fixtures/services/platform) beside the real
// SLOs, dashboards and catalog entities of corpus/services, read as one repository: the bare parse of each file
// (YAML or JSON) against the whole service model (catalog with Backstage's schemas, CODEOWNERS, SLOs, alerts,
// dashboards, workloads, and every service's checks).
const SERVICES = [path.join(ROOT, 'test/fixtures/services/platform'), path.join(ROOT, 'corpus/services')];
if (SERVICES.every(existsSync)) {
  const repo = [];
  for (const root of SERVICES) {
    for (const p of (await glob('**/*', { cwd: root, onlyFiles: true, dot: true })).sort()) {
      // Backstage's example entities stand as catalog files of folders of their own.
      const as = /backstage__backstage\/.*\.yaml$/.test(p) ? `${p.replace(/\.yaml$/, '')}/catalog-info.yaml` : p;
      repo.push({ path: as, text: readFileSync(path.join(root, p), 'utf8') });
    }
  }
  await loadEntitySchemas();
  const options = { isRunbook: (p) => runbookKind.select(p, config), runbookAnnotations: ['runbook_url'] };
  const bare = () => repo.forEach((f) => (/\.json$/.test(f.path) ? JSON.parse(f.text) : parseAllDocuments(f.text)));
  const model = () => servicesOf(repo, { ...config.services, paths: ['apps/*'] }, options);
  for (let i = 0; i < 3; i++) {
    bare();
    model();
  }
  const bareMs = repeated(bare, 20);
  const modelMs = repeated(model, 20);
  const found = model();
  console.log(
    `services: ${repo.length} files, ${found.services.length} services, ${found.entities.length} catalog entities, in process:`,
  );
  console.log(`  bare parse (yaml, JSON)          ${bareMs.toFixed(1)} ms`);
  console.log(
    `  service model and checks         ${modelMs.toFixed(1)} ms: ${(modelMs / bareMs).toFixed(2)}x the bare parse\n`,
  );
}

// 2. Whole processes, wall time, as a user runs them.
const node = process.execPath;
const cli = path.join(ROOT, 'bin/readiness-gate.js');
const markdownlint = path.join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
const ok = (codes) => (r) => codes.includes(r.status);
const parseWall = wall(node, [path.join(ROOT, 'bench/parse-only.mjs'), CORPUS, PATTERN], { expect: ok([0]) });
const parseThreadsWall = wall(node, [path.join(ROOT, 'bench/parse-threads.mjs'), CORPUS, PATTERN, parserFile], {
  expect: ok([0]),
});
const cliWall = wall(node, [cli, 'check', '--format', 'json', PATTERN], { expect: ok([0, 1]) });
const lintWall = wall(node, [markdownlint, PATTERN], { expect: ok([0, 1]) });
const bare = wall(node, ['-e', '0'], { expect: ok([0]) });
console.log('whole processes, wall time:');
console.log(`  node -e 0                         ${bare.toFixed(0)} ms`);
console.log(`  parse-only pass (remark, all of GFM) ${parseWall.toFixed(0)} ms`);
console.log(
  `  readiness-gate check (CLI)        ${cliWall.toFixed(0)} ms  ${(files.length / (cliWall / 1000)).toFixed(0)} files/s`,
);
console.log(`  markdownlint-cli2, default rules  ${lintWall.toFixed(0)} ms`);
console.log(`  markdownlint-cli2 / parse-only:   ${(lintWall / parseWall).toFixed(2)}x`);
console.log(`  readiness-gate / parse-only:      ${(cliWall / parseWall).toFixed(2)}x`);
console.log(`  readiness-gate / markdownlint:    ${(cliWall / lintWall).toFixed(2)}x (target: at most 0.5x)`);
console.log(
  `  parse-only as the gate parses (the GFM constructs a text can hold), split over the checking threads as the CLI splits: ${parseThreadsWall.toFixed(0)} ms, ${(parseThreadsWall / lintWall).toFixed(2)}x markdownlint (the floor under the CLI with this parser on ${availableParallelism()} cores)`,
);

// Peak resident memory, read by a preloaded hook as each process exits.
const rss = (args) => {
  const result = spawnSync(node, ['--import', pathToFileURL(path.join(ROOT, 'bench/rss.mjs')).href, ...args], {
    cwd: CORPUS,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  const kb = /bench-max-rss-kb (\d+)/.exec(result.stderr)?.[1];
  if (!kb) throw new Error(`no memory figure from ${args.join(' ')}: ${result.stderr.slice(0, 300)}`);
  return Number(kb) / 1024;
};
const bareRss = rss(['-e', '0']);
const cliRss = rss([cli, 'check', '--format', 'json', PATTERN]);
const lintRss = rss([markdownlint, PATTERN]);
console.log('\npeak memory (max RSS):');
console.log(`  node -e 0                         ${bareRss.toFixed(0)} MB`);
console.log(
  `  readiness-gate check (CLI)        ${cliRss.toFixed(0)} MB (${(cliRss / bareRss).toFixed(1)}x node -e 0)`,
);
console.log(`  markdownlint-cli2                 ${lintRss.toFixed(0)} MB`);
console.log(`  readiness-gate / markdownlint:    ${(cliRss / lintRss).toFixed(2)}x (target: at most 1.2x)`);

if (existsSync(path.join(ROOT, 'bench/action.mjs'))) {
  const { benchAction } = await import('./action.mjs');
  await benchAction({ runs: Math.max(RUNS, 5), median });
}
