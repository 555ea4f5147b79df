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

/** Every source file under a corpus folder, read as the CLI reads files it is named, and checked whole. */
async function checkedUnder(folder: string) {
  const root = path.join(ROOT, 'corpus/code', folder);
  const paths = (await glob('**/*', { cwd: root, onlyFiles: true })).sort();
  const files = paths.map((p) => ({
    path: p,
    kind: kindOf(p, config)!,
    text: readFileSync(path.join(root, p), 'utf8'),
  }));
  expect(files.every((f) => f.kind === 'code')).toBe(true);
  return { files, report: check({ files, config }) };
}

describe('spring-petclinic/spring-petclinic-microservices: a Spring Boot system', () => {
  it('finds the one client built without timeouts, and nothing in the rest of its 53 classes', async () => {
    const { files, report } = await checkedUnder('spring-petclinic__spring-petclinic-microservices');
    expect(files).toHaveLength(53);
    expect(report.findings.map((f) => `${f.source.replace(/^.*\/java\//, '')}:${f.line} ${f.ruleId}`)).toEqual([
      // The gateway's @LoadBalanced RestTemplate bean: `return new RestTemplate();`, no connect or read timeout.
      'org/springframework/samples/petclinic/api/ApiGatewayApplication.java:56 code-network-timeout',
    ]);
    // Not the WebClient builder bean (`return WebClient.builder();`, built by each client; the calls go through a
    // Resilience4j circuit breaker with a 10 s time limiter), nor `http://customers-service/owners/{ownerId}`:
    // a single-label name the service registry resolves, not one environment's address.
  });
});

describe('GoogleCloudPlatform/microservices-demo: Go services with contexts, Node services with pino', () => {
  it('finds calls without a timeout and formatted messages where the logger takes fields, and nothing else', async () => {
    const { files, report } = await checkedUnder('GoogleCloudPlatform__microservices-demo');
    expect(files).toHaveLength(30);
    expect(report.findings.map((f) => `${f.source}:${f.line} ${f.ruleId}`).sort()).toEqual(
      [
        // currencyservice and paymentservice log through pino with the values in a template string:
        // `logger.info(\`conversion request successful\`)` is not among them, `logger.error(\`…: ${err}\`)` is.
        'src/currencyservice/client.js:56 code-unstructured-log',
        'src/currencyservice/client.js:58 code-unstructured-log',
        'src/currencyservice/client.js:64 code-unstructured-log',
        'src/currencyservice/server.js:166 code-unstructured-log',
        'src/currencyservice/server.js:183 code-unstructured-log',
        'src/currencyservice/server.js:192 code-unstructured-log',
        'src/paymentservice/charge.js:82 code-unstructured-log',
        // The GCP metadata client made with `&http.Client{}`, no Timeout.
        'src/frontend/deployment_details.go:38 code-network-timeout',
        // The frontend logs through logrus with fields (`log.WithField("currency", …)`): `fmt.Println` beside it,
        // and `log.Debugf("… %v …", addrs)` with the values in the message, are said; not
        // `log.WithFields(…).Debugf("request complete")`, a constant message with its values as fields.
        'src/frontend/handlers.go:102 code-unstructured-log',
        'src/frontend/handlers.go:106 code-unstructured-log',
        'src/frontend/handlers.go:194 code-unstructured-log',
        'src/frontend/handlers.go:443 code-unstructured-log',
        'src/frontend/handlers.go:484 code-unstructured-log',
        'src/frontend/handlers.go:485 code-unstructured-log',
        'src/frontend/handlers.go:96 code-unstructured-log',
        // The shopping assistant's request: `http.NewRequest` (no context) sent with `http.DefaultClient.Do`.
        'src/frontend/handlers.go:472 code-network-timeout',
        'src/frontend/main.go:170 code-unstructured-log',
        'src/frontend/main.go:184 code-unstructured-log',
        'src/frontend/main.go:205 code-unstructured-log',
        'src/frontend/main.go:211 code-unstructured-log',
        // `http.Get(url)` for the packaging service: the default client, no timeout.
        'src/frontend/packaging_info.go:54 code-network-timeout',
      ].sort(),
    );
    // checkoutservice, shippingservice and productcatalogservice log through logrus and never give it fields
    // (`log.Infof("…%s", …)` is their way, as with the standard logger): none of their lines is said. Their gRPC
    // calls carry the request's context.
    for (const f of report.findings.filter((f) => f.ruleId === 'code-unstructured-log'))
      expect(f.severity, `${f.source}:${f.line}`).toBe('notice');
  });
});
