// The release workflow's checks, runnable and testable here (.github/workflows/release.yml calls them):
//   node scripts/release.mjs check vX.Y.Z   the tag is package.json's version, and CHANGELOG.md has its notes
//   node scripts/release.mjs major vX.Y.Z   the major tag to move: vX
//   node scripts/release.mjs notes vX.Y.Z   the changelog's section for that version, for the release
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The version a release tag names: `v1.2.3` is 1.2.3. Anything else is refused. */
export function versionOf(tag) {
  const match = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(tag);
  if (!match) throw new Error(`"${tag}" is not a release tag: push vX.Y.Z, such as v1.2.3.`);
  return match.slice(1).join('.');
}

/** The major tag a release moves: `v1.2.3` moves `v1`. */
export function majorOf(tag) {
  return `v${versionOf(tag).split('.')[0]}`;
}

/** A Keep a Changelog section's body: the lines under `## [X.Y.Z]` up to the next `## `. */
export function notesFor(changelog, version) {
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\](?:\\s|$)`).test(line));
  if (start < 0) throw new Error(`CHANGELOG.md has no "## [${version}]" section: move the Unreleased notes under it.`);
  const end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  const notes = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
  if (notes === '') throw new Error(`CHANGELOG.md's "## [${version}]" section is empty.`);
  return `${notes}\n`;
}

/** Refuses a tag that does not name package.json's version, or a version with no notes. */
export function checkRelease(tag, { version, changelog }) {
  const tagged = versionOf(tag);
  if (tagged !== version) {
    throw new Error(`the tag ${tag} names ${tagged}, but package.json says ${version}. Tag v${version}, or bump it.`);
  }
  notesFor(changelog, version);
  return tagged;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, tag = ''] = process.argv.slice(2);
  const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  const changelog = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
  try {
    if (command === 'check')
      console.log(`release ${checkRelease(tag, { version, changelog })}: tag, package.json and changelog agree`);
    else if (command === 'major') console.log(majorOf(tag));
    else if (command === 'notes') process.stdout.write(notesFor(changelog, versionOf(tag)));
    else throw new Error('usage: node scripts/release.mjs check|major|notes vX.Y.Z');
  } catch (error) {
    console.error(`release: ${error.message}`);
    process.exit(1);
  }
}
