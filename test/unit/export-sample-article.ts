/** A hand-made Article for the export tests, shaped like the bdnews24 explainer plus a blog's code and tables. */
import type { Article } from '../../src/core/types';

export function sampleArticle(overrides: Partial<Article> = {}): Article {
  return {
    url: 'https://bdnews24.example/world/isis-k-explainer?ref=1&x=2',
    title: 'What is "ISIS-K": the group behind the Moscow concert hall attack?',
    byline: 'Reuters',
    siteName: 'bdnews24.com',
    publishedTime: '2024-03-23T04:04:00+06:00',
    modifiedTime: '2024-03-23T10:30:00+06:00',
    lang: 'en',
    dir: 'ltr',
    excerpt: 'Islamic State claimed responsibility.',
    html: [
      '<p>Gunmen opened fire at a <a href="https://example.com/hall">concert hall</a> near Moscow on Friday.</p>',
      '<h2 id="cp-what-is-isis-k">WHAT IS ISIS-K?</h2>',
      '<p>Islamic State Khorasan Province, named after a region that once included parts of Iran, Turkmenistan and Afghanistan.</p>',
      '<p></p><p>   </p>',
      '<h2 id="cp-what-attacks">WHAT ATTACKS HAS IT CARRIED OUT?</h2>',
      '<ul><li>Kabul airport, 2021<ul><li>13 US troops killed</li></ul></li><li>Kerman, Iran, 2024</li></ul>',
      '<ol start="3"><li>third</li><li>fourth</li></ol>',
      '<h2 id="cp-threat">HOW BIG A THREAT IS IT?</h2>',
      '<pre><code class="language-python">def f(x):\n\n\n\n    return x | 1</code></pre>',
      '<table><tr><td>Year</td><td>Attack | place</td></tr><tr><td>2021</td><td>Kabul<br>airport</td></tr><tr><td colspan="2">wide</td></tr></table>',
      '<figure><img src="https://img.example/a (1).jpg" alt="Crowd [outside]"><figcaption>Outside the hall</figcaption></figure>',
      '<p>বাংলা — 日本語 — עברית — emoji 🎉 — * _ # not markup</p>',
      '<script>alert(1)</script><p onclick="steal()">Last paragraph.</p>',
    ].join('\n'),
    text: [
      'Gunmen opened fire at a concert hall near Moscow on Friday.',
      'WHAT IS ISIS-K?',
      'Islamic State Khorasan Province, named after a region that once included parts of Iran, Turkmenistan and Afghanistan.',
      'WHAT ATTACKS HAS IT CARRIED OUT?',
      'বাংলা — 日本語 — עברית — emoji 🎉',
    ].join('\n\n'),
    outline: [
      { level: 2, text: 'WHAT IS ISIS-K?', id: 'cp-what-is-isis-k' },
      { level: 2, text: 'WHAT ATTACKS HAS IT CARRIED OUT?', id: 'cp-what-attacks' },
      { level: 2, text: 'HOW BIG A THREAT IS IT?', id: 'cp-threat' },
    ],
    wordCount: 120,
    readingTimeMinutes: 1,
    removed: [{ category: 'related', sample: 'RELATED STORIES', reason: "heading 'Related stories'" }],
    sources: { title: 'json-ld', byline: 'json-ld', publishedTime: 'meta' },
    image: 'https://img.example/a.jpg',
    ...overrides,
  };
}
