/**
 * Scoring as /work/shared/README.md (the corpora's README) defines it: whitespace-normalised
 * substring checks of `with` / `without` snippets, summed over pages; and a token F1 for
 * comparing two texts (the regression signal on Readability's test pages).
 */

/** Collapses every run of whitespace to one space and trims. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface SnippetScore {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
  /** `with` snippets not found in the text (false negatives). */
  missed: string[];
  /** `without` snippets found in the text (false positives). */
  leaked: string[];
}

/** Scores one extracted text against a page's `with` and `without` snippets. An empty text finds nothing. */
export function scoreSnippets(text: string, withSnippets: string[], withoutSnippets: string[]): SnippetScore {
  const haystack = normalizeWhitespace(text);
  const found = (snippet: string): boolean => {
    const needle = normalizeWhitespace(snippet);
    return haystack.length > 0 && needle.length > 0 && haystack.includes(needle);
  };
  const missed = withSnippets.filter((s) => !found(s));
  const leaked = withoutSnippets.filter((s) => found(s));
  return {
    tp: withSnippets.length - missed.length,
    fn: missed.length,
    fp: leaked.length,
    tn: withoutSnippets.length - leaked.length,
    missed,
    leaked,
  };
}

export interface Totals {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision tp/(tp+fp), recall tp/(tp+fn), F1 2tp/(2tp+fp+fn); 0 where a denominator is 0. */
export function precisionRecall(t: Totals): PrecisionRecall {
  const div = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    precision: div(t.tp, t.tp + t.fp),
    recall: div(t.tp, t.tp + t.fn),
    f1: div(2 * t.tp, 2 * t.tp + t.fp + t.fn),
  };
}

/** Adds one page's counts to running totals. */
export function addTotals(into: Totals, s: Totals): void {
  into.tp += s.tp;
  into.fn += s.fn;
  into.fp += s.fp;
  into.tn += s.tn;
}

/** Lower-cased word tokens (letters and digits in any script). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Token-multiset F1 between an extracted text and a reference text. Two empty texts score 1. */
export function tokenF1(extracted: string, reference: string): number {
  const a = tokenize(extracted);
  const b = tokenize(reference);
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of a) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      overlap++;
      counts.set(t, c - 1);
    }
  }
  const p = overlap / a.length;
  const r = overlap / b.length;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** The value at quantile q (0..1) of a list of numbers, by nearest rank; NaN for an empty list. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}
