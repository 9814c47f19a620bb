/**
 * The UI string catalogues: every key the popup and options pages name exists in English and
 * Bengali, Bengali is really translated, and both keep the same placeholders.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const en = JSON.parse(read('src/_locales/en/messages.json')) as Catalogue;
const bn = JSON.parse(read('src/_locales/bn/messages.json')) as Catalogue;

/** Keys named by data-i18n / data-i18n-attr in a page, and __MSG_…__ in the manifest. */
function keysUsedBy(path: string): string[] {
  const text = read(path);
  const keys = [...text.matchAll(/data-i18n="(\w+)"/g)].map((m) => m[1]);
  for (const m of text.matchAll(/data-i18n-attr="([^"]+)"/g)) {
    for (const pair of m[1].split(';')) keys.push(pair.split(':')[1].trim());
  }
  keys.push(...[...text.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]));
  return [...new Set(keys)];
}

/** Strings that are the same in every language: names and formats. */
const SAME_IN_BENGALI = new Set(['extName', 'formatMarkdown', 'formatMarkdownName', 'formatJsonName']);

describe('UI strings', () => {
  for (const page of ['src/popup/popup.html', 'src/options/options.html', 'manifest.json']) {
    it(`${page}: every key exists in en and bn`, () => {
      const keys = keysUsedBy(page);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.filter((k) => !en[k])).toEqual([]);
      expect(keys.filter((k) => !bn[k])).toEqual([]);
    });
  }

  it('Bengali has exactly the English keys, translated, with the same placeholders', () => {
    expect(Object.keys(bn).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(en)) {
      const other = bn[key];
      expect(Object.keys(other.placeholders ?? {}), key).toEqual(Object.keys(entry.placeholders ?? {}));
      expect([...other.message.matchAll(/\$\w+\$/g)].map((m) => m[0]).sort(), key).toEqual(
        [...entry.message.matchAll(/\$\w+\$/g)].map((m) => m[0]).sort(),
      );
      if (!SAME_IN_BENGALI.has(key)) {
        expect(other.message, key).not.toBe(entry.message);
        // Real Bengali: the translation is written in Bengali script.
        expect(other.message, key).toMatch(/[\u0980-\u09FF]/);
      }
    }
  });

  it('Chrome-valid keys and messages', () => {
    for (const catalogue of [en, bn]) {
      for (const [key, entry] of Object.entries(catalogue)) {
        expect(key).toMatch(/^[A-Za-z0-9_]+$/);
        expect(typeof entry.message).toBe('string');
        for (const name of [...entry.message.matchAll(/\$(\w+)\$/g)].map((m) => m[1])) {
          expect(entry.placeholders?.[name.toLowerCase()], `${key}: placeholder ${name}`).toBeDefined();
        }
      }
    }
  });
});
