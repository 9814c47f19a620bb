/**
 * Metadata on Readability's test pages: per field, the share of pages where a system's value
 * matches expected-metadata.json, plus a token F1 of the content against expected.html.
 */
import { existsSync, readFileSync } from 'node:fs';
import { READABILITY_TEST_URL, type ReferencePage } from './corpora';
import { METADATA_FIELDS, type Metadata, type MetadataFieldName, type SystemName } from './systems';
import type { WorkerPool } from './worker-pool';

/**
 * A value as compared: trimmed, with null, a missing key and the empty string all meaning
 * "no value". Two "no value"s match: saying nothing where the page says nothing is right.
 */
export function comparableValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
}

/** Exact match after trimming, null/absent/empty treated alike. */
export function metadataMatches(actual: unknown, expected: unknown): boolean {
  return comparableValue(actual) === comparableValue(expected);
}

/**
 * publishedTime written differently but meaning the same moment ("2015-07-24T05:36:09+01:00" vs
 * "2015-07-24T04:36:09.000Z"), or the same day when one side gives only a date. Reported beside the
 * exact score because Clearpage normalises dates to ISO 8601 while Readability passes the page's string through.
 */
export function sameInstant(actual: unknown, expected: unknown): boolean {
  const a = comparableValue(actual);
  const e = comparableValue(expected);
  if (a === null || e === null) return a === e;
  if (a === e) return true;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
  if (dateOnly.test(a) || dateOnly.test(e)) return a.slice(0, 10) === e.slice(0, 10);
  const ta = Date.parse(a);
  const te = Date.parse(e.replace(/(\.\d{3})\d+$/, '$1').replace(' ', 'T'));
  return Number.isFinite(ta) && ta === te;
}

/** How a system's value and expected-metadata.json's differ on one field of one page. */
export type DisagreementKind = 'onlyOurs' | 'onlyExpected' | 'sameInstant' | 'different' | 'error';

/** Per field: how many pages mismatch, split by how they differ. */
export type Disagreements = Record<MetadataFieldName, Record<DisagreementKind, number> & { mismatches: number }>;

/**
 * Sorts a mismatch: the system found a value where the expected one is empty (`onlyOurs`), the
 * other way round (`onlyExpected`), both have dates meaning the same moment written differently
 * (`sameInstant`, publishedTime only), or both have values that differ (`different`).
 */
export function disagreementKind(field: MetadataFieldName, actual: unknown, expected: unknown): DisagreementKind {
  const a = comparableValue(actual);
  const e = comparableValue(expected);
  if (e === null) return 'onlyOurs';
  if (a === null) return 'onlyExpected';
  return field === 'publishedTime' && sameInstant(a, e) ? 'sameInstant' : 'different';
}

export interface MetadataSystemSummary {
  pages: number;
  errors: number;
  /** Share of pages matching, per field (0..1). */
  fields: Record<MetadataFieldName, number>;
  publishedTimeSameInstant: number;
  /** Mismatches per field, by kind (see disagreementKind). */
  disagreements: Disagreements;
  /** Mean token F1 of the content text against expected.html's text. */
  meanTokenF1: number;
  nodeMedianMs: number;
}

export interface MetadataPageRecord {
  name: string;
  /** expected-metadata.json's values. */
  expected: Partial<Metadata>;
  results: Partial<Record<SystemName, { error?: string; tokenF1?: number; metadata?: Metadata; mismatches: { field: MetadataFieldName; actual: string | null; expected: string | null }[] }>>;
}

export interface MetadataResult {
  pages: number;
  systems: Partial<Record<SystemName, MetadataSystemSummary>>;
  records: MetadataPageRecord[];
  /** Scores against our hand-checked truth (bench/metadata-truth.json), when it exists. */
  truth: TruthScore | null;
}

/** Runs the systems over Readability's test pages and scores each metadata field. */
export async function runMetadata(
  pages: ReferencePage[],
  systems: SystemName[],
  pool: WorkerPool,
  progress: (done: number, total: number) => void,
): Promise<MetadataResult> {
  const records: MetadataPageRecord[] = pages.map((p) => ({ name: p.name, expected: {}, results: {} }));
  const acc = new Map(
    systems.map((s) => [s, { errors: 0, matches: Object.fromEntries(METADATA_FIELDS.map((f) => [f, 0])) as Record<MetadataFieldName, number>, instant: 0, f1: 0, ms: [] as number[] }]),
  );
  let done = 0;
  await Promise.all(
    pages.flatMap((page, i) =>
      systems.map(async (system) => {
        let expected: Partial<Metadata> = {};
        try {
          expected = JSON.parse(readFileSync(page.metadataPath, 'utf8')) as Partial<Metadata>;
        } catch {
          // no expected metadata: every field expects "no value"
        }
        records[i].expected = expected;
        const r = await pool.run({ kind: 'reference', system, sourcePath: page.sourcePath, expectedPath: page.expectedPath, url: READABILITY_TEST_URL });
        const a = acc.get(system)!;
        if (r.ok && r.kind === 'reference') {
          const mismatches: MetadataPageRecord['results'][SystemName] = { tokenF1: r.tokenF1, metadata: r.metadata, mismatches: [] };
          for (const f of METADATA_FIELDS) {
            if (metadataMatches(r.metadata[f], expected[f])) a.matches[f]++;
            else mismatches.mismatches.push({ field: f, actual: comparableValue(r.metadata[f]), expected: comparableValue(expected[f]) });
          }
          if (sameInstant(r.metadata.publishedTime, expected.publishedTime)) a.instant++;
          a.f1 += r.tokenF1;
          a.ms.push(r.ms);
          records[i].results[system] = mismatches;
        } else {
          a.errors++;
          const mismatches = METADATA_FIELDS.filter((f) => comparableValue(expected[f]) !== null).map((f) => ({ field: f, actual: null, expected: comparableValue(expected[f]) }));
          // A crash finds nothing: fields whose expected value is "no value" still match.
          for (const f of METADATA_FIELDS) if (comparableValue(expected[f]) === null) a.matches[f]++;
          if (comparableValue(expected.publishedTime) === null) a.instant++;
          records[i].results[system] = { error: r.ok ? 'unexpected result' : r.error, tokenF1: 0, mismatches };
        }
        progress(++done, pages.length * systems.length);
      }),
    ),
  );
  const summary: MetadataResult['systems'] = {};
  for (const [system, a] of acc) {
    const n = pages.length || 1;
    const sorted = [...a.ms].sort((x, y) => x - y);
    summary[system] = {
      pages: pages.length,
      errors: a.errors,
      fields: Object.fromEntries(METADATA_FIELDS.map((f) => [f, a.matches[f] / n])) as Record<MetadataFieldName, number>,
      publishedTimeSameInstant: a.instant / n,
      disagreements: disagreementsOf(records, system),
      meanTokenF1: a.f1 / n,
      nodeMedianMs: sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN,
    };
  }
  return { pages: pages.length, systems: summary, records, truth: scoreTruth(records, loadTruth(), systems) };
}

function disagreementsOf(records: MetadataPageRecord[], system: SystemName): Disagreements {
  const d = Object.fromEntries(
    METADATA_FIELDS.map((f) => [f, { mismatches: 0, onlyOurs: 0, onlyExpected: 0, sameInstant: 0, different: 0, error: 0 }]),
  ) as Disagreements;
  for (const r of records) {
    const o = r.results[system];
    for (const m of o?.mismatches ?? []) {
      d[m.field].mismatches++;
      // A crash or timeout finds nothing: not a disagreement about the page.
      d[m.field][o?.error ? 'error' : disagreementKind(m.field, m.actual, m.expected)]++;
    }
  }
  return d;
}

/** The fields our hand-checked truth covers. */
export const TRUTH_FIELDS = ['byline', 'publishedTime'] as const;
export type TruthField = (typeof TRUTH_FIELDS)[number];

/** One hand-checked value: what the page says (null: it states none), and why we read it so. */
export interface TruthEntry {
  value: string | null;
  reason: string;
}

/** bench/metadata-truth.json: page name → field → hand-checked value. */
export interface MetadataTruth {
  about: string;
  pages: Record<string, Partial<Record<TruthField, TruthEntry>>>;
}

export interface TruthScore {
  /** Per field: pages annotated, and how many each system (and expected-metadata.json) gets right. */
  fields: Record<TruthField, { annotated: number; scored: number; correct: Partial<Record<SystemName | 'expected', number>>; wrong: Partial<Record<SystemName | 'expected', string[]>> }>;
}

const TRUTH_PATH = new URL('./metadata-truth.json', import.meta.url);

function loadTruth(): MetadataTruth | null {
  if (!existsSync(TRUTH_PATH)) return null;
  return JSON.parse(readFileSync(TRUTH_PATH, 'utf8')) as MetadataTruth;
}

/**
 * A byline as a name: case, spacing, a leading "By"/"Par"/"Von" and trailing punctuation do not
 * count (Readability keeps "By Jane Doe", others write "Jane Doe"; both name the same person).
 */
export function bylineKey(v: unknown): string | null {
  const s = comparableValue(v);
  if (s === null) return null;
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').replace(/^(by|par|von|por|door|di)\s*:?\s+/, '').replace(/[\s.,;:|]+$/, '') || null;
}

interface DateParts {
  date: string;
  time: string | null;
  offsetMinutes: number | null;
}

function dateParts(v: string): DateParts | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(v.trim());
  if (!m) return null;
  const off = m[4];
  const offsetMinutes = !off ? null : /z/i.test(off) ? 0 : (off[0] === '-' ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(-2)));
  return { date: m[1]!, time: m[2] ? `${m[2]}:${m[3] ?? '00'}` : null, offsetMinutes };
}

/**
 * A published time agrees with the hand-checked one: the same instant when both state a time and
 * an offset; the same local date and time when one has no offset; the same date when one has no time.
 */
export function sameDateAsTruth(actual: unknown, truth: string | null): boolean {
  const a = comparableValue(actual);
  if (a === null || truth === null) return a === truth;
  const pa = dateParts(a);
  const pt = dateParts(truth);
  if (!pa || !pt) return a === truth;
  if (pa.time === null || pt.time === null) return pa.date === pt.date;
  if (pa.offsetMinutes !== null && pt.offsetMinutes !== null) {
    const ms = (p: DateParts) => Date.parse(`${p.date}T${p.time}Z`) - p.offsetMinutes! * 60000;
    return ms(pa) === ms(pt);
  }
  return pa.date === pt.date && pa.time.slice(0, 5) === pt.time.slice(0, 5);
}

/** Scores each system, and expected-metadata.json itself, on the pages of the hand-checked truth. */
export function scoreTruth(records: MetadataPageRecord[], truth: MetadataTruth | null, systems: SystemName[]): TruthScore | null {
  if (!truth) return null;
  const byName = new Map(records.map((r) => [r.name, r]));
  const fields = Object.fromEntries(TRUTH_FIELDS.map((f) => [f, { annotated: 0, scored: 0, correct: {}, wrong: {} }])) as TruthScore['fields'];
  for (const [page, entries] of Object.entries(truth.pages)) {
    const record = byName.get(page);
    for (const field of TRUTH_FIELDS) {
      const entry = entries[field];
      if (!entry) continue;
      fields[field].annotated++;
      // Pages outside this run's sample are not scored.
      if (!record) continue;
      fields[field].scored++;
      const right = (v: unknown) => (field === 'byline' ? bylineKey(v) === bylineKey(entry.value) : sameDateAsTruth(v, entry.value));
      const judge = (who: SystemName | 'expected', v: unknown) => {
        if (right(v)) fields[field].correct[who] = (fields[field].correct[who] ?? 0) + 1;
        else (fields[field].wrong[who] ??= []).push(page);
      };
      judge('expected', record.expected[field]);
      for (const s of systems) {
        const o = record.results[s];
        if (o) judge(s, o.error ? null : o.metadata?.[field]);
      }
    }
  }
  return { fields };
}

/**
 * One sentence per field with mismatches, saying how many are values Readability did not find
 * ("publishedTime: 31 of 35 mismatches are values expected-metadata.json does not have").
 */
export function metadataDisagreementSentence(m: Omit<MetadataResult, 'records'>, system: SystemName = 'clearpage'): string {
  const d = m.systems[system]?.disagreements;
  if (!d) return '';
  const parts = METADATA_FIELDS.filter((f) => d[f].mismatches > 0).map((f) => {
    const x = d[f];
    const bits: string[] = [];
    if (x.onlyOurs) bits.push(`${x.onlyOurs} are values Readability did not find`);
    if (x.sameInstant) bits.push(`${x.sameInstant} the same moment written differently`);
    if (x.different) bits.push(`${x.different} differ`);
    if (x.onlyExpected) bits.push(`${x.onlyExpected} Clearpage left empty`);
    if (x.error) bits.push(`${x.error} on a page where Clearpage failed (crash or timeout)`);
    return `${f}: of ${x.mismatches} mismatch${x.mismatches === 1 ? '' : 'es'}, ${bits.join(', ')}`;
  });
  return parts.length ? `${parts.join('; ')}.` : 'No mismatches.';
}

/** A Markdown list of every metadata mismatch, per page and system. */
export function metadataDiffMarkdown(result: MetadataResult, title: string): string {
  const lines = [`# ${title}`, '', 'Per page and system: fields that do not match expected-metadata.json (trimmed; null, absent and "" alike), and the content token F1 against expected.html.', ''];
  if (result.systems.clearpage) lines.push(`Clearpage's mismatches by kind: ${metadataDisagreementSentence(result)}`, '');
  const t = result.truth;
  if (t) {
    lines.push('Against hand-checked values (bench/metadata-truth.json):', '');
    for (const f of TRUTH_FIELDS) {
      const x = t.fields[f];
      const who = (['clearpage', 'readability', 'expected'] as const).map((s) => `${s} ${x.correct[s] ?? 0}${x.wrong[s]?.length ? ` (wrong: ${x.wrong[s]!.join(', ')})` : ''}`);
      lines.push(`- ${f}, ${x.scored} pages: ${who.join('; ')}`);
    }
    lines.push('');
  }
  const clip = (v: string | null) => (v === null ? 'null' : `"${v.replace(/\s+/g, ' ').slice(0, 100)}"`);
  for (const r of result.records) {
    lines.push(`### ${r.name}`, '');
    for (const [system, o] of Object.entries(r.results)) {
      if (!o) continue;
      const head = `- **${system}**: token F1 ${(o.tokenF1 ?? 0).toFixed(3)}${o.error ? `, error (${o.error})` : ''}`;
      lines.push(head);
      for (const m of o.mismatches) lines.push(`  - ${m.field}: got ${clip(m.actual)}, expected ${clip(m.expected)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
