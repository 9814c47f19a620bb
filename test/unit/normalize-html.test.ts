/**
 * The normalising pass of extraction (no DOMPurify in the page) keeps exactly the markup the
 * sanitiser keeps, so text, structure and exports are what they were when extraction sanitised;
 * and whatever it lets through is sanitised again at every boundary.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { JSDOM } from 'jsdom';
import { normalizeArticleHtml } from '../../src/core/normalize-html';
import { sanitizeArticleHtml } from '../../src/core/sanitize';
import { XSS_PAYLOADS } from '../xss-payloads';

const holder = parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;

function normalized(html: string, doc: Document = holder): string {
  return normalizeArticleHtml(html, doc).innerHTML;
}

/** Ordinary article markup of the kinds Readability hands over. */
const ARTICLE_MARKUP = [
  '',
  '   \n<p>Leading whitespace kept like DOMPurify keeps it</p>',
  '<div id="readability-page-1" class="page"><h2 id="What next?">What next?</h2><p>Text <a href="#What%20next%3F">jump</a></p></div>',
  '<p>Text with <a href="https://example.org/a?b=1&amp;c=2" target="_BLANK" rel="nofollow" class="x" data-track="1">a link</a>, <a href="/relative">relative</a>, <a href="mailto:a@b.example">mail</a>, <a href="tel:123">tel</a>.</p>',
  '<figure class="wp-block-image"><picture><source srcset="https://e.example/a.webp 1x, https://e.example/a2.webp 2x" type="image/webp" media="(min-width: 600px)"><img src=" https://e.example/a.jpg " alt="A" width="640" height="480px" loading="lazy" style="border:0"></picture><figcaption>Caption <cite>Photo: Agency</cite></figcaption></figure>',
  '<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline"><img src="DATA:image/png;base64,iVBORw0KGgo="><img src="data:image/svg+xml;base64,PHN2Zz4=">',
  '<table class="t"><caption>Results</caption><colgroup><col span="2" width="50%"></colgroup><tr><th scope="col" colspan="2">h</th></tr><tr><td rowspan="x">1</td><td>2</td></tr></table>',
  '<pre class="highlight lang-ts"><code class="hljs language-typescript">const a = 1 &lt; 2;</code></pre>',
  '<ol start="3" reversed type="a"><li>three</li></ol><dl><dt>t</dt><dd>d</dd></dl>',
  '<p dir="rtl" lang="ar">عربي</p><p dir="sideways" lang="not a tag">x</p><time datetime="2024-03-23T04:04:00+06:00">23 March</time>',
  '<section><custom-card><font color="red">Unknown elements give way to their text</font></custom-card><center>centred</center></section>',
  '<form action="/subscribe"><p>Text inside a form</p><label for="e">Email</label><button>Subscribe</button></form>',
  '<p>Before<!-- a comment --><script>alert(1)</script><style>p{}</style><noscript><p>no</p></noscript>after</p>',
  '<video src="v.mp4"><p>Fallback text</p></video><audio>x</audio><iframe src="https://e.example"></iframe><svg><text>svg</text></svg><math><mi>x</mi></math>',
  '<p title="a --> b">breakout</p><p title="x/>y">self-closing</p><abbr title="World Health Organization">WHO</abbr>',
  '<h3 id="  spaced   id  ">Heading</h3><p id="">empty id</p><span id="cp-already">kept</span>',
  '<frameset><frame src="x"></frameset>',
  '<p>Text</p><body class="second" onload="x()"><p>after a stray body tag</p>',
  '<ul><li><p>one</p></li><li>two<ul><li>nested</li></ul></li></ul><blockquote><p>q</p></blockquote><hr><br><wbr>',
];

describe('normalizeArticleHtml keeps what the sanitiser keeps', () => {
  it.each(ARTICLE_MARKUP.map((html) => [html.slice(0, 60), html] as const))('%s', (_name, html) => {
    expect(normalized(html)).toBe(sanitizeArticleHtml(html, holder));
  });

  it.each(XSS_PAYLOADS.map((p) => [p.id, p] as const))('payload %s, in a paragraph, alone and in a table cell', (_id, p) => {
    for (const html of [`<p>Before ${p.html} after</p>`, p.html, `<table><tbody><tr><td>${p.html}</td></tr></tbody></table>`]) {
      const out = normalized(html);
      expect(out).toBe(sanitizeArticleHtml(html, holder));
      // Sanitising what it returns changes nothing: the popup and the exports see the same markup.
      expect(sanitizeArticleHtml(out, holder)).toBe(out);
    }
  });

  it('works on the page\'s own window in a browser-like DOM (jsdom standing in for the page)', () => {
    const page = new JSDOM('<!doctype html><html><body></body></html>').window.document;
    const html = ARTICLE_MARKUP.join('');
    const body = normalizeArticleHtml(html, page);
    expect(body.innerHTML).toBe(sanitizeArticleHtml(html, page));
    // Parsed in a scratch document of its own, detached from it, and never added to the page.
    expect(body.ownerDocument === page).toBe(false);
    expect(body.isConnected).toBe(false);
    expect(page.body.children.length).toBe(0);
  });
});

describe('normalizeArticleHtml on hostile structure', () => {
  it('walks a form whose controls shadow its own properties without being steered or stalled', () => {
    const names = ['firstChild', 'nextSibling', 'parentNode', 'nodeName', 'nodeType', 'insertBefore', 'removeChild', 'childNodes', 'attributes', 'namespaceURI'];
    const html = `<div><form>${names.map((n) => `<img name="${n}" src="https://e.example/${n}.png">`).join('')}<p>Form text</p></form><p>After the form</p></div>`;
    const out = normalized(html);
    expect(out).not.toContain('<form');
    expect(out).toContain('After the form');
    // Whatever it kept of the form is inert and is sanitised again at every boundary.
    expect(sanitizeArticleHtml(out, holder)).toBe(out);
  });

  it('unwraps deeply nested unknown wrappers (custom elements, legacy tags) down to their content', () => {
    const depth = 500;
    const html = '<x-wrap><center>'.repeat(depth) + '<p>deep</p>' + '</center></x-wrap>'.repeat(depth);
    expect(normalized(html)).toBe('<p>deep</p>');
  });
});
