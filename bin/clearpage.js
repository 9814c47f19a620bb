#!/usr/bin/env node
// Launcher for the built CLI (src/cli/main.ts → dist/cli/clearpage.js).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli/clearpage.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    'clearpage: the CLI is not built yet (dist/cli/clearpage.js is missing).\n' +
      'Run `npm run build` in the Clearpage folder first, or `npx tsx src/cli/main.ts` while developing.\n',
  );
  process.exit(1);
}
await import(bundle.href);
