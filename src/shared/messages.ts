/**
 * The one typed message protocol between Clearpage's glue layers (popup, options,
 * background, content script). Every request is a member of the `Request` union,
 * keyed by `type`; `Protocol` maps each type to its payload and its reply.
 *
 *   send({ type: 'strip' }, { tabId })          // to the content script of tab N
 *   send({ type: 'get-site', host })            // to the background
 *   handle({ strip: () => stripPage(), ... })   // in the receiver
 *
 * Replies travel in an envelope ({ ok, value } | { ok: false, error }) so a handler's
 * thrown error reaches the sender as an Error with the same message in Chrome and Firefox.
 */
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import type { ChromeCategory, ExtractResult } from '../core/types';
import type { SiteRules } from './settings';

/** One hidden block on the page, as the popup's "removed" tray shows it. */
export interface StripItem {
  /** Stable for the life of the page (until reload): pass it back to `show-again`. */
  id: string;
  category: ChromeCategory;
  sample: string;
}

/** What the content script reports about the page's stripping. */
export interface StripState {
  stripped: boolean;
  /** The blocks hidden now (empty when not stripped). */
  items: StripItem[];
  /** The page's host, as used for per-site rules ('' for pages without one). */
  host: string;
}

/** The result of the click-to-hide picker. */
export type PickerResult =
  | { picked: true; selector: string; category: ChromeCategory; sample: string }
  | { picked: false };

/** A request with no fields besides `type`. */
export type NoPayload = Record<never, never>;

/** Where a request is handled. */
export type Receiver = 'content' | 'background';

/**
 * The protocol: request type → payload fields (besides `type`), reply, and receiver.
 * `void` replies resolve to `undefined`.
 */
export interface Protocol {
  // --- to the content script (send with { tabId }) ---
  /** Liveness probe: is the content script installed in this tab? */
  ping: { request: Record<never, never>; reply: { version: string }; to: 'content' };
  /** Run extractArticle on the live document (the core clones it). */
  extract: { request: Record<never, never>; reply: ExtractResult; to: 'content' };
  /** Hide the page's chrome in place (a second strip is a no-op). */
  strip: { request: Record<never, never>; reply: StripState; to: 'content' };
  /** Undo stripping: the document is as it was before. */
  restore: { request: Record<never, never>; reply: StripState; to: 'content' };
  'get-strip-state': { request: Record<never, never>; reply: StripState; to: 'content' };
  /** Show one hidden block again and remember that choice (a keep rule) for the site. */
  'show-again': { request: { id: string }; reply: StripState; to: 'content' };
  /**
   * Start the click-to-hide picker; resolves when the user has clicked an element
   * (hidden and remembered as a hide rule for the site) or cancelled (Escape, cancel-picker).
   */
  'start-picker': { request: Record<never, never>; reply: PickerResult; to: 'content' };
  'cancel-picker': { request: Record<never, never>; reply: void; to: 'content' };
  /** Write text to the clipboard from the page (the background has no clipboard in MV3 Chrome). */
  'write-clipboard': { request: { text: string }; reply: void; to: 'content' };
  /** Extract the article and copy it as Markdown (the context-menu item). Fails on a page with no article. */
  'copy-markdown': { request: Record<never, never>; reply: { title: string; chars: number }; to: 'content' };

  // --- to the background (send without tabId) ---
  /** Inject the content script if needed, then strip or restore the tab. */
  'toggle-strip': { request: { tabId: number }; reply: StripState; to: 'background' };
  /** Turn automatic stripping on or off for a host (the caller already holds its host permission). */
  'set-site-auto': { request: { host: string; enabled: boolean }; reply: SiteRules; to: 'background' };
  'get-site': { request: { host: string }; reply: SiteRules; to: 'background' };
  /** All sites that have rules or automatic stripping. */
  'list-sites': { request: Record<never, never>; reply: Record<string, SiteRules>; to: 'background' };
  'add-site-rule': {
    request: { host: string; kind: 'hide' | 'keep'; selector: string };
    reply: SiteRules;
    to: 'background';
  };
  'remove-site-rule': {
    request: { host: string; kind: 'hide' | 'keep'; selector: string };
    reply: SiteRules;
    to: 'background';
  };
  /** Forget everything about a host: rules, automatic stripping, its registered content script. */
  'clear-site': { request: { host: string }; reply: void; to: 'background' };
  /** Content → background: the page's strip state changed (drives the badge). Tab from the sender. */
  'strip-state-changed': { request: { stripped: boolean; count: number }; reply: void; to: 'background' };
  /** Make sure the content script is in the tab (injects it via scripting when absent). */
  'ensure-content': { request: { tabId: number }; reply: void; to: 'background' };
  /**
   * Content → background: inject one of the content script's on-demand parts (content.js leaves
   * them out to stay small) into the sender's frame. Only the files named here are accepted.
   */
  'inject-addon': { request: { file: ContentAddonFile }; reply: void; to: 'background' };
}

/** The on-demand parts of the content script (see src/content/content-addons.ts). */
export type ContentAddonFile = 'content-extract.js' | 'content-picker.js' | 'content-export.js';

export type RequestType = keyof Protocol;

/** A request of one type: `{ type, ...payload }`. */
export type RequestOf<K extends RequestType> = { type: K } & Protocol[K]['request'];

/** The discriminated union of all requests. */
export type Request = { [K in RequestType]: RequestOf<K> }[RequestType];

export type ReplyOf<K extends RequestType> = Protocol[K]['reply'];

export type ContentRequestType = { [K in RequestType]: Protocol[K]['to'] extends 'content' ? K : never }[RequestType];
export type BackgroundRequestType = Exclude<RequestType, ContentRequestType>;

/**
 * The background refuses pages the browser keeps extensions out of with an Error whose message
 * ends in `[restricted:<reason>]` (reasons as in src/popup/page-access.ts); this reads it back.
 */
export function restrictedReasonOf(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  return /\[restricted:([a-z-]+)\]/.exec(message)?.[1] ?? null;
}

type Envelope<T> = { __clearpage: true; ok: true; value: T } | { __clearpage: true; ok: false; error: string };

const REQUEST_TYPES: ReadonlySet<string> = new Set<RequestType>([
  'ping',
  'extract',
  'strip',
  'restore',
  'get-strip-state',
  'show-again',
  'start-picker',
  'cancel-picker',
  'write-clipboard',
  'copy-markdown',
  'toggle-strip',
  'set-site-auto',
  'get-site',
  'list-sites',
  'add-site-rule',
  'remove-site-rule',
  'clear-site',
  'strip-state-changed',
  'ensure-content',
  'inject-addon',
]);

/** Whether a value received from the runtime looks like one of our requests. */
export function isRequest(value: unknown): value is Request {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    REQUEST_TYPES.has((value as { type: string }).type)
  );
}

/**
 * Send a request and resolve with its reply. Content-script requests need `{ tabId }`
 * (and `frameId`, default 0 = top frame); background requests must not have it.
 */
export function send<K extends ContentRequestType>(
  request: RequestOf<K>,
  target: { tabId: number; frameId?: number },
): Promise<ReplyOf<K>>;
export function send<K extends BackgroundRequestType>(request: RequestOf<K>): Promise<ReplyOf<K>>;
export async function send(request: Request, target?: { tabId: number; frameId?: number }): Promise<unknown> {
  const raw: unknown = target
    ? await browser.tabs.sendMessage(target.tabId, request, { frameId: target.frameId ?? 0 })
    : await browser.runtime.sendMessage(request);
  if (typeof raw !== 'object' || raw === null || !(raw as { __clearpage?: unknown }).__clearpage) {
    throw new Error(`No Clearpage handler answered "${request.type}"`);
  }
  const envelope = raw as Envelope<unknown>;
  if (!envelope.ok) throw new Error(envelope.error);
  return envelope.value;
}

/** Handler functions for some request types; each gets the request and its sender. */
export type Handlers = {
  [K in RequestType]?: (request: RequestOf<K>, sender: Runtime.MessageSender) => ReplyOf<K> | Promise<ReplyOf<K>>;
};

/**
 * Answer the given request types in this context; other messages are left to other
 * listeners (a popup and the background can both listen). Returns a function that
 * removes the listener.
 */
export function handle(handlers: Handlers): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<Envelope<unknown>> | undefined => {
    // Only the types handled here: an own key of `handlers` (never an inherited one, such as
    // "toString") is a request type, so the content script needs no list of all of them.
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handler = handlers[type as RequestType] as
      | ((request: Request, sender: Runtime.MessageSender) => unknown)
      | undefined;
    if (!handler) return undefined;
    return (async (): Promise<Envelope<unknown>> => {
      try {
        const value = await handler(message as Request, sender);
        return { __clearpage: true, ok: true, value: value === undefined ? null : value };
      } catch (error) {
        return { __clearpage: true, ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    })();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
