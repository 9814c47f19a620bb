/** Reading the CLI's inputs (files, standard input, http(s) URLs) and decoding their bytes to text. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The raw page: its bytes, the Content-Type it was served with, and the URL it ended up at. */
export interface RawInput {
  bytes: Uint8Array;
  contentType: string | null;
  url: string | null;
}

export interface ReadOptions {
  readStdin: () => Promise<Uint8Array>;
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
}

/** True when the CLI input names an http(s) URL rather than a file. */
export function isHttpUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Reads one input: `-` is standard input, an http(s) URL is fetched, anything else is a file path or file: URL. */
export async function readInput(input: string, options: ReadOptions): Promise<RawInput> {
  if (input === '-') return { bytes: await options.readStdin(), contentType: null, url: null };
  if (isHttpUrl(input)) return fetchPage(input, options);
  const path = /^file:/i.test(input) ? fileURLToPath(input) : input;
  try {
    const bytes = await readFile(path);
    if (bytes.length > options.maxBytes) throw new Error(`file is larger than ${options.maxBytes >> 20} MB`);
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), contentType: null, url: null };
  } catch (err) {
    throw new Error(describeFsError(err), { cause: err });
  }
}

function describeFsError(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not an HTML file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read (${err instanceof Error ? err.message : String(err)})`;
}

async function fetchPage(url: string, options: ReadOptions): Promise<RawInput> {
  let res: Response;
  try {
    res = await options.fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' },
    });
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new Error(`no answer within ${Math.round(options.timeoutMs / 1000)} s`, { cause: err });
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`cannot fetch (${cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err))})`, { cause: err });
  }
  if (!res.ok) throw new Error(`the server answered HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
  const contentType = res.headers.get('content-type');
  if (contentType && !/html|xml|text\/plain/i.test(contentType)) {
    throw new Error(`not an HTML page (Content-Type: ${contentType.split(';')[0]!.trim()})`);
  }
  const length = Number(res.headers.get('content-length') ?? '0');
  if (length > options.maxBytes) throw new Error(`page is larger than ${options.maxBytes >> 20} MB`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > options.maxBytes) throw new Error(`page is larger than ${options.maxBytes >> 20} MB`);
  return { bytes, contentType, url: res.url || url };
}

/** Returns the encoding a TextDecoder knows for `label`, or null. */
function knownEncoding(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().replace(/^["']|["']$/g, '')).encoding;
  } catch {
    return null;
  }
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function charsetParam(contentType: string | null | undefined): string | null {
  const m = contentType ? /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType) : null;
  return m ? m[2]! : null;
}

/** The charset a page declares in <meta charset> or <meta http-equiv="Content-Type"> near its start. */
export function declaredMetaCharset(bytes: Uint8Array): string | null {
  // Like the HTML spec's prescan: look at the first bytes as Latin-1, skipping comments.
  const head = Array.from(bytes.subarray(0, 4096), (b) => String.fromCharCode(b))
    .join('')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const attrs = new Map<string, string>();
    for (const m of tag.matchAll(/([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
      attrs.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
    }
    if (attrs.has('charset')) return attrs.get('charset')!;
    if (attrs.get('http-equiv')?.toLowerCase() === 'content-type') {
      const declared = charsetParam(attrs.get('content'));
      if (declared) return declared;
    }
  }
  return null;
}

/**
 * Picks the encoding of an HTML page's bytes: a byte order mark wins (as in browsers), then the
 * Content-Type charset, then a <meta> declaration, else UTF-8.
 */
export function sniffEncoding(bytes: Uint8Array, contentType?: string | null): string {
  const bom = bomEncoding(bytes);
  if (bom) return bom;
  const fromHeader = knownEncoding(charsetParam(contentType));
  if (fromHeader) return fromHeader;
  const fromMeta = knownEncoding(declaredMetaCharset(bytes));
  // A page cannot really be UTF-16 if its <meta> was readable as ASCII; browsers read it as UTF-8.
  if (fromMeta) return fromMeta.startsWith('utf-16') ? 'utf-8' : fromMeta === 'x-user-defined' ? 'windows-1252' : fromMeta;
  return 'utf-8';
}

/** Decodes an HTML page's bytes to text with the encoding it declares (see sniffEncoding). */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  return new TextDecoder(sniffEncoding(bytes, contentType)).decode(bytes);
}
