// The code rules say, for each query they ask, what a file's text must hold for them to have anything to say (a word
// every call they judge is written with, or the import that names it otherwise); a file without it is not queried for
// them. Those gates are only worth their speed if they change no finding: every code rule's examples, the project's
// corpus of real services and a set of near misses of the gates are checked with them and without them, to the same
// findings; and the gates do spare the corpus queries.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { Query } from 'web-tree-sitter';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { check, type KindedFile } from '../../src/engine.js';
import { withoutTextGates } from '../../src/kinds/code.js';
import { kindOf } from '../../src/kinds/index.js';
import { RULES } from '../../src/rules/index.js';
import { loadGrammars, ROOT } from '../helpers.js';

const config = loadConfig(undefined, 'x.yml');
beforeAll(loadGrammars);
afterEach(() => {
  vi.restoreAllMocks();
});

/** Files each gate almost misses, with what each must still be found to hold. */
const NEAR_MISSES: Record<string, string> = {
  // A licence header's URL is no use of net/http; an import under another name is.
  'svc/fetch.go':
    'package svc\n\n// See http://www.apache.org/licenses/LICENSE-2.0\n\nimport web "net/http"\n\nfunc f(u string) { web.Get(u) }\n',
  // Blanks before the dot of a selector.
  'svc/blank.go': 'package svc\n\nimport "net/http"\n\nfunc f(u string) { http .Get(u) }\n',
  // A comment between a package and its dot.
  'svc/print.go':
    'package svc\n\nimport (\n\t"fmt"\n\t"log/slog"\n)\n\nfunc f() { fmt /* stdout */ .Println("x"); slog.Info("y") }\n',
  // `requests` under another name.
  'svc/client.py': 'import requests as r\n\nr.get(url)\n',
  // A host on a line of its own in a triple-quoted string.
  'svc/config.py': 'BASE_URL = """\nhttps://payments.internal.acme.io\n"""\n',
  // A logger imported inside a function, then print.
  'svc/job.py': 'def run():\n    import logging\n    print("started")\n',
  // A comment before a formatted message.
  'svc/events.py':
    'import structlog\n\nlog = structlog.get_logger()\nlog.info(  # the order\n    f"order {order_id} failed"\n)\n',
  // A logger required, then console.
  'web/log.js': "const pino = require('pino');\nconsole.log('x');\n",
  // Comments as the only arguments of a constructor.
  'src/main/java/shop/Q.java':
    'import java.util.concurrent.*;\nimport org.springframework.web.client.RestTemplate;\nclass Q {\n  Object q = new LinkedBlockingQueue<Runnable>(/* unbounded */);\n  Object t = new RestTemplate(/* defaults */);\n}\n',
  // reqwest's Client by its short name.
  'src/client.rs': 'use reqwest::Client;\n\nfn f() { let c = Client::new(); }\n',
  // The log crate imported whole, then println!.
  'src/job.rs': 'use log;\n\nfn f() { println!("x"); }\n',
};

function filesOf(texts: Record<string, string>): KindedFile[] {
  return Object.entries(texts).map(([p, text]) => ({ path: p, text, kind: kindOf(p, config)! }));
}

const shown = (files: KindedFile[], gates: boolean) => {
  const run = () =>
    check({ files, config }).findings.map((f) => `${f.source}:${f.line}:${f.column} ${f.ruleId} ${f.message}`);
  return gates ? run() : withoutTextGates(run);
};

describe('the code rules’ text gates', () => {
  it('keep every near miss found', () => {
    const files = filesOf(NEAR_MISSES);
    expect(files.every((f) => f.kind === 'code')).toBe(true);
    const found = shown(files, true);
    expect(found.map((f) => f.replace(/:\d+ (\S+) .*$/s, ' $1')).sort()).toEqual([
      'src/client.rs:3 code-network-timeout',
      'src/job.rs:3 code-unstructured-log',
      'src/main/java/shop/Q.java:4 code-unbounded-queue',
      'src/main/java/shop/Q.java:5 code-network-timeout',
      'svc/blank.go:5 code-network-timeout',
      'svc/client.py:3 code-network-timeout',
      'svc/config.py:1 code-hardcoded-config',
      'svc/events.py:4 code-unstructured-log',
      'svc/fetch.go:7 code-network-timeout',
      'svc/job.py:3 code-unstructured-log',
      'svc/print.go:8 code-unstructured-log',
      'web/log.js:2 code-unstructured-log',
    ]);
    expect(found).toEqual(shown(files, false));
    // The host is shown as written, without the lines around it.
    expect(found.find((f) => f.startsWith('svc/config.py'))).toContain('"https://payments.internal.acme.io"');
  });

  it("change no finding on the code rules' examples", () => {
    const examples = RULES.filter((r) => r.kind === 'code').flatMap((r) => r.examples.map((e) => ({ rule: r.id, e })));
    expect(examples.length).toBeGreaterThan(30);
    let findings = 0;
    for (const { rule, e } of examples) {
      const files = filesOf({ [e.path!]: e.text });
      const gated = shown(files, true);
      expect(gated, `${rule}: ${e.name}`).toEqual(shown(files, false));
      findings += gated.length;
    }
    expect(findings).toBeGreaterThan(50);
  });

  it('change no finding on the corpus of real services, and spare it queries', async () => {
    const root = path.join(ROOT, 'corpus/code');
    const paths = (await glob('**/*', { cwd: root, onlyFiles: true })).sort();
    const files = paths
      .map((p) => ({ path: p, text: readFileSync(path.join(root, p), 'utf8'), kind: kindOf(p, config)! }))
      .filter((f) => f.kind === 'code');
    expect(files.length).toBeGreaterThan(100);
    const queried = vi.spyOn(Query.prototype, 'matches');
    const gated = shown(files, true);
    const withGates = queried.mock.calls.length;
    queried.mockClear();
    const ungated = shown(files, false);
    const withoutGates = queried.mock.calls.length;
    expect(gated.length).toBeGreaterThan(40);
    expect(gated).toEqual(ungated);
    // Without gates every file is walked once (or more, the first time a query is asked); with them, far fewer.
    expect(withoutGates).toBeGreaterThanOrEqual(files.length);
    expect(withGates).toBeLessThan(withoutGates * 0.75);
  });
});
