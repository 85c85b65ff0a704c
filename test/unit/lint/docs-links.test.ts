import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const SKIP = new Set(['node_modules', '.git', 'dist', 'release', 'build', 'test-results', '.bench-out']);

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = dir ? join(dir, entry.name) : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(path, keep));
    else if (keep(entry.name)) out.push(path);
  }
  return out;
}

/**
 * Links in a Markdown file that do not resolve to a file or folder inside the repository:
 * a clone is all a newcomer has. Web links and in-page anchors are not checked.
 */
function brokenLinks(file: string, text: string, exists: (path: string) => boolean): string[] {
  const broken: string[] = [];
  const withoutCode = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  for (const m of withoutCode.matchAll(/\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = m[1]!.split('#')[0]!;
    if (!target || /^[a-z]+:/i.test(target)) continue;
    const absolute = target.startsWith('/') ? join(ROOT, target) : resolve(ROOT, dirname(file), target);
    const inside = !relative(ROOT, absolute).startsWith('..');
    if (!inside || !exists(absolute)) broken.push(`${file}: ${m[1]}${inside ? '' : ' (outside the repository)'}`);
  }
  return broken;
}

/** Material given to the developers from outside the repository, which it must not point to. */
const OUTSIDE = /\.\.\/shared\/(guide|refi-qda-schemas|hooks)\b/;

describe('the repository stands on its own', () => {
  it('every link in every Markdown file resolves inside the repository', () => {
    const markdown = filesUnder('', (name) => name.endsWith('.md'));
    expect(markdown.length).toBeGreaterThan(8);
    const broken = markdown.flatMap((file) => brokenLinks(file, readFileSync(join(ROOT, file), 'utf8'), existsSync));
    expect(broken).toEqual([]);
  });

  it('docs/architecture.md exists and the README points to it', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('](docs/architecture.md)');
  });

  it('no file points to the material outside the repository', () => {
    const self = relative(ROOT, new URL(import.meta.url).pathname);
    const text = filesUnder('', (name) => /\.(md|ts|tsx|mjs|cjs|js|json|yml|sql|css|html)$/.test(name) || name === 'run')
      .filter((file) => file !== self && file !== 'package-lock.json');
    expect(text.filter((file) => OUTSIDE.test(readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
  });

  it('the link check catches a planted broken link and a link out of the repository', () => {
    const planted = 'See [the map](docs/nowhere.md), [the guide](../shared/guide/architecture.md), [ok](docs/architecture.md) and [web](https://example.org).';
    expect(brokenLinks('README.md', planted, existsSync)).toEqual([
      'README.md: docs/nowhere.md',
      'README.md: ../shared/guide/architecture.md (outside the repository)',
    ]);
    expect(OUTSIDE.test('read ../shared/guide/refi-qda.md')).toBe(true);
  });
});
