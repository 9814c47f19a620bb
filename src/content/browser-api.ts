/**
 * Stands in for webextension-polyfill in content.js (the build aliases the package here; 3 kB of
 * the 45 kB budget). Firefox has `browser` natively. Chrome's MV3 `chrome.*` APIs already return
 * promises; the one gap the content script meets is runtime.onMessage, where Chrome wants
 * `sendResponse` plus `return true` instead of a returned promise: that is adapted here.
 */
import type { Browser } from 'webextension-polyfill';

type Listener = (message: unknown, sender: unknown) => unknown;
type ChromeListener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean;
interface ChromeEvent {
  addListener(l: ChromeListener): void;
  removeListener(l: ChromeListener): void;
  hasListener(l: ChromeListener): boolean;
}
type ChromeApi = { runtime: { onMessage: ChromeEvent } & Record<string, unknown> } & Record<string, unknown>;

function promiseListeners(event: ChromeEvent) {
  const adapted = new WeakMap<Listener, ChromeListener>();
  const adapt = (listener: Listener): ChromeListener => {
    let wrapper = adapted.get(listener);
    if (!wrapper) {
      wrapper = (message, sender, sendResponse) => {
        const result = listener(message, sender);
        if (!result || typeof (result as Promise<unknown>).then !== 'function') return false;
        (result as Promise<unknown>).then(sendResponse, (error: unknown) =>
          sendResponse({ __clearpage: true, ok: false, error: error instanceof Error ? error.message : String(error) }),
        );
        return true;
      };
      adapted.set(listener, wrapper);
    }
    return wrapper;
  };
  return {
    addListener: (listener: Listener) => event.addListener(adapt(listener)),
    removeListener: (listener: Listener) => event.removeListener(adapt(listener)),
    hasListener: (listener: Listener) => event.hasListener(adapt(listener)),
  };
}

/** `target` with some members replaced; methods stay bound to their own namespace object. */
function overlay<T extends object>(target: T, replaced: Record<string, unknown>): T {
  return new Proxy(target, {
    get(t, key) {
      if (typeof key === 'string' && key in replaced) return replaced[key];
      const value = (t as Record<string | symbol, unknown>)[key];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
}

function fromChrome(chrome: ChromeApi): Browser {
  const runtime = overlay(chrome.runtime, { onMessage: promiseListeners(chrome.runtime.onMessage) });
  return overlay(chrome, { runtime }) as unknown as Browser;
}

// As webextension-polyfill decides: a native `browser` with a runtime (Firefox) is used as is.
const scope = globalThis as unknown as { browser?: Browser & { runtime?: { id?: string } }; chrome?: ChromeApi };
const browser: Browser = scope.browser?.runtime?.id ? scope.browser : fromChrome(scope.chrome as ChromeApi);

export default browser;
