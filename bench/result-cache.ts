/**
 * A cache of baseline results for quick runs. Defuddle's output on a page only changes when the
 * page or Defuddle's version does, and it is the slowest system here, so `--quick` reuses its
 * per-page scores (and says so); a full run always runs everything and refreshes the cache.
 */
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { CACHE_DIR, REPO_ROOT } from './corpora';
import type { WorkerResult } from './extract-worker';

const FILE = join(CACHE_DIR, 'bench', 'baseline-cache.json');

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export class ResultCache {
  private entries: Record<string, WorkerResult>;
  private dirty = false;
  private readonly versions: Record<string, string> = {
    defuddle: packageVersion('defuddle'),
    readability: packageVersion('@mozilla/readability'),
  };

  constructor() {
    try {
      this.entries = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, WorkerResult>) : {};
    } catch {
      this.entries = {};
    }
  }

  /** The key of one system's result on one page: system version, file identity and the snippets. */
  key(system: string, path: string, snippets: unknown): string | null {
    if (!existsSync(path)) return null;
    const st = statSync(path);
    const hash = createHash('sha1').update(JSON.stringify(snippets)).digest('hex').slice(0, 12);
    return `${system}@${this.versions[system] ?? '?'}|${path}|${st.size}|${Math.round(st.mtimeMs)}|${hash}`;
  }

  get(key: string | null): WorkerResult | undefined {
    return key ? this.entries[key] : undefined;
  }

  set(key: string | null, value: WorkerResult): void {
    if (!key || !value.ok) return;
    this.entries[key] = value;
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    mkdirSync(dirname(FILE), { recursive: true });
    writeFileSync(FILE, JSON.stringify(this.entries));
    this.dirty = false;
  }
}
