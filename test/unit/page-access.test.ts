/** Which tab addresses the popup refuses, and why (src/popup/page-access.ts). */
import { describe, expect, it } from 'vitest';
import { pageAccess, restrictedReasonFromError } from '../../src/popup/page-access';

describe('pageAccess', () => {
  const cases: Array<[string, ReturnType<typeof pageAccess>]> = [
    ['https://bdnews24.com/world/why-did-isis-k-attack', { ok: true }],
    ['http://127.0.0.1:8080/page.html', { ok: true }],
    ['chrome://settings', { ok: false, reason: 'browser-page' }],
    ['chrome://newtab/', { ok: false, reason: 'browser-page' }],
    ['about:blank', { ok: false, reason: 'browser-page' }],
    ['edge://extensions', { ok: false, reason: 'browser-page' }],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html', { ok: false, reason: 'extension-page' }],
    ['moz-extension://0f0e0d0c-aaaa-bbbb-cccc-123456789abc/popup.html', { ok: false, reason: 'extension-page' }],
    ['https://chromewebstore.google.com/detail/x/abc', { ok: false, reason: 'web-store' }],
    ['https://chrome.google.com/webstore/detail/abc', { ok: false, reason: 'web-store' }],
    ['https://chrome.google.com/search?q=x', { ok: true }],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/', { ok: false, reason: 'web-store' }],
    ['view-source:https://example.com/', { ok: false, reason: 'view-source' }],
    ['https://example.com/report.pdf', { ok: false, reason: 'pdf' }],
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', { ok: false, reason: 'pdf' }],
    ['file:///home/me/page.html', { ok: false, reason: 'file' }],
    ['data:text/html,<p>hi</p>', { ok: false, reason: 'unsupported' }],
    ['', { ok: false, reason: 'no-access' }],
  ];
  for (const [url, expected] of cases) {
    it(`${url || '(no URL)'} → ${expected.ok ? 'ok' : expected.reason}`, () => {
      expect(pageAccess(url)).toEqual(expected);
    });
  }

  it('file:// pages are readable once the user allowed file access', () => {
    expect(pageAccess('file:///home/me/page.html', { fileAccess: true })).toEqual({ ok: true });
    expect(pageAccess('file:///home/me/paper.pdf', { fileAccess: true })).toEqual({ ok: false, reason: 'pdf' });
  });
});

describe('restrictedReasonFromError', () => {
  it('maps the browsers’ refusals to a reason, and other errors to none', () => {
    expect(restrictedReasonFromError('Cannot access a chrome:// URL')).toBe('browser-page');
    expect(restrictedReasonFromError('The extensions gallery cannot be scripted.')).toBe('web-store');
    expect(restrictedReasonFromError('Cannot access contents of url "file:///x". Extension manifest must request permission to access this host.')).toBe('file');
    expect(restrictedReasonFromError('Cannot access contents of the page. Extension manifest must request permission to access the respective host.')).toBe('no-access');
    expect(restrictedReasonFromError('Missing host permission for the tab')).toBe('no-access');
    expect(restrictedReasonFromError('Frame with ID 0 was removed.')).toBeNull();
  });
});
