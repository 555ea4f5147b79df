// Imports under src/ run one way, type-only imports included:
//   markdown <- model, signoff/evaluate <- kinds, services <- rules <- presets <- config <- core <- pipeline <- adapters
// and no file is part of a cycle. Nothing under src/kinds/ imports the pipeline (a kind's run extension reads
// through the `RunAccess` it is handed), and src/pipeline.ts names no kind: it loops over the kinds' extensions. Within the adapters, each stays on its side: `github/` (the GitHub
// source and writers) never imports the CLI or the action, and the CLI and the action never import
// each other (the CLI may talk to GitHub: `doctor` does). Run by `npm run lint`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { glob } from 'tinyglobby';

const LAYERS = [
  ['markdown/', 'version.ts', 'concurrency.ts'],
  ['model/', 'signoff/evaluate.ts'],
  ['kinds/', 'services/'],
  ['rules/'],
  ['presets/'],
  ['config/'],
  ['engine.ts', 'plan.ts', 'source.ts', 'limits.ts', 'fix.ts', 'report/', 'init/', 'doctor/', 'docs.ts'],
  ['budget.ts', 'pipeline.ts', 'reads.ts', 'disk.ts'],
  ['github/', 'signoff/read.ts', 'action/', 'cli/', 'main.ts', 'index.ts', 'cli-entry.ts'],
];

/** Adapters that must not reach into each other: a file under the key never imports one under its values. */
const APART = {
  'github/': ['cli/', 'action/', 'main.ts', 'cli-entry.ts'],
  'signoff/read.ts': ['cli/', 'action/', 'main.ts', 'cli-entry.ts'],
  'cli/': ['action/', 'main.ts'],
  'action/': ['cli/', 'cli-entry.ts'],
};
const under = (file, prefix) => file === prefix || file.startsWith(prefix);

const layerOf = (file) => {
  const found = LAYERS.findIndex((prefixes) => prefixes.some((p) => file === p || file.startsWith(p)));
  if (found < 0) throw new Error(`src/${file} is in no layer: add it to scripts/check-imports.mjs`);
  return found;
};

const files = (await glob('**/*.ts', { cwd: 'src' })).sort();
const graph = new Map();
const problems = [];
for (const file of files) {
  const info = ts.preProcessFile(readFileSync(path.join('src', file), 'utf8'), true, true);
  const targets = info.importedFiles
    .map((i) => i.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => path.posix.normalize(path.posix.join(path.posix.dirname(file), name)).replace(/\.js$/, '.ts'));
  graph.set(file, targets);
  for (const target of targets) {
    if (layerOf(target) > layerOf(file)) problems.push(`src/${file} imports src/${target}, a layer above it`);
    for (const [side, others] of Object.entries(APART)) {
      if (under(file, side) && others.some((other) => under(target, other)))
        problems.push(`src/${file} imports src/${target}: ${side} never reaches into ${others.join(', ')}`);
    }
  }
}

// The pipeline switches on no kind: no string in it is a registered kind's id, and no kind imports it.
const kindIds = [...readFileSync('src/kinds/index.ts', 'utf8').matchAll(/^\s+'?([a-z-]+)'?: \w+Kind,$/gm)].map(
  (m) => m[1],
);
if (kindIds.length === 0) problems.push('src/kinds/index.ts: no kind found in KINDS (has its shape changed?)');
const scanner = ts.createScanner(
  ts.ScriptTarget.Latest,
  false,
  ts.LanguageVariant.Standard,
  readFileSync('src/pipeline.ts', 'utf8'),
);
for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
  if (token === ts.SyntaxKind.StringLiteral && kindIds.includes(scanner.getTokenValue()))
    problems.push(
      `src/pipeline.ts names the kind '${scanner.getTokenValue()}': a kind brings what a run needs through its \`run\` extension`,
    );
}
for (const [file, targets] of graph) {
  if (under(file, 'kinds/') && targets.some((t) => ['pipeline.ts', 'reads.ts', 'budget.ts'].includes(t)))
    problems.push(`src/${file} imports the pipeline: a kind reads through the RunAccess its extension is handed`);
}

// Cycles: depth-first search, reporting each cycle once by its smallest member.
const state = new Map();
const stack = [];
const cycles = new Set();
function visit(file) {
  state.set(file, 'open');
  stack.push(file);
  for (const next of graph.get(file) ?? []) {
    if (state.get(next) === 'open') {
      const cycle = stack.slice(stack.indexOf(next));
      const start = cycle.indexOf([...cycle].sort()[0]);
      cycles.add([...cycle.slice(start), ...cycle.slice(0, start)].join(' -> '));
    } else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(file, 'done');
}
for (const file of files) if (!state.has(file)) visit(file);
for (const cycle of cycles) problems.push(`import cycle: ${cycle}`);

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`imports: ${files.length} files, no cycle, every import points down a layer or within one`);
