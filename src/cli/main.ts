/**
 * The Node entry of the CLI (built into dist/cli/clearpage.js): wires the process's streams to
 * main() and gives the sanitiser a jsdom window, since DOMPurify cannot run on linkedom.
 */
import { JSDOM } from 'jsdom';
import { setSanitizerWindowFactory } from '../core/sanitize';
import type { PurifierWindow } from '../core/sanitize';
import { main } from './run';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

// `clearpage ... | head`: the reader went away; stop quietly instead of a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

setSanitizerWindowFactory(() => new JSDOM('<!doctype html><html><head></head><body></body></html>').window as unknown as PurifierWindow);

main(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readStdin,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`clearpage: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
