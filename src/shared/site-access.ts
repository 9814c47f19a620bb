/**
 * "Hide clutter automatically on this site": host access for one site, asked for inside the
 * user's click, then automatic stripping registered by the background.
 */
import browser from 'webextension-polyfill';
import { send } from './messages';

/** Whether the extension may already run on these origins (then no prompt is needed). */
export async function hasAccess(origins: string[]): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins });
  } catch {
    return false;
  }
}

/**
 * Turns automatic stripping on for a host. Must be called synchronously from a click handler:
 * browsers show a permission prompt only during a user gesture. Resolves false when the user
 * refused access.
 *
 * A fresh grant is finished by the background (permissions.onAdded), because a toolbar popup
 * may close while the browser's prompt is up; access held before fires no event, so then (or
 * if the background has not caught up after a short wait) the request is sent from here.
 */
export function enableAutoStrip(host: string, origins: string[], alreadyGranted: boolean): Promise<boolean> {
  if (alreadyGranted) {
    return send({ type: 'set-site-auto', host, enabled: true }).then(() => true);
  }
  return browser.permissions.request({ origins }).then(async (granted) => {
    if (!granted) return false;
    for (let waited = 0; waited < 1500; waited += 150) {
      const rules = await send({ type: 'get-site', host }).catch(() => null);
      if (rules?.autoStrip) return true;
      await new Promise((done) => setTimeout(done, 150));
    }
    await send({ type: 'set-site-auto', host, enabled: true });
    return true;
  });
}
