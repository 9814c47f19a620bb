import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../src/core/file-name';

describe('safeFileName', () => {
  it('keeps an ordinary title and adds the extension', () => {
    expect(safeFileName('What is ISIS-K?', 'md')).toBe('What is ISIS-K.md');
    expect(safeFileName('Notes', '.html')).toBe('Notes.html');
  });

  it('replaces characters reserved on Windows, macOS or Linux', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j', 'txt')).toBe('a b c d e f g h i j.txt');
    expect(safeFileName('tab\there\nnew\u0000line', 'txt')).toBe('tab here new line.txt');
  });

  it('avoids reserved device names and hidden or trailing-dot names', () => {
    expect(safeFileName('CON', 'md')).toBe('_CON.md');
    expect(safeFileName('lpt1.backup', 'md')).toBe('_lpt1.backup.md');
    expect(safeFileName('...hidden', 'md')).toBe('hidden.md');
    expect(safeFileName('ends with dot.', 'md')).toBe('ends with dot.md');
    expect(safeFileName('Console', 'md')).toBe('Console.md');
  });

  it('falls back to "article" for empty titles', () => {
    expect(safeFileName('', 'md')).toBe('article.md');
    expect(safeFileName(' ?*/ ', 'json')).toBe('article.json');
  });

  it('keeps Unicode, strips bidi overrides, and stays within 100 characters and 200 bytes', () => {
    expect(safeFileName('ইসলামিক স্টেট খোরাসান কী', 'md')).toBe('ইসলামিক স্টেট খোরাসান কী.md');
    expect(safeFileName('invoice\u202Efdp.exe', 'md')).toBe('invoicefdp.exe.md');
    const long = safeFileName('word '.repeat(60), 'md');
    expect([...long].length).toBeLessThanOrEqual(100);
    expect(long.endsWith('.md')).toBe(true);
    const cjk = safeFileName('山'.repeat(150), 'md');
    expect(new TextEncoder().encode(cjk).length).toBeLessThanOrEqual(200);
    const emoji = safeFileName('🎉'.repeat(120), 'md');
    expect(emoji).toMatch(/^(?:🎉)+\.md$/u);
  });
});
