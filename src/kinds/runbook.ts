/**
 * A runbook: a Markdown file a runbook template selects (its `paths`, not its
 * `exclude`), or one the description links. Its rules see the template it
 * answers to: the first that selects it, else (a linked file elsewhere) the
 * first template.
 */
import { selectsPath } from '../model/paths.js';
import { parseDocument, type DocumentView } from '../markdown/document.js';
import type { DocumentSettings, Repository, RunbookTemplate, SectionSpec } from '../model/spec.js';
import { withRemoved, type Removed } from '../model/removed.js';
import type { DocumentKind } from './kind.js';
import { runbookRun } from './runbook-run.js';

/** Changed runbooks read a run; more are named and fail the gate. */
export const MAX_CHANGED_RUNBOOKS = 300;

export interface RunbookContext {
  doc: DocumentView;
  path: string;
  spec: { sections: SectionSpec[]; template: RunbookTemplate };
  /** The day the run judges dates by, YYYY-MM-DD, when it says. */
  today?: string;
  /** Every runbook the repository's alerts link, in lower case, when the run read all its alerts. */
  alertRunbooks?: ReadonlySet<string>;
  /** The files the pull request removes or renames, by old path in lower case, when the adapter knows them. */
  removed?: ReadonlyMap<string, Removed>;
  /** The repository, for links by GitHub URL. */
  repository?: Repository;
}

/** The template a runbook at `path` answers to, if one selects it. */
export function templateFor(path: string, settings: DocumentSettings): RunbookTemplate | undefined {
  return settings.runbooks.templates.find((t) => selectsPath(t, path));
}

/** A runbook file as GitHub shows it: front matter read as fields. */
export function parseRunbook(text: string): DocumentView {
  return parseDocument(text, { frontMatter: true });
}

export const runbookKind: DocumentKind<'runbook', DocumentView, RunbookContext> = {
  id: 'runbook',
  lineBreaks: 'commonmark',
  waive:
    'A checklist item in the runbook is waived with `N/A — reason` after its label. The rule is turned off for runbooks by the config on the base branch (`rules: { RULE: off }`).',
  select: (path, settings) => templateFor(path, settings) !== undefined,
  // A removed or renamed runbook: the files that still link it.
  run: runbookRun,
  bound: () => ({ what: 'changed runbooks', max: MAX_CHANGED_RUNBOOKS, advice: 'Split the pull request.' }),
  parse: parseRunbook,
  context: (doc, path, settings, facts) => {
    const template = templateFor(path, settings) ?? settings.runbooks.templates[0]!;
    return {
      doc,
      path,
      // One file of alert sections is held to the template per alert, where the alerts link it (alert-runbook).
      spec: { sections: template.sectionsPerAlert ? [] : template.sections, template },
      ...(settings.today ? { today: settings.today } : {}),
      ...(facts.alertRunbooks ? { alertRunbooks: facts.alertRunbooks } : {}),
      ...withRemoved(facts.pullRequest),
      ...(settings.pullRequest.runbook.repository ? { repository: settings.pullRequest.runbook.repository } : {}),
    };
  },
};
