/** The pull-request description: parsed as Markdown; its rules see its sections, the runbooks it links and the reviews. */
import { parseDocument, type DocumentView } from '../markdown/document.js';
import { aliasesOf, matchSections, tickedItem } from '../model/checklist.js';
import { readRunbookLinks } from '../model/runbook-links.js';
import { headingKey } from '../markdown/heading.js';
import { evaluateWhen, highestRisk, type PullRequestFacts, type WhenEvaluation } from '../model/conditions.js';
import { fieldsNamed } from '../model/runbook-template.js';
import type { DocumentSettings, RunbookLinkSpec, SectionSpec, SignOffSpec, WhenEntry } from '../model/spec.js';
import type { DocumentKind, Facts } from './kind.js';
import { parseRunbook } from './runbook.js';
import type { ReviewFacts } from '../model/reviews.js';
import type { EvidenceFinding, Waiver } from '../model/report.js';
import type { SourceFile } from '../model/files.js';
import { readTemplate, type TemplateView } from '../model/template.js';

/** The source name of the description in reports. */
export const PULL_REQUEST = 'pull-request';

export interface PullRequestContext {
  doc: DocumentView;
  spec: {
    sections: SectionSpec[];
    runbook: RunbookLinkSpec;
    placeholders: string[];
    signOff: SignOffSpec | undefined;
    when: WhenEntry[];
    claims: Record<string, string[]>;
  };
  /** Findings on the changed deployment files. */
  evidence: readonly EvidenceFinding[];
  /** The deployment files checked: the claims were weighed against them. */
  evidenceSources: readonly string[];
  pullRequest: PullRequestFacts;
  /** The `when` entries this pull request matches, evaluated on first use. */
  readonly when: WhenEvaluation;
  /** Files read for the description, by path: the runbooks it links (text undefined when missing). */
  files: ReadonlyMap<string, SourceFile>;
  reviews: ReviewFacts | undefined;
  /** The pull-request template the description was written from, read (`model/template.ts`); read on first use. */
  readonly template: TemplateView | undefined;
}

export const pullRequestKind: DocumentKind<'pull-request', DocumentView, PullRequestContext> = {
  id: 'pull-request',
  lineBreaks: 'commonmark',
  waive:
    'A checklist item is waived with `N/A — reason` after its label, unticked; the reviewer reads the reason. The rule itself is turned off for every pull request only by the config on the base branch (`rules: { RULE: off }`).',
  // The description is not a file: the caller hands it over.
  select: () => false,
  links: {
    kind: 'runbook',
    paths: (doc, settings) => linkedRunbooks(doc, settings),
    bound: (settings) => ({
      what: 'linked runbook files',
      max: settings.pullRequest.runbook.maxLinks,
      setting: 'pull-request.runbook.max-links',
      advice: 'Link fewer runbooks.',
    }),
  },
  parse: (text) => parseDocument(text),
  context: (doc, _path, settings, facts) => {
    const pullRequest = facts.pullRequest ?? {};
    let when: WhenEvaluation | undefined;
    let template: TemplateView | undefined | null = facts.template ? undefined : null;
    return {
      doc,
      spec: { ...settings.pullRequest, signOff: settings.signOff, when: settings.when, claims: settings.claims },
      evidence: facts.evidence ?? [],
      evidenceSources: facts.evidenceSources ?? [],
      files: facts.files,
      reviews: facts.reviews,
      pullRequest,
      get template() {
        if (template === null) return undefined;
        return (template ??= readTemplate(facts.template!));
      },
      get when() {
        return (when ??= evaluateWhen(settings.when, pullRequest, linkedRisk(doc, settings, facts), (reference) =>
          tickedItem(doc, reference, aliasesOf(reference, settings.pullRequest.sections)),
        ));
      },
    };
  },
  waivers: descriptionWaivers,
};

/** The highest Risk Level among the runbooks the description links, as a key (`high`), if any says one. */
function linkedRisk(doc: DocumentView, settings: DocumentSettings, facts: Facts): string | undefined {
  const levels: string[] = [];
  for (const link of readRunbookLinks(doc, settings.pullRequest.runbook).links) {
    // The engine parsed the runbook already (files before the description); parse only what it did not.
    const text = facts.files.get(link.path)?.text;
    const view =
      (facts.views?.get(link.path) as DocumentView | undefined) ??
      (text === undefined ? undefined : parseRunbook(text));
    if (!view) continue;
    for (const field of fieldsNamed(view, 'Risk Level')) levels.push(headingKey(field.value));
  }
  return highestRisk(levels.filter((l) => ['low', 'medium', 'high'].includes(l)));
}

/** Paths of the runbooks a description links, for the caller to read. */
export function linkedRunbooks(description: DocumentView, settings: DocumentSettings): string[] {
  return readRunbookLinks(description, settings.pullRequest.runbook).links.map((l) => l.path);
}

function descriptionWaivers(doc: DocumentView, settings: DocumentSettings, facts?: Facts): Waiver[] {
  const out: Waiver[] = [];
  for (const { spec, items } of matchSections(doc, settings.pullRequest.sections)) {
    for (const match of items) {
      if (match.state?.kind !== 'waived' || !match.item) continue;
      const evidence = claimEvidence(match.label, settings, facts);
      out.push({
        source: PULL_REQUEST,
        section: spec.name,
        label: match.label,
        reason: match.state.reason,
        line: match.item.line,
        ...(evidence.length > 0 ? { evidence } : {}),
      });
    }
  }
  const runbook = readRunbookLinks(doc, settings.pullRequest.runbook);
  for (const link of runbook.external) {
    if (!settings.pullRequest.runbook.external.some((prefix) => link.url.startsWith(prefix))) continue;
    out.push({
      source: PULL_REQUEST,
      section: settings.pullRequest.runbook.section,
      label: link.url,
      reason: 'an external runbook, allowed by `runbooks.external`; not checked',
      line: link.line,
    });
  }
  if (
    runbook.section &&
    runbook.links.length === 0 &&
    runbook.external.length === 0 &&
    runbook.waiver.kind === 'waived'
  ) {
    const name = settings.pullRequest.runbook.section;
    out.push({
      source: PULL_REQUEST,
      section: name,
      label: name,
      reason: runbook.waiver.reason,
      line: runbook.section.line,
    });
  }
  return out;
}

/** What the changed files show about a claim that was waived rather than ticked: the reviewer weighs the reason against it. */
function claimEvidence(
  label: string,
  settings: DocumentSettings,
  facts: Facts | undefined,
): NonNullable<Waiver['evidence']> {
  const key = headingKey(label);
  const ruleIds = Object.entries(settings.claims)
    .filter(([claim]) => headingKey(claim) === key)
    .flatMap(([, ids]) => ids);
  return (facts?.evidence ?? [])
    .filter((e) => ruleIds.includes(e.ruleId))
    .map(({ ruleId, source, line }) => ({ ruleId, source, line }));
}
