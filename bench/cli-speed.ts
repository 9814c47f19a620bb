/**
 * CLI throughput: one `node bin/clearpage.js --format json FILE...` process over a batch of corpus
 * pages, timed from spawn to exit (Node start-up included, as a user running it would see).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './corpora';

export interface CliResult {
  skipped?: string;
  command: string;
  files: number;
  seconds: number;
  pagesPerSecond: number;
  /** JSON lines with article fields / with an `error` field. */
  articles: number;
  errors: number;
  exitCode: number | null;
}

/** The CLI entry to run: bin/clearpage.js, else the built dist/cli/clearpage.js. */
export function cliEntry(): string | null {
  return [join(REPO_ROOT, 'bin', 'clearpage.js'), join(REPO_ROOT, 'dist', 'cli', 'clearpage.js')].find((p) => existsSync(p)) ?? null;
}

/** Runs the CLI once over `files` and counts its JSON lines. */
export async function measureCli(files: string[], timeoutMs = 600_000): Promise<CliResult> {
  const entry = cliEntry();
  const command = `node ${entry ? entry.slice(REPO_ROOT.length + 1) : 'bin/clearpage.js'} --format json <${files.length} files>`;
  if (!entry) return { skipped: 'no CLI (bin/clearpage.js or dist/cli/clearpage.js) yet', command, files: files.length, seconds: 0, pagesPerSecond: 0, articles: 0, errors: 0, exitCode: null };
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry, '--format', 'json', ...files], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    let articles = 0;
    let errors = 0;
    let buffer = '';
    const count = (line: string) => {
      if (!line.trim()) return;
      try {
        const obj = JSON.parse(line) as { error?: unknown };
        if (obj.error !== undefined) errors++;
        else articles++;
      } catch {
        // pretty-printed JSON or noise: not a JSON line
      }
    };
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        count(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      count(buffer);
      const seconds = (performance.now() - start) / 1000;
      resolve({ command, files: files.length, seconds, pagesPerSecond: files.length / seconds, articles, errors, exitCode: code });
    });
  });
}
