/**
 * Least privilege: the manifest asks for what the features need and nothing broader, host access
 * is only ever optional (asked per site), extension pages run only their own packaged scripts, and
 * no shipped code evaluates strings as code.
 *
 * manifest.json and src/ are checked always. The built manifests and bundles under dist/ are
 * checked when a build is there (`npm test` runs the unit tests before the build, so
 * test/e2e/network.spec.ts checks the fresh build's bundles again after it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVAL_PATTERNS, ROOT, bundleProblems, files, privilegeProblems, readManifest } from '../least-privilege';

describe('least privilege: the source manifest', () => {
  const manifest = readManifest(join(ROOT, 'manifest.json'));

  it('asks at install only for activeTab, scripting, storage and what commands, menus, downloads and copying need', () => {
    expect(privilegeProblems(manifest, { testHosts: false })).toEqual([]);
  });

  it('asks for host access only as optional, per site', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    for (const h of manifest.optional_host_permissions ?? []) expect(h).toMatch(/^(https?|\*):\/\/[^/]*\/\*$/);
  });

  it('gives extension pages a strict script policy', () => {
    const csp = typeof manifest.content_security_policy === 'string' ? manifest.content_security_policy : manifest.content_security_policy?.extension_pages;
    expect(csp ?? "script-src 'self'").toMatch(/script-src 'self'(;|$)/);
    expect(csp ?? '').not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it('rejects broader manifests (the check itself can fail)', () => {
    expect(privilegeProblems({ ...manifest, permissions: [...(manifest.permissions ?? []), 'tabs', '<all_urls>'] }, { testHosts: false })).toHaveLength(3);
    expect(privilegeProblems({ ...manifest, host_permissions: ['https://*/*'] }, { testHosts: false })).toHaveLength(1);
    expect(privilegeProblems({ ...manifest, content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval' https://cdn.example" } }, { testHosts: false }).length).toBeGreaterThanOrEqual(2);
    expect(privilegeProblems({ ...manifest, content_scripts: [{ matches: ['<all_urls>'], js: ['c.js'] }] }, { testHosts: false })).toHaveLength(1);
    expect(bundleProblemsOfText('const f = new Function("return 1");')).toContain('x.js: new Function(');
    expect(bundleProblemsOfText('window.eval ? 0 : 1; evaluate(x); obj.eval(y)')).toEqual([]);
    expect(bundleProblemsOfText('eval(code)')).toEqual(['x.js: eval(']);
  });
});

function bundleProblemsOfText(code: string): string[] {
  return EVAL_PATTERNS.filter(([re]) => re.test(code)).map(([, what]) => `x.js: ${what}`);
}

describe('least privilege: source code', () => {
  it('has no eval, Function constructor or string timers under src/', () => {
    const problems: string[] = [];
    for (const file of files(join(ROOT, 'src'))) {
      if (!/\.(ts|js|mjs)$/.test(file)) continue;
      const code = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
      for (const [re, what] of EVAL_PATTERNS) if (re.test(code)) problems.push(`${relative(ROOT, file)}: ${what}`);
    }
    expect(problems).toEqual([]);
  });
});

const BUILDS = ['chrome', 'firefox', 'chrome-test'].map((name) => ({ name, dir: join(ROOT, 'dist', name) }));
const built = BUILDS.filter((b) => existsSync(join(b.dir, 'manifest.json')));

describe.runIf(built.length > 0)('least privilege: the built extensions in dist/', () => {
  it.each(built.map((b) => [b.name, b.dir] as const))('dist/%s manifest', (name, dir) => {
    const m = readManifest(join(dir, 'manifest.json'));
    expect(privilegeProblems(m, { testHosts: name === 'chrome-test' })).toEqual([]);
    const source = readManifest(join(ROOT, 'manifest.json'));
    expect(m.permissions).toEqual(source.permissions);
    expect(m.optional_host_permissions).toEqual(source.optional_host_permissions);
    if (name === 'firefox') {
      expect(m.browser_specific_settings?.gecko?.id).toMatch(/@|^\{[0-9a-f-]+\}$/);
      expect(m.browser_specific_settings?.gecko?.data_collection_permissions?.required).toEqual(['none']);
      expect(m.background?.scripts?.length).toBeGreaterThan(0);
    } else {
      expect(m.background?.service_worker).toBeTruthy();
    }
  });

  it.each(built.map((b) => [b.name, b.dir] as const))('dist/%s bundles: no eval, no remote code', (_name, dir) => {
    expect(bundleProblems(dir)).toEqual([]);
  });
});

