// Real SLOs, dashboards and catalog entities (corpus/services, see corpus/SOURCES.md): each read in its own
// format with nothing a reviewer would reject, and Backstage's own invalid example refused as its catalog does.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { runbookKind } from '../src/kinds/runbook.js';
import { readCatalog } from '../src/services/catalog.js';
import { readDashboards } from '../src/services/dashboards.js';
import { servicesOf } from '../src/services/model.js';
import { readSlos } from '../src/services/slo.js';
import { loadEntitySchemas } from '../src/services/validate.js';
import { filesUnder, ROOT } from './helpers.js';

await loadEntitySchemas();
const CORPUS = path.join(ROOT, 'corpus/services');
const files = filesUnder(CORPUS);

describe('SLOs from OpenSLO, Sloth and Pyrra', () => {
  it('reads every SLO of their examples, each an objective with a window and an indicator', () => {
    const read = Object.entries(files)
      .filter(([p]) => /\.ya?ml$/.test(p) && !p.startsWith('backstage'))
      .map(([p, text]) => [
        p,
        readSlos(text, p).map(
          (s) =>
            `${s.format} ${s.name}${s.service ? ` (${s.service.value})` : ''}${s.problems.map((x) => `: ${x.message}`).join('')}`,
        ),
      ]);
    expect(Object.fromEntries(read)).toEqual({
      'OpenSLO__OpenSLO/examples/budgeting-method/occurences-slo.yaml': ['OpenSLO search-slo (web-shop)'],
      'OpenSLO__OpenSLO/examples/budgeting-method/ratio-timeslices.yaml': ['OpenSLO main-page (web-shop)'],
      'OpenSLO__OpenSLO/examples/budgeting-method/timeslices-slo.yaml': [
        'OpenSLO service-availability (web-availability)',
      ],
      'OpenSLO__OpenSLO/examples/treat-low-traffic-as-equally-important/timeslices-slo.yaml': [
        'OpenSLO service-availability (web-availability)',
      ],
      'pyrra-dev__pyrra/examples/caddy-response-latency.yaml': ['Pyrra caddy-response-latency'],
      'pyrra-dev__pyrra/examples/nginx.yaml': ['Pyrra nginx-api-errors', 'Pyrra nginx-api-latency'],
      'pyrra-dev__pyrra/examples/parca-grpc-queryrange-errors.yaml': ['Pyrra parca-grpc-queryrange-errors'],
      'pyrra-dev__pyrra/examples/prometheus-http.yaml': ['Pyrra prometheus-api-query'],
      'pyrra-dev__pyrra/examples/pyrra-connect-latency.yaml': ['Pyrra pyrra-connect-latency'],
      'pyrra-dev__pyrra/examples/pyrra-kubernetes-errors.yaml': ['Pyrra pyrra-kubernetes-errors'],
      'pyrra-dev__pyrra/examples/thanos-http.yaml': ['Pyrra thanos-query'],
      'slok__sloth/examples/getting-started.yml': ['Sloth requests-availability (myservice)'],
      'slok__sloth/examples/home-wifi.yml': [
        'Sloth good-wifi-client-satisfaction (home-wifi)',
        'Sloth risk-wifi-client-satisfaction (home-wifi)',
      ],
      'slok__sloth/examples/k8s-getting-started.yml': ['Sloth requests-availability (myservice)'],
      'slok__sloth/examples/k8s-multifile.yml': [
        'Sloth requests-availability (myservice)',
        'Sloth requests-availability (myservice2)',
      ],
      'slok__sloth/examples/kubernetes-apiserver.yml': [
        'Sloth requests-availability (k8s-apiserver)',
        'Sloth requests-latency (k8s-apiserver)',
      ],
      'slok__sloth/examples/no-alerts.yml': ['Sloth http-availability (myapp)'],
      'slok__sloth/examples/openslo-getting-started.yml': ['OpenSLO sloth-slo-my-service (my-service)'],
      'slok__sloth/examples/openslo-kubernetes-apiserver.yml': [
        'OpenSLO requests-availability-openslo (k8s-apiserver)',
        'OpenSLO requests-latency-openslo (k8s-apiserver)',
      ],
    });
  });

  it('finds the service a Pyrra SLO names only in its selectors', () => {
    const config = loadConfig("services:\n  paths: ['apps/*']\n", 'c.yml');
    const deploy =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: caddy\nspec:\n  template:\n    spec:\n      containers: [{name: caddy, image: caddy}]\n';
    const m = servicesOf(
      [
        { path: 'apps/caddy/deploy.yaml', text: deploy },
        { path: 'slos/caddy.yaml', text: files['pyrra-dev__pyrra/examples/caddy-response-latency.yaml']! },
      ],
      config.services,
      { isRunbook: (p) => runbookKind.select(p, config), runbookAnnotations: ['runbook_url'] },
    );
    expect(m.services[0]!.checks.slo).toMatchObject({ status: 'pass', detail: 'Pyrra SLO "caddy-response-latency"' });
  });
});

describe('Grafana dashboards', () => {
  it("reads Pyrra's dashboards by their title, variables and queries", () => {
    const dashboards = [
      'pyrra-dev__pyrra/examples/grafana/detail.json',
      'pyrra-dev__pyrra/examples/grafana/list.json',
    ].map((p) => readDashboards(files[p]!, p).map((d) => [d.title, d.line]));
    expect(dashboards).toEqual([[['Pyrra - Detail', expect.any(Number)]], [['Pyrra - List', expect.any(Number)]]]);
  });
});

describe("Backstage's example catalog", () => {
  const catalog = Object.entries(files).filter(([p]) => p.startsWith('backstage__backstage/'));

  it('accepts what Backstage accepts, and refuses its own invalid component as its catalog does', () => {
    const problems = catalog.flatMap(([p, text]) =>
      readCatalog(text, p).entities.flatMap((e) => e.problems.map((x) => `${path.basename(p)}:${x.line} ${x.message}`)),
    );
    expect(problems).toEqual([
      'invalid-component.yaml:4 metadata.name "invalid component" is not a valid name: 1 to 63 letters, digits, -, _ and ., starting and ending with a letter or digit',
      'invalid-component.yaml:11 the tag "go 1.15.3" is not valid: lower case letters, digits, +, # and :, words joined by -',
    ]);
  });

  it('judges its services with nothing else of a repository: owners known, every production question unanswered', () => {
    const config = loadConfig('', 'c.yml');
    // Each file as the catalog file of a folder of its own, as a repository would keep it.
    const m = servicesOf(
      catalog.map(([p, text]) => ({ path: `${path.basename(p, '.yaml')}/catalog-info.yaml`, text })),
      config.services,
      { isRunbook: (p) => runbookKind.select(p, config), runbookAnnotations: ['runbook_url'] },
    );
    expect(
      m.services.map(
        (s) =>
          `${s.name} ${s.tier} ${s.unknownOwner ? 'unknown-owner ' : ''}${Object.values(s.checks)
            .map((c) => c.status)
            .join(',')}`,
      ),
    ).toEqual([
      // Experimental: an owner is all it owes, and the repository keeps no CODEOWNERS.
      'artist-lookup experimental fail,not-required,not-required,not-required,pass,not-required',
      'invalid component production fail,fail,fail,fail,fail,fail',
      'playback-order production fail,fail,fail,fail,fail,fail',
      'wayback-search production fail,fail,fail,fail,fail,fail',
    ]);
  });
});

// The corpus files are as their sources hold them: the manifest lists each, with its size and hash.
describe('corpus/services', () => {
  it('is listed in corpus/MANIFEST.tsv, each file with its size and SHA-256', () => {
    const manifest = new Map(
      readFileSync(path.join(ROOT, 'corpus/MANIFEST.tsv'), 'utf8')
        .split('\n')
        .map((l) => l.split('\t'))
        .map(([p, size, sha]) => [p, `${size} ${sha}`]),
    );
    for (const p of Object.keys(files)) {
      const bytes = readFileSync(path.join(CORPUS, p));
      expect(manifest.get(`services/${p}`), p).toBe(
        `${bytes.length} ${createHash('sha256').update(bytes).digest('hex')}`,
      );
    }
  });
});
