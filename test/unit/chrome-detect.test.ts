import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { findPageChrome } from '../../src/core/chrome-detect';
import type { ChromeBlock } from '../../src/core/types';

function load(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}/source.html`, import.meta.url), 'utf8');
const byCategory = (blocks: ChromeBlock[], category: string): ChromeBlock[] => blocks.filter((b) => b.category === category);

const PARA = (n: number): string =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} of the story, long enough to be running text, with a comma, and another clause that keeps going for a while.</p>`).join('\n');

describe.each(['bdnews24-explainer', 'bdnews24-hashed'])('findPageChrome on %s', (name) => {
  const doc = load(fixture(name));
  const before = doc.documentElement.outerHTML;
  const blocks = findPageChrome(doc);

  it('finds each kind of chrome on the page', () => {
    expect(byCategory(blocks, 'language')[0]?.sample).toContain('বাংলা');
    expect(byCategory(blocks, 'related')[0]?.sample).toMatch(/^RELATED STORIES/);
    expect(byCategory(blocks, 'more-from').map((b) => b.element.textContent).join(' ')).toContain('Tasneem Hossain');
    expect(byCategory(blocks, 'navigation').length).toBeGreaterThan(0);
    const menu = blocks.find((b) => b.element.textContent?.includes('Entertainment'));
    expect(['navigation', 'header-footer']).toContain(menu?.category);
    expect(byCategory(blocks, 'share').length).toBe(1);
    expect(byCategory(blocks, 'ad').length + blocks.filter((b) => b.element.textContent?.includes('Advertisement')).length).toBeGreaterThan(0);
    expect(blocks.map((b) => b.element.textContent).join(' ')).toContain('All rights reserved');
  });

  it('never returns the article, its title, or an ancestor of them', () => {
    const h1 = doc.querySelector('h1') as Element;
    const para = Array.from(doc.querySelectorAll('p')).find((p) => p.textContent?.startsWith('Islamic State Khorasan')) as Element;
    for (const b of blocks) {
      expect(b.element.contains(h1)).toBe(false);
      expect(b.element.contains(para)).toBe(false);
    }
  });

  it('returns outermost blocks only, each with a short sample and a reason', () => {
    for (const a of blocks) {
      for (const b of blocks) if (a !== b) expect(a.element.contains(b.element)).toBe(false);
      expect(a.sample.length).toBeLessThanOrEqual(80);
      expect(a.reason).not.toBe('');
    }
  });

  it('does not mutate the document', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('chrome samples', () => {
  it('a sample is the block\'s first words in document order, without script text, however many items follow', () => {
    const items = Array.from({ length: 300 }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('');
    const doc = load(`<html lang="en"><body><nav><script>var menu = 1;</script><ul><li><a href="/"><span>Home</span></a></li>${items}</ul></nav>
      <article><h1>A headline</h1>${PARA(6)}</article></body></html>`);
    const nav = findPageChrome(doc).find((b) => b.element.tagName === 'NAV');
    expect(nav?.sample).toMatch(/^Home Section 0 Section 1 Section 2 /);
    expect(nav?.sample).not.toContain('menu');
  });
});

describe('findPageChrome without class hints', () => {
  it('finds a "You may also like" card list inside the article container', () => {
    const doc = load(`<html lang="en"><body><div><div><h1>A headline</h1>${PARA(6)}
      <div><div>You may also like</div><div>
        <div><a href="/a"><img src="a.jpg"></a><a href="/a">First other story headline here</a></div>
        <div><a href="/b"><img src="b.jpg"></a><a href="/b">Second other story headline here</a></div>
        <div><a href="/c"><img src="c.jpg"></a><a href="/c">Third other story headline here</a></div>
      </div></div></div></div></body></html>`);
    const blocks = findPageChrome(doc);
    expect(blocks.map((b) => b.category)).toEqual(['related']);
    expect(blocks[0]?.sample).toMatch(/^You may also like/);
  });

  it('finds repeated story cards with no heading at all', () => {
    const cards = Array.from({ length: 4 }, (_, i) => `<div class="x${i % 1}"><a href="/s${i}"><img src="${i}.jpg"></a><a href="/s${i}">Story number ${i} with a long enough headline</a><span>A one-line teaser.</span></div>`).join('');
    const doc = load(`<html lang="en"><body><main><h1>A headline</h1><div>${PARA(6)}</div></main><div>${cards}</div></body></html>`);
    const blocks = findPageChrome(doc);
    expect(blocks.some((b) => b.category === 'related' && /repeated cards/.test(b.reason))).toBe(true);
  });

  it('finds language links by hreflang and by endonym, not links in the article', () => {
    const doc = load(`<html lang="en"><body><div><a href="/fr" hreflang="fr">Français</a></div><div><h1>A headline</h1>${PARA(5)}<p>See <a href="https://example.org/de">the German report</a> for more, which says plenty of things in long sentences.</p></div></body></html>`);
    const blocks = findPageChrome(doc);
    expect(blocks.map((b) => b.category)).toEqual(['language']);
  });

  it('finds landmarks, consent banners, newsletter forms and comments', () => {
    const doc = load(`<html lang="en"><body>
      <header><a href="/">Logo</a></header>
      <nav><a href="/1">One</a><a href="/2">Two</a></nav>
      <article><h1>A headline</h1>${PARA(6)}</article>
      <div role="dialog"><p>We use cookies on this site.</p><button>OK</button></div>
      <form><p>Get the morning briefing</p><input type="email"><input type="submit" value="Go"></form>
      <section><h2>3 Comments</h2><div><p>Great piece, thanks for writing it, I enjoyed every word of it and more.</p></div><a href="/reply">Reply</a></section>
      <footer>© 2024 Example</footer></body></html>`);
    const cats = findPageChrome(doc).map((b) => b.category);
    expect(cats).toEqual(['header-footer', 'navigation', 'consent', 'newsletter', 'comments', 'header-footer']);
  });

  it('honours keep and extra selectors', () => {
    const html = `<html lang="en"><body><nav id="menu"><a href="/1">One</a><a href="/2">Two</a></nav><article><h1>A headline</h1>${PARA(5)}<div class="promo-box">Buy our mug</div></article></body></html>`;
    const kept = findPageChrome(load(html), { keepSelectors: ['#menu'] });
    expect(kept.length).toBe(0);
    const extra = findPageChrome(load(html), { extraChromeSelectors: ['.promo-box'] });
    expect(extra.map((b) => b.sample)).toEqual(['One Two', 'Buy our mug']);
  });

  it('returns nothing on an empty body', () => {
    expect(findPageChrome(load('<html><body></body></html>'))).toEqual([]);
  });
});

describe('findPageChrome on inline teasers', () => {
  it('finds "Read also:" link paragraphs between the article paragraphs, in several languages', () => {
    const doc = load(`<html lang="es"><body><article><h1>Titular</h1>${PARA(3)}
      <p>Lea también: <a href="/x">Impiden ingreso a un periodista en la frontera norte</a></p>${PARA(3)}
      <p><strong>Read more:</strong> <a href="/y">Another story about something else entirely</a></p>
      <p>Read more about this in the report we published: it says that the <a href="/r">council</a> met twice.</p>${PARA(2)}</article></body></html>`);
    const blocks = findPageChrome(doc);
    expect(blocks.map((b) => [b.category, b.sample.slice(0, 12)])).toEqual([
      ['related', 'Lea también:'],
      ['related', 'Read more: A'],
    ]);
  });
});

describe('findPageChrome on label-and-link teasers', () => {
  it('finds "VEA TAMBIÉN:", "Mira:", "Leia:" and "Siehe auch:" lines and keeps sentences that start alike', () => {
    const doc = load(`<html lang="es"><body><article><h1>Titular</h1>${PARA(2)}
      <p><strong>VEA TAMBIÉN:</strong> <a href="/a">Las lluvias dejan tres carreteras cerradas en el norte</a></p>${PARA(2)}
      <p>MIRA: <a href="/b">El video del rescate en la montaña</a></p>
      <p>Leia: <a href="/c">Governo anuncia novo plano para escolas</a></p>
      <p>Siehe auch: <a href="/d">Stadtrat beschließt neuen Haushalt</a></p>
      <p>Mira, the town's mayor, said the council <a href="/m">voted</a> on Monday to close the road for the whole winter season.</p>${PARA(2)}</article></body></html>`);
    const blocks = findPageChrome(doc);
    expect(blocks.map((b) => [b.category, b.sample.slice(0, 8)])).toEqual([
      ['related', 'VEA TAMB'],
      ['related', 'MIRA: El'],
      ['related', 'Leia: Go'],
      ['related', 'Siehe au'],
    ]);
  });
});

describe('findPageChrome on named boxes with a pitch or an excerpt', () => {
  const text = (blocks: ChromeBlock[]): string => blocks.map((b) => b.element.textContent ?? '').join(' ');

  it('finds teaser cards inside and after the story, and keeps the story lead named "teaser"', () => {
    const doc = load(`<html lang="de"><body><main><article><h1>Der Stadtrat tagt</h1>
      <p class="article-teaser">Der Stadtrat hat am Montag über den neuen Haushalt beraten und dabei lange über die Schulen gestritten.</p>${PARA(3)}
      <a class="c-teaser" href="/andere"><figure><img src="t.jpg"><figcaption><h3 class="c-teaser__title">Neue Buslinie im Norden</h3>
        <p>Ab Dezember fährt ein Bus im Zehn-Minuten-Takt durch die nördlichen Stadtteile, auch am Wochenende und nachts.</p></figcaption></figure></a>${PARA(3)}
      </article></main>
      <div class="teaserList"><article class="basicTeaser"><a href="/klima"><h2>Mehr Klimaschutz in der Stadt</h2><div class="basicTeaser__main">Die Fraktion fordert einen Plan, mit dem die Stadt bis 2035 klimaneutral wird, und mehr Geld für Radwege.</div></a></article></div>
      </body></html>`);
    const blocks = findPageChrome(doc);
    const hidden = text(blocks);
    expect(hidden).toContain('Neue Buslinie im Norden');
    expect(hidden).toContain('Mehr Klimaschutz in der Stadt');
    expect(hidden).not.toContain('Der Stadtrat hat am Montag');
    expect(hidden).not.toContain('Paragraph 1 of the story');
  });

  it('finds sign-up, paywall, donation and call-to-action boxes with a pitch of their own', () => {
    const pitch = 'Every week we send the best of our reporting to your inbox, with the stories you missed and a look at what comes next.';
    const doc = load(`<html lang="en"><body><article><h1>The council meets</h1>${PARA(3)}
      <div class="newsletter-form"><p>${pitch}</p><form><input type="email" name="e"><button>Sign up</button></form></div>${PARA(3)}
      <aside id="paywall" class="gate"><h3>Choose your access and read on:</h3><p>Subscribers read every story on the site and in the app, and support independent local reporting.</p><a href="/abo">Subscribe</a></aside>
      </article>
      <div class="article-donation-CTA"><p>We rely on your support to make local news available to all. Give what you can today and help us keep reporting.</p><a href="/give">Donate</a></div>
      <div class="cta">${PARA(3)}</div>
      </body></html>`);
    const blocks = findPageChrome(doc);
    expect(blocks.filter((b) => b.category === 'newsletter').map((b) => b.sample.slice(0, 12))).toEqual(['Every week w', 'Choose your ', 'We rely on y']);
    expect(text(blocks)).not.toContain('Paragraph 1 of the story');
  });

  it('finds related-post lists with excerpts after the story, not a block so named inside its text', () => {
    const post = (n: number): string =>
      `<li><a href="/p${n}">Another post number ${n} from this blog</a><p>The excerpt of post ${n} runs on for a while, long enough to count as running text, with commas, and more.</p></li>`;
    const doc = load(`<html lang="en"><body><div class="content"><h1>A post about tools</h1>${PARA(3)}
      <div class="read-more"><p>Read more about the tools below: the first one is a linter, and it checks the code as you type, every time.</p>${PARA(2)}</div>${PARA(2)}</div>
      <div class="related"><ul class="related-posts">${post(1)}${post(2)}${post(3)}</ul></div></body></html>`);
    const blocks = findPageChrome(doc);
    const hidden = text(blocks);
    expect(hidden).toContain('The excerpt of post 2');
    expect(hidden).not.toContain('Read more about the tools below');
  });
});
