/** What the manifest rules share: the containers of workloads, and the objects' opt-outs. */
import type { Container, ManifestObject, ManifestView } from '../kinds/manifest.js';
import type { RawFinding } from '../model/finding.js';

/** Whether the object opts out of the rule; one without a reason is reported into `out`. */
export function manifestOptOut(object: ManifestObject, ruleId: string, out: RawFinding[]): boolean {
  const found = object.optOuts.get(ruleId);
  if (!found) return false;
  if (found.reason === '') {
    out.push({
      message: `The opt-out of ${ruleId} on ${object.kind} "${object.name}" gives no reason. Write one as the annotation's value.`,
      line: found.line,
      column: 1,
    });
  }
  return true;
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
