import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { restoreDroppedBlocks, restoreStandfirst } from '../../src/core/dropped-blocks';
import { pathFrom } from '../../src/core/tree-path';
import { removeInertTemplates } from '../../src/core/extract-article';

const load = (html: string): Document => parseHTML(html).document as unknown as Document;
const pick = (html: string): Element => load(`<html><body><div id="readability-page-1">${html}</div></body></html>`).getElementById('readability-page-1') as Element;
const texts = (el: Element): string[] => Array.from(el.querySelectorAll('p, h2, h3')).map((p) => (p.textContent ?? '').trim());

const A = 'The council approved the new cycle lanes on Monday evening after a long debate.';
const B = 'Residents on the hill had asked for safer routes to the two schools for years.';
const C = 'Work on the first stretch starts in March and should take about eight weeks.';
const D = 'Shops on the high street worry about losing parking spaces during the works.';

describe('restoreDroppedBlocks', () => {
  // A page builder article: Readability keeps the paragraphs around a large table and drops one.
  it('puts back a paragraph dropped from the picked container, in page order', () => {
    const page = load(`<html><body><div class="entry-content"><p>${A}</p><p>${B}</p><p>${C}</p><p>${D}</p></div></body></html>`);
    const body = pick(`<div><p>${A}</p><p>${C}</p><p>${D}</p></div>`);
    expect(restoreDroppedBlocks(body, page.body)).toBe(1);
    expect(texts(body)).toEqual([A, B, C, D]);
  });

  // Drupal "paragraphs" / component pages: each text component is its own wrapper.
  it('adds the text of sibling components that repeat the container\'s shape, not another story', () => {
    const page = load(`<html><body><main>
      <div class="field__item"><div class="para para--text"><div class="text"><p>${A}</p><p>${B}</p></div></div></div>
      <div class="field__item"><div class="para para--image"><img src="x.jpg" alt=""></div></div>
      <div class="field__item"><div class="para para--text"><div class="text"><h3>What comes next</h3><p>${C}</p></div></div></div>
      <div class="field__item"><div class="para para--text"><h1>Another story</h1><div class="text"><p>${D}</p></div></div></div>
    </main></body></html>`);
    const body = pick(`<div class="text"><p>${A}</p><p>${B}</p></div>`);
    restoreDroppedBlocks(body, page.body);
    expect(texts(body)).toEqual([A, B, 'What comes next', C]);
  });

  // Page builders (WPBakery-style rows): each text block sits five levels down in its own row.
  it('adds the text of repeated page-builder rows around the picked one', () => {
    const row = (inner: string) => `<div class="vc_row"><div class="vc_column"><div class="vc_column-inner"><div class="wpb_wrapper"><div class="wpb_text_column"><div class="wpb_wrapper">${inner}</div></div></div></div></div></div>`;
    const page = load(`<html><body><div class="entry-content">${row(`<p>${A}</p><p>${B}</p>`)}${row(`<h2>Costs</h2><p>${C}</p>`)}${row(`<p>${D}</p>`)}</div></body></html>`);
    const body = pick(`<div class="wpb_wrapper"><p>${A}</p><p>${B}</p></div>`);
    restoreDroppedBlocks(body, page.body);
    expect(texts(body)).toEqual([A, B, 'Costs', C, D]);
  });

  it('leaves out comments, story-card blurbs and link lines that sit in the same container', () => {
    const page = load(`<html><body><article class="post">
      <div class="entry"><p>${A}</p><p>${B}</p><p>Read also: <a href="/x">An older story about the cycle lanes</a></p></div>
      <div class="card"><h3><a href="/y">Bus lanes next?</a></h3><div class="entry"><p>${C}</p></div></div>
      <div class="comment-body"><p>${D}</p></div>
      <form class="entry"><p>Log in to comment on this story.</p></form>
    </article></body></html>`);
    const body = pick(`<div class="entry"><p>${A}</p><p>${B}</p></div>`);
    expect(restoreDroppedBlocks(body, page.body, pathFrom(page.body as Element, page.querySelector('article') as Element))).toBe(0);
    expect(texts(body)).toEqual([A, B]);
  });

  // Open letters and petitions: the long, comma-rich signatories table wins Readability's scoring
  // and the letter's paragraphs beside the table stay behind.
  it('puts back the paragraphs beside a table when the pick is one of its cells', () => {
    const names = Array.from({ length: 40 }, (_, i) => `<strong>Signatory ${i}</strong>, <span>University ${i}</span><br>`).join('');
    const page = load(`<html><body><article><h1>An open letter</h1><div class="letter">
      <p>${A} ${B}</p><p>${C} ${D}</p><p>${B}</p>
      <table><tbody><tr><td>${names}</td></tr></tbody></table>
      <div class="share"><p>Share this letter with <a href="/a">friends</a> and <a href="/b">colleagues</a> today.</p></div>
    </div></article></body></html>`);
    const cell = page.querySelector('td') as Element;
    // Readability hands back the winning cell on its own, moved out of its table.
    const body = pick('<div></div>');
    body.firstElementChild?.appendChild(cell.cloneNode(true));
    expect(restoreDroppedBlocks(body, page.body, pathFrom(page.body as Element, cell))).toBe(3);
    expect(texts(body)).toEqual([`${A} ${B}`, `${C} ${D}`, B]);
  });

  it('finds the article container by its path in the copy', () => {
    const page = load('<html><body><div></div><div><span></span><section id="s"></section></div></body></html>');
    expect(pathFrom(page.body as Element, page.getElementById('s') as Element)).toEqual([1, 1]);
  });
});

describe('removeInertTemplates', () => {
  // Client-rendered news pages (Vue infinite scroll) keep story markup in <template>s, never shown.
  it('removes template content, which linkedom parses as children, from the clone', () => {
    const doc = load(`<html><body><article class="post"><p>${A}</p><template v-if="post"><h2 class="post-category">Template heading</h2><p>Template paragraph.</p></template></article></body></html>`);
    expect(doc.body?.textContent).toContain('Template paragraph');
    removeInertTemplates(doc);
    expect(doc.body?.textContent).not.toContain('Template');
    expect(doc.body?.textContent).toContain(A);
  });
});

describe('restoreStandfirst', () => {
  const LEAD = 'After years of complaints from parents, the town will get its first protected cycle lanes next spring.';
  const title = (doc: Document) => pathFrom(doc.body as Element, doc.querySelector('h1') as Element);

  // News templates set the standfirst in the article header, outside the body Readability keeps.
  it('puts the standfirst from the article header first in the body', () => {
    const page = load(`<html><body><article><header class="m-intro-header"><h1>Cycle lanes approved</h1>
      <div class="byline">By A. Writer</div><p class="a-lead">${LEAD}</p></header>
      <div class="body"><p>${A}</p><p>${B}</p></div></article></body></html>`);
    const body = pick(`<div class="body"><p>${A}</p><p>${B}</p></div>`);
    expect(restoreStandfirst(body, page.body, title(page))).toBe(true);
    expect(texts(body)).toEqual([LEAD, A, B]);
  });

  // Magazine templates: the standfirst is the subtitle in the headline's <hgroup>.
  it('puts back the subtitle of the headline group as a paragraph', () => {
    const page = load(`<html><body><article><header><hgroup><h3>Town hall</h3><h1>Cycle lanes approved</h1><h2>${LEAD}</h2></hgroup></header>
      <div class="body"><p>${A}</p><p>${B}</p></div></article></body></html>`);
    const body = pick(`<div class="body"><p>${A}</p><p>${B}</p></div>`);
    expect(restoreStandfirst(body, page.body, title(page))).toBe(true);
    expect(texts(body)).toEqual([LEAD, A, B]);
    expect(body.querySelector('h2')).toBeNull();
  });

  // Some templates wrap the standfirst in a lead box as one h2; its text comes back as a paragraph.
  // A lead box holding a heading among other text (a header block) does not.
  it('takes a lead box that holds one heading, not one that holds a heading and more', () => {
    const page = load(`<html><body><article><header><h1>Cycle lanes approved</h1><div class="post__lead"><h2>${LEAD}</h2></div>
      <div class="meta">By A. Writer</div></header><div class="body"><p>${A}</p><p>${B}</p></div></article></body></html>`);
    const body = pick(`<div class="body"><p>${A}</p><p>${B}</p></div>`);
    expect(restoreStandfirst(body, page.body, title(page))).toBe(true);
    expect(texts(body)).toEqual([LEAD, A, B]);

    const header = load(`<html><body><article><h1>Cycle lanes approved</h1><div class="intro-block"><h2>Also in this issue</h2><p>${C} ${D}</p></div>
      <div class="body"><p>${A}</p><p>${B}</p></div></article></body></html>`);
    const body2 = pick(`<div class="body"><p>${A}</p><p>${B}</p></div>`);
    expect(restoreStandfirst(body2, header.body, title(header))).toBe(false);
    expect(texts(body2)).toEqual([A, B]);
  });

  // The walk ends where the body starts: a lead-styled block after the story's first paragraph is
  // not its standfirst (a teaser of the next story below the article).
  it('stops looking once the body text starts', () => {
    const page = load(`<html><body><h1>Cycle lanes approved</h1><div class="body"><p>${A}</p><p>${B}</p></div>
      <div class="next"><div class="intro">${LEAD}</div></div></body></html>`);
    const body = pick(`<div class="body"><p>${A}</p><p>${B}</p></div>`);
    expect(restoreStandfirst(body, page.body, title(page))).toBe(false);
    expect(texts(body)).toEqual([A, B]);
  });

  it('adds nothing when the standfirst is already in the body, or when the lead-styled block is a sign-up box or a teaser', () => {
    const already = load(`<html><body><h1>Cycle lanes approved</h1><div class="body"><p class="intro">${LEAD}</p><p>${A}</p></div></body></html>`);
    const body1 = pick(`<div class="body"><p class="intro">${LEAD}</p><p>${A}</p></div>`);
    expect(restoreStandfirst(body1, already.body, title(already))).toBe(false);
    expect(texts(body1)).toEqual([LEAD, A]);

    const boxes = load(`<html><body><h1>Cycle lanes approved</h1>
      <div class="jumbotron"><p class="lead">Sign up now to write your own articles, to comment and to have your say in our community.</p></div>
      <ul><li><p class="teaser">An older story about the bus lanes in the town centre and what the council decided about them then.</p></li></ul>
      <div class="body"><p>${A}</p><p>${B}</p></div></body></html>`);
    const body2 = pick(`<div class="body"><p>${A}</p><p>${B}</p></div>`);
    expect(restoreStandfirst(body2, boxes.body, title(boxes))).toBe(false);
    expect(texts(body2)).toEqual([A, B]);
  });
});
