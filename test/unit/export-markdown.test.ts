import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, toMarkdown, yamlString } from '../../src/core/export-markdown';
import { sampleArticle } from './export-sample-article';

/** The front matter block as key → raw value. */
function frontMatter(markdown: string): Record<string, string> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  expect(m, 'front matter block').not.toBeNull();
  return Object.fromEntries(
    m![1]!.split('\n').map((line) => {
      const i = line.indexOf(': ');
      return [line.slice(0, i), line.slice(i + 2)];
    }),
  );
}

describe('toMarkdown', () => {
  const md = toMarkdown(sampleArticle());

  it('starts with YAML front matter holding the metadata, quoted and escaped', () => {
    const fm = frontMatter(md);
    expect(Object.keys(fm)).toEqual(['title', 'byline', 'site', 'source', 'published', 'modified', 'lang']);
    // Our double-quoted YAML scalars use only escapes JSON shares, so JSON.parse reads them back.
    const values = Object.fromEntries(Object.entries(fm).map(([k, v]) => [k, JSON.parse(v)]));
    expect(values).toEqual({
      title: 'What is "ISIS-K": the group behind the Moscow concert hall attack?',
      byline: 'Reuters',
      site: 'bdnews24.com',
      source: 'https://bdnews24.example/world/isis-k-explainer?ref=1&x=2',
      published: '2024-03-23T04:04:00+06:00',
      modified: '2024-03-23T10:30:00+06:00',
      lang: 'en',
    });
  });

  it('leaves out empty metadata and can drop the front matter', () => {
    const bare = toMarkdown(sampleArticle({ byline: null, modifiedTime: null }));
    expect(Object.keys(frontMatter(bare))).toEqual(['title', 'site', 'source', 'published', 'lang']);
    const none = toMarkdown(sampleArticle(), { frontMatter: false });
    expect(none.startsWith('# What is "ISIS-K"')).toBe(true);
    expect(none).not.toMatch(/^---$/m);
    expect(none).toContain('Reuters · bdnews24.com · 2024-03-23 04:04 +06:00');
  });

  it('turns the questions into ## headings, in order, under one # title', () => {
    expect(md.match(/^#{1,6} .*$/gm)).toEqual([
      '# What is "ISIS-K": the group behind the Moscow concert hall attack?',
      '## WHAT IS ISIS-K?',
      '## WHAT ATTACKS HAS IT CARRIED OUT?',
      '## HOW BIG A THREAT IS IT?',
    ]);
  });

  it('keeps lists, links, images and a fenced code block with its language', () => {
    expect(md).toContain('- Kabul airport, 2021\n  - 13 US troops killed\n- Kerman, Iran, 2024');
    expect(md).toContain('3. third\n4. fourth');
    expect(md).toContain('[concert hall](https://example.com/hall)');
    expect(md).toContain('![Crowd \\[outside\\]](https://img.example/a%20%281%29.jpg)');
    // Blank lines inside code are the code's own and survive.
    expect(md).toContain('```python\ndef f(x):\n\n\n\n    return x | 1\n```');
  });

  it('writes tables as GFM tables, even without a header row, with pipes escaped', () => {
    expect(md).toContain('| Year | Attack \\| place |\n| --- | --- |\n| 2021 | Kabul airport |\n| wide |  |');
  });

  it('keeps Unicode, escapes Markdown characters in text, and emits no HTML', () => {
    expect(md).toContain('বাংলা — 日本語 — עברית — emoji 🎉 — \\* \\_ # not markup');
    const outsideCode = md.replace(/```[\s\S]*?```/g, '');
    expect(outsideCode).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(md).not.toContain('alert(1)');
    expect(md).toContain('Last paragraph.');
  });

  it('never has more than one blank line in a row outside code', () => {
    const outsideCode = md.replace(/```[\s\S]*?```/g, '```');
    expect(outsideCode).not.toMatch(/\n\s*\n\s*\n/);
    expect(md.endsWith('\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
  });

  it('flattens a table nested in a cell into the cell text', () => {
    expect(htmlToMarkdown('<table><tr><th>a</th></tr><tr><td><table><tr><td>in | ner</td><td>two</td></tr></table></td></tr></table>')).toBe(
      '| a |\n| --- |\n| in \\| ner two |',
    );
  });

  it('keeps text that reads like HTML, autolinks or entities as text', () => {
    const out = htmlToMarkdown('<p>Type &lt;img src=x onerror=alert(1)&gt; or &lt;javascript:alert(1)&gt; and &amp;lt; here</p>');
    expect(out).toBe('Type \\<img src=x onerror=alert(1)> or \\<javascript:alert(1)> and \\&lt; here');
  });

  it('picks a fence longer than any fence inside the code', () => {
    const out = htmlToMarkdown('<pre><code class="language-md">```js\nx\n```</code></pre>');
    expect(out).toBe('````md\n```js\nx\n```\n````');
  });

  it('drops bold that wraps a whole heading (promoted question paragraphs)', () => {
    expect(htmlToMarkdown('<h2><strong>WHAT ATTACKS HAS IT CARRIED OUT?</strong></h2><h2><b>a</b> and <b>b</b></h2>')).toBe(
      '## WHAT ATTACKS HAS IT CARRIED OUT?\n\n## **a** and **b**',
    );
  });

  it('keeps a body <h1> that repeats the title instead of doubling it', () => {
    const out = toMarkdown(sampleArticle({ title: 'Same', html: '<h1>Same</h1><p>x</p>' }), { frontMatter: false });
    expect(out.match(/^# Same$/gm)).toHaveLength(1);
  });
});

describe('yamlString', () => {
  it('escapes quotes, backslashes, newlines and control characters', () => {
    const raw = 'a "b" \\ c\nd\te\u0007f\u2028g: #h';
    const quoted = yamlString(raw);
    expect(quoted).toBe('"a \\"b\\" \\\\ c\\nd\\te\\u0007f\\u2028g: #h"');
    expect(JSON.parse(quoted)).toBe(raw);
  });
});
