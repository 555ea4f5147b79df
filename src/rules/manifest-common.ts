/** What the manifest rules share: the containers of workloads, and the objects' opt-outs. */
import { objectLabel, type Container, type ManifestObject, type ManifestView } from '../kinds/manifest.js';
import type { RawFinding } from '../model/finding.js';
import { optOut } from './opt-out.js';

/** Whether the object opts out of the rule (its `readiness-gate.io/waive.<rule-id>` annotation). */
export function manifestOptOut(object: ManifestObject, ruleId: string, out: RawFinding[]): boolean {
  return optOut(object.optOuts, ruleId, out, 'annotation');
}

/**
 * One finding per workload container `problem` finds fault with, at the
 * container's name: `Container "api" of Deployment "api" <problem>`. A
 * container whose fields a Helm directive may supply is not judged
 * (evidence-unverifiable names it); undefined when the file has no workload.
 */
export function containerFindings(
  file: ManifestView,
  ruleId: string,
  /** The message for a container that fails, written with `where` (its name and its object's), or undefined. */
  problem: (container: Container, where: { container: string; object: string }) => string | undefined,
): RawFinding[] | undefined {
  const out: RawFinding[] = [];
  const containers = workloadContainers(file, ruleId, out);
  if (!containers) return undefined;
  for (const { object, container } of containers) {
    const message = container.unverifiable
      ? undefined
      : problem(container, { container: container.name, object: objectLabel(object) });
    if (message === undefined) continue;
    out.push({
      message,
      line: container.line,
      column: container.column,
    });
  }
  return out;
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
