import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { JSDOM } from 'jsdom';
import { parseSanitizedHtml, safeElementId, sanitizeArticleHtml, setSanitizedHtml } from '../../src/core/sanitize';
import { XSS_PAYLOADS } from '../xss-payloads';

const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');

function clean(html: string): string {
  return sanitizeArticleHtml(html, document);
}

/** Parses sanitised output the way a browser would, to inspect what survived. */
function parsed(html: string): Document {
  return new JSDOM(`<!doctype html><body>${clean(html)}</body>`).window.document;
}

/** Every attribute of every element in the sanitised output, as "tag@name=value". */
function attributes(html: string): string[] {
  const doc = parsed(html);
  return Array.from(doc.body.querySelectorAll('*')).flatMap((el) =>
    Array.from(el.attributes).map((a) => `${el.localName}@${a.name}=${a.value}`),
  );
}

describe('sanitizeArticleHtml: classic XSS payloads', () => {
  const payloads: [string, string][] = [
    ['script element', '<p>ok</p><script>alert(1)</script>'],
    ['img onerror', '<img src=x onerror=alert(1)>'],
    ['svg onload', '<svg onload=alert(1)><circle r=1></circle></svg>'],
    ['svg script', '<svg><script>alert(1)</script></svg>'],
    ['javascript: link', '<a href="javascript:alert(1)">x</a>'],
    ['javascript: with tab and entities', '<a href="jav&#x09;ascript:alert(1)">x</a><a href=" &#14;javascript:alert(1)">y</a>'],
    ['vbscript: link', '<a href="vbscript:msgbox(1)">x</a>'],
    ['data:text/html link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
    ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ['object data', '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">'],
    ['form action', '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>'],
    ['base href', '<base href="javascript:alert(1)//"><a href="/x">x</a>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['style expression', '<div style="background:url(javascript:alert(1))">x</div><style>@import "//evil";</style>'],
    ['noscript breakout', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
    ['template content', '<template><img src=x onerror=alert(1)></template>'],
    ['math href', '<math><mtext><a xlink:href="javascript:alert(1)">x</a></mtext></math>'],
    ['svg data image', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'],
    ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">'],
    ['mutation via comment', '<p><!--</p><img src=x onerror=alert(1)>--></p>'],
  ];

  for (const [name, payload] of payloads) {
    it(`neutralises ${name}`, () => {
      const out = clean(payload);
      expect(out).not.toMatch(/<(script|iframe|object|embed|form|base|meta|link|style|svg|math|template|noscript|button)\b/i);
      expect(out).not.toMatch(/\bon[a-z]+\s*=/i);
      expect(out).not.toMatch(/javascript:|vbscript:|data:text|data:image\/svg/i);
      const doc = parsed(payload);
      for (const el of Array.from(doc.body.querySelectorAll('*'))) {
        for (const attr of Array.from(el.attributes)) {
          expect(attr.name.startsWith('on'), `${el.localName}@${attr.name}`).toBe(false);
          expect(['style', 'srcdoc', 'formaction', 'action', 'xlink:href']).not.toContain(attr.name);
        }
      }
    });
  }

  it('drops button labels with the button but keeps text inside forms', () => {
    const out = clean('<form><p>Article text</p><button>Share on Facebook</button></form>');
    expect(out).toContain('Article text');
    expect(out).not.toContain('Share on Facebook');
  });
});

describe('sanitizeArticleHtml: what it keeps', () => {
  it('keeps structure, text and Unicode', () => {
    const html =
      '<h2>Q?</h2><p>বাংলা <em>日本語</em> <strong>عربي</strong> 🎉</p><ul><li>a</li></ul><ol><li>b</li></ol>' +
      '<blockquote><p>q</p></blockquote><pre><code>x &lt; y</code></pre><table><thead><tr><th>h</th></tr></thead>' +
      '<tbody><tr><td>d</td></tr></tbody></table><figure><img src="https://e.x/a.jpg" alt="A"><figcaption>c</figcaption></figure>' +
      '<dl><dt>t</dt><dd>d</dd></dl><p><sub>1</sub><sup>2</sup><mark>m</mark><small>s</small><abbr title="World Health Organization">WHO</abbr><time datetime="2024-03-23">23 March</time></p><hr>';
    const doc = parsed(html);
    for (const tag of ['h2', 'p', 'em', 'strong', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'table', 'thead', 'tbody', 'th', 'td', 'figure', 'img', 'figcaption', 'dl', 'dt', 'dd', 'sub', 'sup', 'mark', 'small', 'abbr', 'time', 'hr']) {
      expect(doc.querySelector(tag), tag).not.toBeNull();
    }
    expect(doc.body.textContent).toContain('বাংলা 日本語 عربي 🎉');
    expect(doc.querySelector('abbr')!.getAttribute('title')).toBe('World Health Organization');
    expect(doc.querySelector('time')!.getAttribute('datetime')).toBe('2024-03-23');
  });

  it('keeps image attributes and raster data: URLs on <img> only', () => {
    const attrs = attributes(
      '<img src="https://e.x/a.jpg" srcset="https://e.x/a.jpg 1x, https://e.x/b.jpg 2x" alt="A" width="640" height="480" loading="lazy" data-src="x">' +
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">' +
        '<picture><source srcset="https://e.x/a.webp" type="image/webp" src="https://e.x/s"><img src="/a.jpg"></picture>',
    );
    expect(attrs).toEqual(
      expect.arrayContaining([
        'img@src=https://e.x/a.jpg',
        'img@srcset=https://e.x/a.jpg 1x, https://e.x/b.jpg 2x',
        'img@alt=A',
        'img@width=640',
        'img@height=480',
        'img@src=data:image/png;base64,iVBORw0KGgo=',
        'source@srcset=https://e.x/a.webp',
        'img@src=/a.jpg',
      ]),
    );
    expect(attrs.some((a) => a.includes('loading') || a.includes('data-src') || a.startsWith('source@src='))).toBe(false);
  });

  it('drops a srcset that smuggles a data: or script URL', () => {
    expect(attributes('<img src="a.jpg" srcset="a.jpg 1x, javascript:alert(1) 2x">')).toEqual(['img@src=a.jpg']);
  });

  it('gives links rel="noopener noreferrer" and keeps target only when it is _blank', () => {
    const doc = parsed('<a href="https://e.x/1" target="_blank" rel="opener">1</a><a href="https://e.x/2" target="_top">2</a><a href="/3">3</a>');
    const links = Array.from(doc.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('rel'))).toEqual(['noopener noreferrer', 'noopener noreferrer', 'noopener noreferrer']);
    expect(links.map((a) => a.getAttribute('target'))).toEqual(['_blank', null, null]);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://e.x/1', 'https://e.x/2', '/3']);
  });

  it('prefixes ids so they cannot clobber DOM properties, and rewrites in-page links to match', () => {
    const doc = parsed('<h2 id="location">a</h2><h3 id="cookie">b</h3><h2 id="What is ISIS-K?">c</h2><a href="#What%20is%20ISIS-K">j</a><img name="body">');
    expect(Array.from(doc.querySelectorAll('[id]')).map((e) => e.id)).toEqual(['cp-location', 'cp-cookie', 'cp-What-is-ISIS-K']);
    expect(doc.querySelector('a')!.getAttribute('href')).toBe('#cp-What-is-ISIS-K');
    expect(doc.querySelector('img')!.hasAttribute('name')).toBe(false);
  });

  it('leaves ids made by safeElementId unchanged (outline jump links stay valid)', () => {
    const id = safeElementId('কী ঘটেছিল?');
    expect(id).toBe('cp-কী-ঘটেছিল');
    expect(safeElementId(id)).toBe(id);
    expect(attributes(`<h2 id="${id}">x</h2>`)).toEqual([`h2@id=${id}`]);
  });

  it('keeps dir and lang, and only a language-* class on code', () => {
    const attrs = attributes('<p dir="rtl" lang="ar" class="x">مرحبا</p><pre class="hl language-py"><code class="lang-js foo">1</code></pre><p dir="evil">x</p>');
    expect(attrs).toEqual(['p@dir=rtl', 'p@lang=ar', 'pre@class=language-py', 'code@class=language-js']);
  });

  it('runs on a jsdom document too', () => {
    const jsdomDoc = new JSDOM('<!doctype html><body></body>').window.document;
    expect(sanitizeArticleHtml('<p onclick="x()">hi<script>1</script></p>', jsdomDoc)).toBe('<p>hi</p>');
  });
});

describe('sanitizing twice', () => {
  it('changes nothing the second time, for every payload of the XSS corpus (the popup re-sanitises)', () => {
    const changed = XSS_PAYLOADS.filter((p) => {
      const once = clean(p.html);
      return clean(once) !== once;
    }).map((p) => p.id);
    expect(XSS_PAYLOADS.length).toBeGreaterThan(100);
    expect(changed).toEqual([]);
  });
});

describe('setSanitizedHtml and parseSanitizedHtml', () => {
  it('writes sanitised content into a linkedom element', () => {
    const target = document.createElement('div');
    setSanitizedHtml(target, '<p>kept</p><img src=x onerror=alert(1)><script>alert(1)</script>');
    expect(target.querySelector('p')!.textContent).toBe('kept');
    expect(target.querySelector('script')).toBeNull();
    expect(target.querySelector('img')!.hasAttribute('onerror')).toBe(false);
  });

  it('refuses raw-text and table-context targets', () => {
    expect(() => setSanitizedHtml(document.createElement('template'), '<p>x</p>')).toThrow(/refusing/);
    expect(() => setSanitizedHtml(document.createElement('style'), '<p>x</p>')).toThrow(/refusing/);
  });

  it('keeps sanitising across many calls (the Node DOM is renewed every few pages)', () => {
    const bodies = Array.from({ length: 60 }, (_, i) => parseSanitizedHtml(`<h2 id="q${i}">Q${i}</h2><img src=x onerror=alert(${i})>`));
    bodies.forEach((body, i) => {
      expect(body.querySelector('h2')!.id).toBe(`cp-q${i}`);
      expect(body.querySelector('img')!.hasAttribute('onerror')).toBe(false);
    });
  });

  it('returns an empty body for a frameset payload', () => {
    expect(parseSanitizedHtml('<frameset onload=alert(1)><frame src="javascript:alert(1)"></frameset>').innerHTML).toBe('');
    expect(clean('<frameset onload=alert(1)></frameset>')).toBe('');
  });

  it('returns a walkable body element', () => {
    const body = parseSanitizedHtml('<h2>Title</h2><p onclick="x">text</p>');
    expect(body.nodeName).toBe('BODY');
    expect(body.querySelector('h2')!.textContent).toBe('Title');
    expect(body.querySelector('p')!.hasAttribute('onclick')).toBe(false);
  });
});

describe('sanitizeArticleHtml: landmarks', () => {
  it("unwraps a page's own <article> so the reader's one <article> landmark is not nested, keeping its content", () => {
    const doc = parsed('<article><h2 id="q">Why?</h2><p>Because.</p></article>');
    expect(doc.querySelectorAll('article')).toHaveLength(0);
    expect(doc.body.querySelector('h2')?.textContent).toBe('Why?');
    expect(doc.body.querySelector('p')?.textContent).toBe('Because.');
  });
});
