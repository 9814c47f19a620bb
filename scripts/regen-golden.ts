/**
 * Regenerates test/fixtures/<name>/expected.{md,txt,json} from the current core, so that a change in
 * extraction shows up as a diff a reviewer can read (`git diff test/fixtures`).
 *
 *   npm run golden                 every fixture
 *   npm run golden -- rtl-arabic   only the fixtures named
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { FIXTURES, fixtureExists } from '../test/unit/fixture-catalog';
import { goldenFiles, goldenPath, type GoldenFileName } from '../test/unit/golden-outputs';

const ALL_FILES: GoldenFileName[] = ['expected.md', 'expected.txt', 'expected.json'];

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((name) => !FIXTURES.some((f) => f.name === name));
if (unknown.length > 0) {
  console.error(`Unknown fixture(s): ${unknown.join(', ')}. Known: ${FIXTURES.map((f) => f.name).join(', ')}`);
  process.exit(2);
}

let changed = 0;
let failed = 0;
for (const fixture of FIXTURES) {
  if (wanted.length > 0 && !wanted.includes(fixture.name)) continue;
  if (!fixtureExists(fixture.name)) {
    console.warn(`skip   ${fixture.name}: no source.html yet`);
    continue;
  }
  let files: Map<GoldenFileName, string>;
  try {
    files = goldenFiles(fixture);
  } catch (error) {
    failed++;
    console.error(`FAIL   ${fixture.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    continue;
  }
  for (const file of ALL_FILES) {
    const target = goldenPath(fixture, file);
    const content = files.get(file);
    const before = existsSync(target) ? readFileSync(target, 'utf8') : null;
    if (content === undefined) {
      // A page that no longer yields an article keeps only expected.json.
      if (before !== null) {
        rmSync(target);
        changed++;
        console.log(`remove ${fixture.name}/${file}`);
      }
      continue;
    }
    if (before === content) continue;
    writeFileSync(target, content);
    changed++;
    console.log(`${before === null ? 'create' : 'update'} ${fixture.name}/${file}`);
  }
}

console.log(`${changed} golden file(s) written${failed ? `, ${failed} fixture(s) failed` : ''}. Review with: git diff test/fixtures`);
process.exit(failed ? 1 : 0);
