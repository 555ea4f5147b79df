/**
 * Backstage's entity schemas, loaded before a catalog file is checked (the
 * service kind's `prepare`): the validator and the schemas are a chunk of
 * their own, read only by a run that has a catalog file, so a run without
 * one starts no slower.
 */
import type { EntityProblem } from './entity-schemas.js';

let check: ((entity: unknown) => EntityProblem[]) | undefined;

export async function loadEntitySchemas(): Promise<void> {
  check ??= (await import('./entity-schemas.js')).entityChecker();
}

/** What Backstage's schemas say of an entity, in its own words; none when it is valid. */
export function entityProblems(entity: unknown): EntityProblem[] {
  if (!check) throw new Error("Backstage's entity schemas were not loaded before the catalog was read");
  return check(entity);
}
