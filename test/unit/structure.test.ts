import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { markImageCaptions, structureArticle } from '../../src/core/structure';
import { blockText, countWords, readingMinutes } from '../../src/core/block-text';

function body(html: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return document.getElementById('root') as unknown as Element;
}
const tags = (root: Element): string[] => Array.from(root.children).map((c) => c.tagName.toLowerCase());

describe('structureArticle', () => {
  it('promotes questions in capitals and fully bold lines, not ordinary or trailing paragraphs', () => {
    const root = body(`<p>Intro text that is long enough.</p><p>WHAT IS IT?</p><p>Answer.</p>
      <p><strong>A bold section title</strong></p><p>More.</p><p><b>Bold sentence that ends.</b></p><p>Text.</p>
      <p>Short normal line</p><p>Text.</p><p>NASA</p><p>Text.</p><p>LAST LINE IN CAPS</p>`);
    const outline = structureArticle(root, null);
    expect(tags(root)).toEqual(['p', 'h2', 'p', 'h2', 'p', 'p', 'p', 'p', 'p', 'p', 'p', 'p']);
    expect(outline.map((o) => o.text)).toEqual(['WHAT IS IT?', 'A bold section title']);
  });

  it('drops the title heading and renumbers the rest from h2', () => {
    const root = body(`<h1>The Title</h1><p>a</p><h3>Part one</h3><p>b</p><h5>Detail</h5><p>c</p><h3>Part two</h3><p>d</p>`);
    const outline = structureArticle(root, 'The title');
    expect(tags(root)).toEqual(['p', 'h2', 'p', 'h3', 'p', 'h2', 'p']);
    expect(outline.map((o) => [o.level, o.text])).toEqual([
      [2, 'Part one'],
      [3, 'Detail'],
      [2, 'Part two'],
    ]);
  });

  it('gives headings unique ids that the outline points to', () => {
    const root = body(`<h2>Notes</h2><p>a</p><h2>Notes</h2><p>b</p><h2>Ça va?</h2><p>c</p>`);
    const outline = structureArticle(root, null);
    const ids = outline.map((o) => o.id);
    expect(new Set(ids).size).toBe(3);
    for (const o of outline) expect(root.querySelector(`[id="${o.id}"]`)?.textContent).toBe(o.text);
    expect(ids[0]).toMatch(/^cp-notes/);
  });

  it('puts pseudo-headings below real section headings', () => {
    const root = body(`<h2>Section</h2><p>a</p><p><strong>Sub point</strong></p><p>b</p>`);
    const outline = structureArticle(root, null);
    expect(outline.map((o) => o.level)).toEqual([2, 3]);
  });
});

describe('block text', () => {
  it('never glues words across blocks and keeps line breaks and preformatted text', () => {
    const root = body(`<div>One<div>Two</div>Three</div><ul><li>a</li><li>b</li></ul><p>line<br>break</p><pre>  x = 1\n  y = 2</pre><table><tr><td>c1</td><td>c2</td></tr></table>`);
    expect(blockText(root)).toBe('One\n\nTwo\n\nThree\n\na\n\nb\n\nline\nbreak\n\n  x = 1\n  y = 2\n\nc1 c2');
  });

  it('leaves ruby readings out of the sentence', () => {
    expect(blockText(body('<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの虐待</p>'))).toBe('子どもへの虐待');
  });

  it('counts CJK characters as words and estimates reading time', () => {
    expect(countWords('Hello world, again.')).toBe(3);
    expect(countWords('我们今天去 Tokyo')).toBe(6);
    expect(readingMinutes('')).toBe(0);
    expect(readingMinutes('word '.repeat(460))).toBe(2);
  });
});

describe('markImageCaptions', () => {
  // Templates that label pictures without <figcaption>: WordPress, TYPO3, custom CMSs.
  it('turns classed captions and loose text in a picture figure into figcaptions, left out of the plain text', () => {
    const root = body(`<p>The story starts here and goes on for a while.</p>
      <div class="wp-caption"><img src="a.jpg" alt=""><p class="wp-caption-text">The picket line in the hall / Photo: A. Name</p></div>
      <div class="media"><div class="media__image"><img src="b.jpg" alt=""></div><div class="media__legend">A bird in the forest.</div></div>
      <figure><img src="c.jpg" alt=""><span class="description">Agency / Photographer</span></figure>
      <p>The story ends here.</p>`);
    expect(markImageCaptions(root)).toBe(3);
    expect(root.querySelectorAll('figcaption').length).toBe(3);
    expect(blockText(root)).toBe('The story starts here and goes on for a while.\n\nThe story ends here.');
    // The reader still shows them, as captions.
    expect(root.innerHTML).toContain('<figcaption>The picket line in the hall / Photo: A. Name</figcaption>');
  });

  it('leaves story text alone: caption-classed boxes without a picture, long text boxes, headings outside figures, a figure\'s paragraphs and quotes', () => {
    const long = 'This box explains the background of the story at length. '.repeat(10);
    const root = body(`<div class="caption-box">A caption-styled note with no picture near it.</div>
      <div class="gallery"><img src="a.jpg" alt=""><div class="image-caption">${long}</div></div>
      <div class="video"><video src="v.mp4"></video><h2 class="video-caption">The standfirst set beside a video</h2></div>
      <figure class="teaser"><img src="b.jpg" alt=""><p>The lead of the story beside its picture.</p></figure>
      <figure class="quote"><img src="c.jpg" alt=""><blockquote><p>A quotation with a portrait.</p></blockquote><span>Someone</span></figure>`);
    expect(markImageCaptions(root)).toBe(0);
    expect(root.querySelector('figcaption')).toBeNull();
  });
});
