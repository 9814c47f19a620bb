/**
 * `npm run package`: store-ready zips of the built extension, dist/clearpage-chrome-<version>.zip
 * and dist/clearpage-firefox-<version>.zip (run after `npm run build`; web-ext does the zipping).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const webExt = join(root, 'node_modules', '.bin', 'web-ext');

for (const target of ['chrome', 'firefox']) {
  const dir = join(dist, target);
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(`No build in ${dir}: run npm run build first.`);
    process.exit(1);
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string; host_permissions?: unknown };
  if (manifest.host_permissions) {
    console.error(`${dir}/manifest.json has host_permissions: a store build must not.`);
    process.exit(1);
  }
  const filename = `clearpage-${target}-${manifest.version}.zip`;
  execFileSync(webExt, ['build', '--source-dir', dir, '--artifacts-dir', dist, '--filename', filename, '--overwrite-dest'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  console.log(join(dist, filename));
}
