/**
 * Which tabs the extension may read. Browsers keep extensions out of their own pages, of the
 * add-on stores and of a few viewers; the popup says why instead of failing with a raw error.
 */

export type RestrictedReason =
  | 'browser-page' // chrome://, about:, edge://, the new-tab page
  | 'extension-page' // another extension's page (or ours)
  | 'web-store' // Chrome Web Store, addons.mozilla.org, Edge add-ons
  | 'view-source' // view-source: pages
  | 'pdf' // the built-in PDF viewer
  | 'file' // file:// without "Allow access to file URLs"
  | 'no-access' // the browser refused (no permission for this tab, a policy-blocked site)
  | 'unsupported'; // data:, blob:, javascript: and other schemes without a page to read

export type PageAccess = { ok: true } | { ok: false; reason: RestrictedReason };

const BROWSER_SCHEMES = /^(chrome|edge|brave|opera|vivaldi|about|devtools|chrome-search|chrome-untrusted|chrome-devtools|resource|jar|moz-safe-about):/i;
const EXTENSION_SCHEMES = /^(chrome-extension|moz-extension|extension|safari-web-extension):/i;
const STORE_HOSTS: ReadonlyArray<{ host: string; path?: string }> = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

/** Classifies a tab URL: may the extension run in it, and if not, why. */
export function pageAccess(url: string | undefined | null, options: { fileAccess?: boolean } = {}): PageAccess {
  if (!url) return { ok: false, reason: 'no-access' };
  if (/^view-source:/i.test(url)) return { ok: false, reason: 'view-source' };
  if (EXTENSION_SCHEMES.test(url)) {
    // Chrome shows PDFs in its own extension (mhjfbmdgcfjbbpaeojofohoefgiehjai).
    if (/^chrome-extension:\/\/mhjfbmdgcfjbbpaeojofohoefgiehjai\//i.test(url)) return { ok: false, reason: 'pdf' };
    return { ok: false, reason: 'extension-page' };
  }
  if (/^resource:\/\/pdf\.js/i.test(url)) return { ok: false, reason: 'pdf' };
  if (BROWSER_SCHEMES.test(url)) return { ok: false, reason: 'browser-page' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'unsupported' };
  }
  if (parsed.protocol === 'file:') {
    if (/\.pdf$/i.test(parsed.pathname)) return { ok: false, reason: 'pdf' };
    return options.fileAccess ? { ok: true } : { ok: false, reason: 'file' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, reason: 'unsupported' };
  const host = parsed.hostname.toLowerCase();
  for (const store of STORE_HOSTS) {
    if (host === store.host && (!store.path || parsed.pathname.startsWith(store.path))) {
      return { ok: false, reason: 'web-store' };
    }
  }
  if (/\.pdf$/i.test(parsed.pathname)) return { ok: false, reason: 'pdf' };
  return { ok: true };
}

/** Maps an error from scripting/tabs APIs to a restricted reason when it is one, else null. */
export function restrictedReasonFromError(message: string): RestrictedReason | null {
  if (/gallery|web ?store/i.test(message)) return 'web-store';
  if (/chrome:\/\/|about:|edge:\/\/|cannot be scripted|extensions? gallery|privileged/i.test(message)) return 'browser-page';
  if (/file:\/\//i.test(message)) return 'file';
  if (/cannot access|missing host permission|permission|not allowed|ExtensionsSettings policy/i.test(message)) return 'no-access';
  return null;
}
