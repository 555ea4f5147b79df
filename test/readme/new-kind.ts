import { deploymentFiles, type DocumentKind } from '../../src/kinds/kind.js';

export interface ProcfileView {
  path: string;
  processes: { name: string; command: string; line: number }[];
}

export const procfileKind: DocumentKind<'procfile', ProcfileView, { file: ProcfileView }> = {
  id: 'procfile',
  // What each rule's page says of waiving one of its findings here; RULE stands for the rule's id.
  waive: 'Turned off for Procfiles by the config on the base branch (`rules: { RULE: off }`).',
  // A deployment file: `evidence.paths`, `exclude` and `max-files` apply, and its findings can contradict a tick.
  evidence: true,
  bound: deploymentFiles,
  select: (path) => /(^|\/)Procfile$/.test(path),
  parse: (text, path) => ({
    path,
    processes: text.split('\n').flatMap((raw, i) => {
      const match = /^([\w-]+):\s*(\S.*)$/.exec(raw.trim());
      return match ? [{ name: match[1]!, command: match[2]!, line: i + 1 }] : [];
    }),
  }),
  context: (file) => ({ file }),
};
