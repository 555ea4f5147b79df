// Generated from action.yml by `npm run docs`: edit the defaults there.
/** Each input's default as action.yml gives it: what an input left empty means. */
export const ACTION_DEFAULTS = {
  config: '.github/readiness-gate.yml',
  'check-name': 'Production readiness',
  comment: 'on-failure',
  review: 'off',
  'max-review-comments': '30',
  'fail-job': 'true',
  'pull-request': '',
  rendered: '',
  'bot-login': 'github-actions[bot]',
} as const;
