// Source files of a real microservices demo in the project's own corpus (corpus/code/: the OpenTelemetry demo's
// services in Go, Python, JavaScript, TypeScript and Java), checked whole as the CLI checks files it is named.
// Every finding is pinned, each read in its file: what the line does and why the rule is right about it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { check } from '../src/engine.js';
import { kindOf } from '../src/kinds/index.js';
import { loadGrammars, ROOT } from './helpers.js';

const DEMO = path.join(ROOT, 'corpus/code/open-telemetry__opentelemetry-demo');
const config = loadConfig(undefined, 'x.yml');
beforeAll(loadGrammars);

describe('open-telemetry/opentelemetry-demo: services in five languages', () => {
  it('finds the red flags its services have, and nothing else', async () => {
    const paths = (await glob('src/**/*', { cwd: DEMO, onlyFiles: true })).sort();
    const files = paths.map((p) => ({
      path: p,
      kind: kindOf(p, config)!,
      text: readFileSync(path.join(DEMO, p), 'utf8'),
    }));
    expect(files.every((f) => f.kind === 'code')).toBe(true);
    const byLanguage = (ext: RegExp) => files.filter((f) => ext.test(f.path)).length;
    expect([
      byLanguage(/\.go$/),
      byLanguage(/\.py$/),
      byLanguage(/\.js$/),
      byLanguage(/\.tsx?$/),
      byLanguage(/\.java$/),
    ]).toEqual([4, 4, 6, 35, 4]);
    const report = check({ files, config });
    // The Go services log through slog, and give it messages fmt.Sprintf wrote with the values in them
    // (`logger.Error(fmt.Sprintf("TCP Listen: %v", err))`) instead of the values as fields: a notice each, all of
    // them this shape (each line is checked for it below). Not the adapter that hands sarama's printf-style log to
    // slog (`l.logger.Info(fmt.Sprintf(format, v...))`, producer.go:22): it passes on a message it was given.
    const formatted = report.findings.filter(
      (f) => f.ruleId === 'code-unstructured-log' && f.message.includes('writes its values into the message'),
    );
    expect(formatted.map((f) => f.source).filter((s, i, all) => all.indexOf(s) === i)).toEqual([
      'src/checkout/kafka/producer.go',
      'src/checkout/main.go',
      'src/product-catalog/main.go',
    ]);
    expect(formatted).toHaveLength(26);
    for (const f of formatted) {
      const line = readFileSync(path.join(DEMO, f.source), 'utf8').split('\n')[f.line - 1]!;
      expect(line, `${f.source}:${f.line}`).toMatch(/^\s*logger\.(?:Info|Warn|Error)\(fmt\.Sprintf\("/);
      expect(f.severity).toBe('notice');
    }
    expect(
      report.findings.filter((f) => !formatted.includes(f)).map((f) => `${f.source}:${f.line} ${f.ruleId}`),
    ).toEqual([
      // The checkout service's client for the shipping and email services: `&http.Client{Transport: …}`, no Timeout.
      'src/checkout/main.go:201 code-network-timeout',
      // Not `badAddress := "badAddress:50051"` (main.go:547), dialled when the paymentUnreachable flag is on: a
      // single-label name is what service discovery or the cluster's DNS resolves in each environment, not one
      // environment's address.
      // The Next.js API route's POST to the shipping service: `fetch(\`${SHIPPING_ADDR}/get-quote\`, {method, headers, body})`.
      'src/frontend/gateways/http/Shipping.gateway.ts:31 code-network-timeout',
      // The frontend's request helper: `fetch(url?query, {method, body, headers})`, no signal.
      'src/frontend/utils/Request.ts:21 code-network-timeout',
      // The load generator logs through logging (its OTLP handler on the root logger), and two browser tasks print the
      // page's console messages instead: `page.on("console", lambda msg: print(msg.text))`.
      'src/load-generator/locustfile.py:249 code-unstructured-log',
      'src/load-generator/locustfile.py:264 code-unstructured-log',
    ]);
    // AdService.java prints to stderr twice, in its JVM shutdown hook, where Log4j may have stopped ("Use stderr here
    // since the logger may have been reset by its JVM shutdown hook"): not a finding.
    expect(readFileSync(path.join(DEMO, 'src/ad/src/main/java/oteldemo/AdService.java'), 'utf8')).toContain(
      'System.err.println("*** server shut down")',
    );
  });
});

// mini-redis, tokio's example of a Rust network service (a server and its client, 20 files under src/): channels
// bounded, logging through tracing, the server's accept loop backing off. One finding.
describe('tokio-rs/mini-redis: a Rust service', () => {
  it('finds the connect without a timeout, and nothing else', async () => {
    const MINI = path.join(ROOT, 'corpus/code/tokio-rs__mini-redis');
    const paths = (await glob('src/**/*.rs', { cwd: MINI, onlyFiles: true })).sort();
    expect(paths).toHaveLength(20);
    const files = paths.map((p) => ({
      path: p,
      kind: kindOf(p, config)!,
      text: readFileSync(path.join(MINI, p), 'utf8'),
    }));
    expect(files.every((f) => f.kind === 'code')).toBe(true);
    const report = check({ files, config });
    expect(report.findings.map((f) => `${f.source}:${f.line} ${f.ruleId}`)).toEqual([
      // The client's `TcpStream::connect(addr).await?`: an unreachable server holds `Client::connect` as long as the
      // OS's TCP timeout; a caller can wrap it, but the library gives no bound of its own.
      'src/clients/client.rs:81 code-network-timeout',
    ]);
    // The server's channels carry their bounds (`broadcast::channel(1)`, `mpsc::channel(1)`): not findings.
    expect(readFileSync(path.join(MINI, 'src/server.rs'), 'utf8')).toContain('mpsc::channel(1)');
  });
});
