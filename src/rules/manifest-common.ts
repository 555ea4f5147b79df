/** What the manifest rules share: the containers of workloads, and the objects' opt-outs. */
import type { Container, ManifestObject, ManifestView } from '../kinds/manifest.js';
import type { RawFinding } from '../model/finding.js';
import { optOut } from './opt-out.js';

/** Whether the object opts out of the rule (its `readiness-gate.io/waive.<rule-id>` annotation). */
export function manifestOptOut(object: ManifestObject, ruleId: string, out: RawFinding[]): boolean {
  return optOut(object.optOuts, ruleId, out, `as the value of the annotation readiness-gate.io/waive.${ruleId}`);
}

/** The containers of workloads that do not opt out, or undefined when the file has no workload. */
export function workloadContainers(
  file: ManifestView,
  ruleId: string,
  out: RawFinding[],
): { object: ManifestObject; container: Container }[] | undefined {
  const workloads = file.objects.filter((o) => o.workload);
  if (workloads.length === 0) return undefined;
  return workloads
    .filter((object) => !manifestOptOut(object, ruleId, out))
    .flatMap((object) => object.containers.map((container) => ({ object, container })));
}
