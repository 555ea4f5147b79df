/** Where GitHub looks for a repository's pull-request templates (`template.ts` reads them). */

/** The folders GitHub looks in, in its order, and the name it looks for (any case). */
export const TEMPLATE_FOLDERS = ['.github', '', 'docs'] as const;
const NAME = /^pull_request_template\.md$/i;
const FOLDER = /^pull_request_template$/i;

/** The templates to read, by `pull-request.template`: the path it names, none for `false`, else those found. */
export function templatePaths(setting: string | false | undefined, found: readonly string[]): string[] {
  if (setting === false) return [];
  return typeof setting === 'string' ? [setting] : [...found];
}

/** Whether a path is one GitHub takes a pull-request template from. */
export function isTemplatePath(path: string): boolean {
  const parts = path.split('/');
  const name = parts.at(-1)!;
  const folders = parts.slice(0, -1);
  const at = (folder: string) => (folder === '' ? [] : [folder]);
  return TEMPLATE_FOLDERS.some((folder) => {
    const base = at(folder);
    const same = (list: string[]) => list.length === base.length && list.every((p, i) => p.toLowerCase() === base[i]);
    if (NAME.test(name) && same(folders)) return true;
    return (
      /\.md$/i.test(name) &&
      folders.length === base.length + 1 &&
      same(folders.slice(0, -1)) &&
      FOLDER.test(folders.at(-1)!)
    );
  });
}
