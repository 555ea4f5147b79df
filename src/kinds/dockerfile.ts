/**
 * A Dockerfile (`Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `Containerfile`):
 * its instructions with their lines, continuation lines joined, and the
 * final stage (after the last `FROM`), which is what runs. An opt-out is a
 * comment `# readiness-gate waive=<rule-id>: <reason>`.
 */
import type { DocumentKind, Waiver } from './kind.js';

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface OptOut {
  ruleId: string;
  reason: string;
  line: number;
}

export interface DockerfileView {
  path: string;
  instructions: Instruction[];
  /** Instructions of the final stage. */
  final: Instruction[];
  optOuts: OptOut[];
}

export interface DockerfileContext {
  file: DockerfileView;
}

const NAME = /(?:^|\/)(?:Dockerfile(?:\.[^/]*)?|[^/]+\.Dockerfile|Containerfile)$/;
const OPT_OUT = /^#\s*readiness-gate\s+waive=([a-z0-9-]+)\s*(?::\s*(.*))?$/i;

/** Opt-out comments of a file whose comments start with `#` (a Dockerfile, a YAML workflow). */
export function readOptOuts(text: string): OptOut[] {
  const out: OptOut[] = [];
  text.split('\n').forEach((raw, i) => {
    const match = OPT_OUT.exec(raw.trim());
    if (match) out.push({ ruleId: match[1]!.toLowerCase(), reason: (match[2] ?? '').trim(), line: i + 1 });
  });
  return out;
}

export function parseDockerfile(text: string, path: string): DockerfileView {
  const instructions: Instruction[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!.trim();
    if (first === '' || first.startsWith('#')) continue;
    const start = i;
    let joined = first;
    // A trailing backslash continues the instruction; comment lines inside it are dropped.
    while (joined.endsWith('\\') && i + 1 < lines.length) {
      i++;
      const next = lines[i]!.trim();
      joined = next.startsWith('#') ? joined : `${joined.slice(0, -1)} ${next}`;
    }
    // A lone backslash continues into nothing: no instruction.
    const match = /^(\S+)\s*(.*)$/s.exec(joined.trim());
    if (match) instructions.push({ keyword: match[1]!.toUpperCase(), args: match[2]!.trim(), line: start + 1 });
  }
  const lastFrom = instructions.map((ins) => ins.keyword).lastIndexOf('FROM');
  return { path, instructions, final: instructions.slice(Math.max(lastFrom, 0)), optOuts: readOptOuts(text) };
}

/** Opt-outs with a reason, as the report's waivers. */
export function optOutWaivers(path: string, optOuts: readonly OptOut[]): Waiver[] {
  return optOuts
    .filter((o) => o.reason !== '')
    .map((o) => ({ source: path, section: o.ruleId, label: o.ruleId, reason: o.reason, line: o.line }));
}

export const dockerfileKind: DocumentKind<'dockerfile', DockerfileView, DockerfileContext> = {
  id: 'dockerfile',
  evidence: true,
  select: (path) => NAME.test(path),
  parse: parseDockerfile,
  context: (file) => ({ file }),
  waivers: (file) => optOutWaivers(file.path, file.optOuts),
};
