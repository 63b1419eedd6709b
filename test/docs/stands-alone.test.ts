import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// A clone is all a user gets: nothing may point outside it, and every section an explanation cites
// must exist in the project's own methodology page.
const root = resolve(import.meta.dirname, '../..');
const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n')
  .filter((f) => /\.(ts|md|json|mjs|csv)$/.test(f) && !f.startsWith('bench/results/'));
const read = (f: string) => readFileSync(resolve(root, f), 'utf8');

/** The section ids of docs/methodology.md: `## 3.` -> 3, `### 6.1` -> 6.1, item `4.` under 6.1 -> 6.1.4. */
function methodologySections(markdown: string): Set<string> {
  const ids = new Set<string>();
  let current = '';
  for (const line of markdown.split('\n')) {
    const heading = /^#{2,3} (\d+(?:\.\d+)*)\.?\s/.exec(line);
    if (heading) { current = heading[1]!; ids.add(current); continue; }
    const item = /^(\d+)\. /.exec(line);
    if (item && current) ids.add(`${current}.${item[1]}`);
  }
  return ids;
}

describe('a clone that stands alone', () => {
  it('no tracked file reads or links the specification folder beside the project', () => {
    const outside = ['..', 'shared/'].join('/');
    const offenders = tracked.filter((f) => read(f).includes(outside) || read(f).includes(['/work', 'shared'].join('/')));
    expect(offenders).toEqual([]);
  });

  it('every § the code cites is a section or numbered item of docs/methodology.md', () => {
    const sections = methodologySections(read('docs/methodology.md'));
    const cited = new Set<string>();
    for (const f of tracked.filter((t) => t.startsWith('src/') && t.endsWith('.ts'))) {
      for (const m of read(f).matchAll(/§(\d+(?:\.\d+)*)/g)) cited.add(m[1]!);
    }
    expect(cited.size).toBeGreaterThan(20);
    expect([...cited].filter((id) => !sections.has(id)).sort()).toEqual([]);
  });

  it('reads sections and items the way explanations cite them', () => {
    const ids = methodologySections('## 2. Universe\n1. Main Board\n2. type\n### 6.1 Review\n4. Delete\n## Parameters\n');
    expect([...ids].sort()).toEqual(['2', '2.1', '2.2', '6.1', '6.1.4']);
  });
});
