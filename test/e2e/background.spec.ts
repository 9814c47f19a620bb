import { test, expect } from './harness';

test('the extension loads and its service worker answers', async ({ serviceWorker, extensionId, sendToBackground }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.permissions?.sort()).toEqual(['activeTab', 'clipboardWrite', 'contextMenus', 'downloads', 'scripting', 'storage']);
  expect(await sendToBackground({ type: 'get-site', host: 'example.com' })).toEqual({ autoStrip: false, hide: [], keep: [] });
});
