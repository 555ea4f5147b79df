// Catalog entities checked as Backstage checks them: its own published schemas, in the copy the gate ships,
// and its name rules; each problem at the line of the field.
import { describe, expect, it } from 'vitest';
import { CommonValidatorFunctions, KubernetesValidatorFunctions, makeValidator } from '@backstage/catalog-model';
import shipped from '../../src/services/backstage-schemas.json' with { type: 'json' };
import { readCatalog } from '../../src/services/catalog.js';
import { loadEntitySchemas } from '../../src/services/validate.js';
// @ts-expect-error -- a plain ES module without types, run to refresh the shipped copy
import { backstageSchemas } from '../../scripts/backstage-schemas.mjs';

await loadEntitySchemas();

describe("Backstage's schemas", () => {
  it('are the ones the installed @backstage/catalog-model holds (node scripts/backstage-schemas.mjs after an upgrade)', async () => {
    expect(shipped).toEqual(await backstageSchemas());
  });

  it("tell tags and label values as Backstage's own validators do", () => {
    const values = ['go', 'go 1.15.3', 'java:11', 'C++', 'a-b', 'a--b', '-a', 'x'.repeat(64)];
    for (const value of values) {
      const entity = `apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: s\n  tags: [${JSON.stringify(value)}]\n  labels: {team: ${JSON.stringify(value)}}\nspec:\n  owner: team\n`;
      const problems = readCatalog(entity, 'catalog-info.yaml').entities[0]!.problems.map((p) => p.message);
      expect(
        problems.some((p) => p.startsWith('the tag ')),
        value,
      ).toBe(!makeValidator().isValidTag(value));
      expect(
        problems.some((p) => p.startsWith('the label team')),
        value,
      ).toBe(!KubernetesValidatorFunctions.isValidLabelValue(value));
    }
  });

  it("tell names and namespaces as Backstage's own validators do", () => {
    const names = [
      'payments',
      'Payments_API.v2',
      'a',
      '-lead',
      'trail.',
      'two words',
      'x'.repeat(63),
      'x'.repeat(64),
      'ünï',
      'a--b',
    ];
    for (const name of names) {
      const entity = `apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: ${JSON.stringify(name)}\n  namespace: ${JSON.stringify(name)}\nspec:\n  owner: team\n`;
      const problems = readCatalog(entity, 'catalog-info.yaml').entities[0]!.problems.map((p) => p.message);
      expect(
        problems.some((p) => p.startsWith('metadata.name ')),
        name,
      ).toBe(!KubernetesValidatorFunctions.isValidObjectName(name));
      expect(
        problems.some((p) => p.startsWith('metadata.namespace ')),
        name,
      ).toBe(!CommonValidatorFunctions.isValidDnsLabel(name));
    }
  });

  it('tells each problem at the line of the field it concerns, in every document of the file', () => {
    const text =
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payments\nspec:\n  type: service\n  lifecycle: production\n  owner: [team]\n---\napiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: all\nspec:\n  targets: ./services/*/catalog-info.yaml\n---\napiVersion: acme.com/v1\nkind: Cluster\nmetadata:\n  name: eu-1\nspec: {}\n';
    const { entities } = readCatalog(text, 'catalog-info.yaml');
    expect(entities.map((e) => [e.kind, e.problems.map((p) => `${p.line}:${p.column} ${p.message}`)])).toEqual([
      ['Component', ['8:10 spec.owner must be string']],
      ['Location', ['15:12 spec.targets must be array']],
      // A kind Backstage does not define is held to the envelope and the common shape only, as its catalog does.
      ['Cluster', []],
    ]);
  });
});
