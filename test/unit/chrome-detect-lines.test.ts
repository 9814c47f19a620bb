// Small chrome lines around the story: photo credits, tag lines, disclosures, comment notices,
// share headings and author boxes. Fixtures are written here, modelled on blog and news templates.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { findPageChrome } from '../../src/core/chrome-detect';
import type { ChromeBlock } from '../../src/core/types';

function load(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
const PARA = (n: number, word = 'story'): string =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} of the ${word}, long enough to be running text, with a comma, and another clause that keeps going for a while.</p>`).join('\n');
const hiddenText = (blocks: ChromeBlock[]): string => blocks.map((b) => b.element.textContent ?? '').join(' | ');

describe('photo credits', () => {
  it('hides a credit-only line under a picture and keeps the caption beside it', () => {
    const doc = load(`<html lang="de"><body><main><article><h1>Ein Titel</h1>${PARA(2)}
      <figure><img src="a.jpg"><figcaption><span class="text">Der Stadtrat tagte am Montag im alten Rathaus.</span> <span class="credit">Foto: Anna Muster / dpa</span></figcaption></figure>
      ${PARA(2)}
      <figure><img src="b.jpg"><figcaption>Bild: Max Beispiel</figcaption></figure>
      <div class="image"><img src="c.jpg"><p class="image-copyright">Getty Images</p></div>
      ${PARA(2)}</article></main></body></html>`);
    const blocks = findPageChrome(doc);
    const text = hiddenText(blocks);
    expect(text).toContain('Foto: Anna Muster / dpa');
    expect(text).toContain('Bild: Max Beispiel');
    expect(text).toContain('Getty Images');
    expect(text).not.toContain('Der Stadtrat tagte');
    expect(blocks.every((b) => /photo credit/.test(b.reason))).toBe(true);
  });

  it('keeps a "Photo:" line in running text that stands by no picture', () => {
    const doc = load(`<html lang="en"><body><article><h1>A headline</h1>${PARA(3)}<p>Photo: a hobby that grew into a business</p>${PARA(2)}</article></body></html>`);
    expect(findPageChrome(doc)).toEqual([]);
  });

  it('still hides a teaser list whole when its cards carry credits', () => {
    const cards = Array.from({ length: 4 }, (_, i) => `<div class="card"><a href="/s${i}"><img src="${i}.jpg"></a><span class="credit">Foto: Agentur ${i}</span><a href="/s${i}">Story number ${i} with a long enough headline</a></div>`).join('');
    const doc = load(`<html lang="en"><body><main><h1>A headline</h1><div>${PARA(6)}</div></main><div>${cards}</div></body></html>`);
    const blocks = findPageChrome(doc);
    expect(blocks.length).toBe(1);
    expect(blocks[0]?.category).toBe('related');
  });
});

describe('tag and category lines', () => {
  it('hides the "Posted in … Tagged …" footer after the post, not the category in the byline above it', () => {
    const doc = load(`<html lang="en"><body><div id="content"><div class="post">
      <h1>A blog post title</h1>
      <div class="byline">By Jo Writer on 3 May 2021 in <a href="/category/travel/" rel="category tag">Travel</a></div>
      <div class="entry">${PARA(5, 'post')}</div>
      <div class="postmeta">Posted in <a href="/category/travel/" rel="category tag">Travel</a> | Tagged <a href="/tag/alps/" rel="tag">Alps</a>, <a href="/tag/hiking/" rel="tag">Hiking</a></div>
    </div></div></body></html>`);
    const blocks = findPageChrome(doc);
    expect(blocks.map((b) => [b.category, b.sample])).toEqual([['navigation', 'Posted in Travel | Tagged Alps , Hiking']]);
  });

  it('hides a German "Schlagworte" line of /schlagwort/ links inside the article container after its text', () => {
    const doc = load(`<html lang="de"><body><article><h1>Ein Titel</h1>${PARA(5)}
      <p class="tags">Schlagworte: <a href="/schlagwort/klima/">Klima</a> <a href="/schlagwort/energie/">Energie</a></p></article></body></html>`);
    expect(hiddenText(findPageChrome(doc))).toBe('Schlagworte: Klima Energie');
  });
});

describe('affiliate and sponsorship disclosures', () => {
  it('hides a disclosure before the story and keeps a paragraph about affiliate links in the middle of it', () => {
    const doc = load(`<html lang="en"><body><article><h1>The best tents of the year</h1>
      <p class="note">We may earn a commission when you buy through links on our site.</p>
      ${PARA(2)}
      <p>Some shops pay bloggers through affiliate links, and readers rarely notice it, which is why regulators now ask for clear labels on every page.</p>
      ${PARA(2)}</article></body></html>`);
    const blocks = findPageChrome(doc);
    expect(blocks.map((b) => [b.category, b.sample])).toEqual([['ad', 'We may earn a commission when you buy through links on our site.']]);
  });

  it('hides a German Provision notice in a sidebar', () => {
    const doc = load(`<html lang="de"><body><article><h1>Ein Titel</h1>${PARA(5)}</article>
      <div class="box"><span>Für Links auf dieser Seite erhält Beispielblog ggf. eine Provision vom Händler.</span></div></body></html>`);
    expect(findPageChrome(doc).map((b) => b.category)).toEqual(['ad']);
  });
});

describe('comment and rating notices, share headings', () => {
  it('hides "Kommentare geschlossen" and a rating prompt inside the post container', () => {
    const doc = load(`<html lang="de"><body><div class="post"><h1>Ein Titel</h1><div class="entry">${PARA(5)}
      <div class="entryfooter"><p>Kommentare geschlossen</p></div></div>
      <form><fieldset><h4>Wie bewerten Sie diesen Artikel?</h4><input type="radio" name="r" value="1"><input type="radio" name="r" value="2"></fieldset></form></div></body></html>`);
    const blocks = findPageChrome(doc);
    expect(blocks.map((b) => b.category)).toEqual(['comments', 'comments']);
    expect(hiddenText(blocks)).toContain('Kommentare geschlossen');
    expect(hiddenText(blocks)).toContain('Wie bewerten Sie');
  });

  it('keeps a "Discussion" heading of the article itself', () => {
    const doc = load(`<html lang="en"><body><article><h1>A study of things</h1>${PARA(3)}<h2>Discussion</h2>${PARA(3)}</article></body></html>`);
    expect(findPageChrome(doc)).toEqual([]);
  });

  it('hides a "Diesen Beitrag teilen" heading with its icon links', () => {
    const doc = load(`<html lang="de"><body><article><h1>Ein Titel</h1>${PARA(5)}
      <div><h4>Diesen Beitrag teilen</h4><a href="/x1" class="i-fb"></a><a href="/x2" class="i-tw"></a><a href="/x3" class="i-mail"></a></div></article></body></html>`);
    expect(findPageChrome(doc).map((b) => [b.category, b.sample])).toEqual([['share', 'Diesen Beitrag teilen']]);
  });
});

describe('author boxes', () => {
  it('hides the writer box after the post and keeps the byline box named alike before it', () => {
    const doc = load(`<html lang="de"><body><div id="content">
      <div class="post-author top"><img src="me.jpg"><a href="/autor/jo">Jo Schreiber</a>, 3. Mai 2021, Redakteurin für Reisen</div>
      <article><h1>Ein Titel</h1>${PARA(5)}</article>
      <div class="post-author"><div class="row"><img src="me.jpg"><div><p><strong>Über den Autor</strong></p><p>Jo schreibt seit zehn Jahren über das Wandern in den Alpen und trinkt dabei gern einen Kaffee.</p><a href="/autor/jo">Alle Beiträge</a></div></div></div>
    </div></body></html>`);
    const blocks = findPageChrome(doc);
    expect(blocks.map((b) => b.reason)).toEqual(['author box after the story']);
    expect(hiddenText(blocks)).toContain('Über den Autor');
  });

  it('hides an author bio box that ends the article container (its bio is the last paragraph there)', () => {
    const doc = load(`<html lang="de"><body><article class="contentarea"><h1>Ein Titel</h1>${PARA(3)}
      <div class="saboxplugin-wrap"><img src="me.jpg"><a href="/autor/jo">Jo</a><div class="saboxplugin-desc"><p>Ich fotografiere seit zwanzig Jahren Landschaften, Menschen und alles, was mir dabei vor die Linse kommt.</p></div></div></article></body></html>`);
    const blocks = findPageChrome(doc);
    expect(blocks.map((b) => b.reason)).toEqual(['author box']);
  });
});

describe('tables of contents and follow-us lines', () => {
  it('hides a table of contents of jump links and keeps a footnote list with its text', () => {
    const doc = load(`<html lang="de"><body><article><h1>Ein Ratgeber</h1>
      <div class="toc"><p>Inhaltsverzeichnis</p><ul><li><a href="#a">Erster Abschnitt</a></li><li><a href="#b">Zweiter Abschnitt</a></li><li><a href="#c">Dritter Abschnitt</a></li></ul></div>
      <h2 id="a">Erster Abschnitt</h2>${PARA(2)}<h2 id="b">Zweiter Abschnitt</h2>${PARA(2)}<h2 id="c">Dritter Abschnitt</h2>${PARA(2)}
      <ol class="notes"><li><a href="#r1">^</a> Muster, A. (2020): Lawinen im Hochgebirge. Bern.</li><li><a href="#r2">^</a> Beispiel, B. (2019): Schnee und Eis. Chur.</li><li><a href="#r3">^</a> Test, C. (2018): Hänge. Davos.</li></ol>
      </article></body></html>`);
    const blocks = findPageChrome(doc);
    expect(blocks.map((b) => [b.category, b.sample.slice(0, 18)])).toEqual([['navigation', 'Inhaltsverzeichnis']]);
  });

  it('hides a "Síguenos en …" heading with its icon links', () => {
    const doc = load(`<html lang="es"><body><article><h1>Un titular</h1>${PARA(5)}
      <div><div><strong>Síguenos en Telegram, Instagram y Facebook</strong></div><a href="/t" class="i-t"></a><a href="/i" class="i-i"></a><a href="/f" class="i-f"></a></div></article></body></html>`);
    expect(findPageChrome(doc).map((b) => b.category)).toEqual(['share']);
  });
});

describe('footers and sidebars named so, after the story', () => {
  it('hides a German association footer with an address paragraph and a text-widget sidebar, not the story', () => {
    const doc = load(`<html lang="de"><body><div id="wrapper"><div id="content" class="col-full"><div class="post"><h1>Sommerfest im Verein</h1>${PARA(6)}</div>
      <div id="sidebar" class="col-right"><div class="widget widget_text"><h3>Haftungsausschluss</h3><div class="textwidget">Trotz sorgfältiger inhaltlicher Kontrolle übernehmen wir keine Haftung für die Inhalte externer Links. Für den Inhalt der verlinkten Seiten sind ausschließlich deren Betreiber verantwortlich.</div></div></div></div>
      <div id="footerContainer"><div class="row"><p>Der Verein zur Förderung der Nachbarschaft ist ein gemeinnütziger Verein mit Sitz in Musterstadt, gegründet von Eltern und Anwohnern im Jahr 1998.</p><p>Musterweg 1-3, 12345 Musterstadt. Kontaktieren Sie uns gerne auch direkt.</p></div></div></div></body></html>`);
    const blocks = findPageChrome(doc);
    const text = hiddenText(blocks);
    expect(text).toContain('Trotz sorgfältiger inhaltlicher Kontrolle');
    expect(text).toContain('Musterweg 1-3');
    expect(text).not.toContain('Paragraph 1 of the story');
    expect(blocks.map((b) => b.reason).sort()).toEqual(['footer after the story', 'sidebar after the story']);
  });

  it('hides the footer block of the story after it (a Polish sources line)', () => {
    const doc = load(`<html lang="pl"><body><main><article><h1>Ile jest warta godzina pracy</h1><div class="detailContent">${PARA(6)}</div></article>
      <div class="articleFooter"><div class="authorsSources"><span class="sourcesLabel">Źródło:</span> Agencja Przykładowa, opracowanie własne redakcji na podstawie danych urzędu.</div></div></main></body></html>`);
    const blocks = findPageChrome(doc);
    expect(hiddenText(blocks)).toContain('Źródło:');
    expect(hiddenText(blocks)).not.toContain('Paragraph 1');
    expect(blocks.map((b) => b.reason)).toEqual(['footer after the story']);
  });

  it('keeps a block whose name only says the layout has a sidebar, and a footer-named block before the story', () => {
    const doc = load(`<html lang="en"><body><div class="page-footer-note">A short note about this page that sits above the story and is long enough to count as text.</div>
      <article><h1>A headline</h1><div class="article-intro">${PARA(4)}</div></article>
      <div class="sidebar-and-content-body"><div class="content-body">${PARA(3, 'second part')}</div></div></body></html>`);
    const text = hiddenText(findPageChrome(doc));
    expect(text).not.toContain('second part');
    expect(text).not.toContain('A short note about this page');
  });
});

describe('teaser lists with numbered classes', () => {
  it('hides a Drupal view whose rows are numbered (views-row-1, views-row-odd) and carry excerpts', () => {
    const rows = Array.from({ length: 4 }, (_, i) => `<div class="views-row views-row-${i + 1} views-row-${i % 2 ? 'even' : 'odd'}${i === 0 ? ' views-row-first' : ''}"><h3><a href="/node/${i}">Another story from the archive of this paper, number ${i + 1}</a></h3><div class="views-field-body">A short summary line that says what the other story is about.</div></div>`).join('');
    const doc = load(`<html lang="en"><body><main><h1>A headline</h1><div class="body">${PARA(6)}</div></main><div class="view"><div class="view-content">${rows}</div></div></body></html>`);
    const blocks = findPageChrome(doc);
    expect(blocks.map((b) => b.category)).toEqual(['related']);
    expect(hiddenText(blocks)).toContain('number 4');
  });
});
