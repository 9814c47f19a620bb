/**
 * Automatic stripping per site: a content script registered for the host's origins (which
 * the popup asked the user for, with a gesture). The content script strips at document_idle
 * when the site's rules say autoStrip.
 */
import browser from 'webextension-polyfill';
import { CONTENT_SCRIPT } from './content-injection';

function scriptId(host: string): string {
  return `auto-strip:${host}`;
}

/** The match patterns of a host (any port, http and https). */
export function originsOf(host: string): string[] {
  return [`http://${host}/*`, `https://${host}/*`];
}

/** The host's origins Clearpage may access now. */
async function grantedOrigins(host: string): Promise<string[]> {
  const granted: string[] = [];
  for (const origin of originsOf(host)) {
    if (await browser.permissions.contains({ origins: [origin] })) granted.push(origin);
  }
  return granted;
}

/** Whether a content script is registered for the host. */
export async function isRegistered(host: string): Promise<boolean> {
  const found = await browser.scripting.getRegisteredContentScripts({ ids: [scriptId(host)] });
  return found.length > 0;
}

/** Register (enabled) or unregister the host's content script; throws when access was not granted. */
export async function syncAutoStrip(host: string, enabled: boolean): Promise<void> {
  const id = scriptId(host);
  const registered = await isRegistered(host);
  if (!enabled) {
    if (registered) await browser.scripting.unregisterContentScripts({ ids: [id] });
    return;
  }
  const matches = await grantedOrigins(host);
  if (!matches.length) {
    throw new Error(`Clearpage needs access to ${host} to strip it automatically; allow it when asked.`);
  }
  if (registered) await browser.scripting.unregisterContentScripts({ ids: [id] });
  await browser.scripting.registerContentScripts([
    { id, matches, js: [CONTENT_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}
