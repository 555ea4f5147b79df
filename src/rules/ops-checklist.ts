/** `ops-checklist`: in an Operations Review, every box under "DevOps Sign-off" and "Runbook Items" is ticked. */
import { inSection } from '../markdown/document.js';
import { at, gatherOf, NAMES, type RawFinding } from '../model/finding.js';
import { operationsReview, ownedByReviewer, subsection } from '../model/operations-review.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const LISTS = ['DevOps Sign-off', 'Runbook Items'] as const;

const messages = {
  noSection: 'The Operations Review has no "{{section}}" section. Add it from the template and tick its boxes.',
  notTicked: '"{{item}}" in "{{section}}" is not ticked. The review is complete only when every box is.',
  notTickedTogether: 'Not ticked in "{{section}}": {{names}}. The review is complete only when every box is.',
};
const say = sayer(messages);

export const opsChecklist = defineRule({
  id: 'ops-checklist',
  kind: 'pull-request',
  title: 'Every Operations Review sign-off and runbook box is ticked',
  description: 'every DevOps Sign-off and Runbook Items box is ticked',
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'a sign-off box is left unticked',
      text: '## Operations Review\n### 🔧 DevOps Sign-off\n- [x] Health checks verified\n- [ ] Rollback plan defined\n### Runbook Items\n- [x] Deployment runbook linked\n',
      findings: [{ at: '4:1', id: 'notTicked', data: { item: 'Rollback plan defined', section: 'DevOps Sign-off' } }],
    },
    {
      name: 'every box ticked',
      text: '## Operations Review\n### 🔧 DevOps Sign-off\n- [x] Health checks verified\n- [x] Rollback plan defined\n### Runbook Items\n- [x] Deployment runbook linked\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    const review = operationsReview(doc);
    const lists = LISTS.filter((name) => !ownedByReviewer(spec.signOff, name));
    if (!review || lists.length === 0) return undefined;
    const out: RawFinding[] = [];
    for (const name of lists) {
      const section = subsection(doc, review, name);
      if (!section) {
        out.push(at(review, say('noSection', { section: name })));
        continue;
      }
      for (const item of inSection(doc.items, section)) {
        if (item.checked) continue;
        const label = item.label ?? item.text;
        out.push({
          ...at(item, say('notTicked', { item: label, section: name })),
          // The boxes of one list left unticked are said once in the comment, each at its line.
          gather: gatherOf(`notTicked\0${name}`, label, say('notTickedTogether', { section: name, names: NAMES })),
        });
      }
    }
    return out;
  },
});
