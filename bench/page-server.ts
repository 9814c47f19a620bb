/**
 * A localhost server for the browser half of the benchmark. It serves each corpus page decoded
 * by decode-html.ts and re-labelled UTF-8, so Chromium reads the same text the Node half scores.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { decodeHtml } from './decode-html';

export interface PageServer {
  /** The URL at which `path` is served. */
  urlFor(path: string): string;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 that serves registered files by number. */
export async function startPageServer(): Promise<PageServer> {
  const files: string[] = [];
  const ids = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const m = /^\/page\/(\d+)\.html$/.exec(req.url ?? '');
    const path = m ? files[Number(m[1])] : undefined;
    if (!path) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    try {
      const { html } = decodeHtml(readFileSync(path));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    urlFor(path: string) {
      let id = ids.get(path);
      if (id === undefined) {
        id = files.push(path) - 1;
        ids.set(path, id);
      }
      return `http://127.0.0.1:${port}/page/${id}.html`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
