#!/usr/bin/env node
// Fails when source code writes innerHTML/outerHTML (or uses insertAdjacentHTML /
// document.write) anywhere but the one sanitising module: extracted HTML is hostile input.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const ALLOWED = new Set(['src/core/sanitize.ts']);
const WRITE = /\.(innerHTML|outerHTML)\s*(\+?=)(?!=)|\binsertAdjacentHTML\s*\(|\bdocument\.write(ln)?\s*\(|\bsetHTMLUnsafe\s*\(/;

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.(ts|js|mjs|tsx)$/.test(name)) yield path;
  }
}

const offences = [];
for (const file of walk(join(ROOT, 'src'))) {
  const rel = relative(ROOT, file);
  if (ALLOWED.has(rel)) continue;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (WRITE.test(line)) offences.push(`${rel}:${i + 1}: ${line.trim()}`);
    });
}
if (offences.length) {
  console.error('HTML writes outside src/core/sanitize.ts (route them through it):');
  for (const o of offences) console.error('  ' + o);
  process.exit(1);
}
console.log('check-no-innerhtml: ok');
