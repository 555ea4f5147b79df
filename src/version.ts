/** The version printed by `--version`; kept equal to package.json by a test. */
export const VERSION = '0.1.0';

/** Where the project lives: its rule pages, schema and README are linked from reports. */
export const PROJECT_URL = 'https://github.com/readiness-gate/readiness-gate';

/** The page of a rule (`docs/rules/<id>.md`, made by `npm run docs`). */
export const ruleDocsUrl = (ruleId: string): string => `${PROJECT_URL}/blob/main/docs/rules/${ruleId}.md`;
