import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { removeCreditLines, trimArticleEdges } from '../../src/core/trim-edges';
import { blockText } from '../../src/core/block-text';

const LONG = 'A paragraph of running text that goes on for a while, with commas, clauses and a full stop at the end.';

function body(html: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return document.getElementById('root') as unknown as Element;
}

describe('trimArticleEdges', () => {
  it('drops dates, credits, tag rows and link rows at the edges, keeping headings and short sentences', () => {
    const root = body(`<p>05. Februar 2020</p><p>Foto: Jane Doe</p><h2>Heading</h2><p>${LONG}</p><p>A short line in the middle.</p><p>${LONG}</p>
      <p>That is all for today.</p><p>Tags: <a href="/a">rivers</a>, <a href="/b">otters</a></p><div><a href="/x">Back</a> <a href="/p">Print</a></div><p>19:49</p><p>March 5, 2021</p>`);
    expect(trimArticleEdges(root)).toBe(6);
    const text = blockText(root);
    expect(text).toContain('Heading');
    expect(text).toContain('A short line in the middle.');
    expect(text).toContain('That is all for today.');
    for (const gone of ['Februar', 'Foto:', 'Tags:', 'Back', '19:49', 'March 5']) expect(text).not.toContain(gone);
  });

  it('drops end matter from the first call to action after the last paragraph', () => {
    const root = body(`<p>${LONG}</p><p>${LONG}</p><p>Thanks to Ann for the photos.</p><h3>About the author</h3><p>Jo writes about rivers.</p><p>Leave a comment</p>`);
    expect(trimArticleEdges(root)).toBe(3);
    const text = blockText(root);
    expect(text).toContain('Thanks to Ann for the photos.');
    expect(text).not.toContain('About the author');
    expect(text).not.toContain('Jo writes about rivers.');
  });

  it('drops an author box or further-reading section that opens with its heading near the end', () => {
    const root = body(`<p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><h2>About the author</h2><p>${LONG}</p>`);
    trimArticleEdges(root);
    expect(blockText(root)).not.toContain('About the author');
    expect(blockText(root).split('\n\n').length).toBe(3);
    const early = body(`<h2>Further reading</h2><p>${LONG}</p><p>${LONG}</p>`);
    expect(trimArticleEdges(early)).toBe(0);
  });

  // News sites and blogs close stories with calls to action and rights lines written as whole
  // sentences, long enough to pass for running text.
  it('drops closing calls to action and rights lines written as full sentences', () => {
    const root = body(`<p>${LONG}</p><p>${LONG}</p><p>The council will vote on the plan again in the spring, after a second round of hearings.</p>
      <p>We want to hear what you think about this article. Submit a letter to the editor or write to our letters desk.</p>
      <p>Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE. Die Fotos dürfen nicht verwendet werden.</p>`);
    expect(trimArticleEdges(root)).toBe(2);
    const text = blockText(root);
    expect(text).toContain('after a second round of hearings.');
    expect(text).not.toContain('We want to hear');
    expect(text).not.toContain('Lizenz');
  });

  it('keeps a closing paragraph that is the story, even when it mentions subscribers, and one-paragraph posts', () => {
    const story = `The streaming service said it lost a million subscribers in the quarter. ${LONG} ${LONG} ${LONG}`;
    const root = body(`<p>${LONG}</p><p>${story}</p>`);
    expect(trimArticleEdges(root)).toBe(0);
    const only = body('<p>Sign up for our newsletter: the week in science, every Friday, with the stories you missed and more.</p>');
    expect(trimArticleEdges(only)).toBe(0);
  });

  // A news story's own closing line may name a platform, a donation or an affiliate: only phrases
  // that address the reader (or state the rights) are calls to action.
  it('keeps closing lines of the story that only name a call-to-action topic', () => {
    const endings = [
      'Telegram did not respond to a request for comment on Tuesday evening.',
      'The donation was returned to the company in March, the party said.',
      'Two affiliates of the firm were fined in 2019 for similar breaches.',
      'The newsletter, founded in 1998, has about 40,000 readers today.',
    ];
    for (const end of endings) {
      const root = body(`<p>${LONG}</p><p>${LONG}</p><p>${end}</p>`);
      expect(trimArticleEdges(root), end).toBe(0);
      expect(blockText(root)).toContain(end);
    }
    const cta = body(`<p>${LONG}</p><p>${LONG}</p><p>Follow us on Telegram for the latest news from the region.</p>`);
    expect(trimArticleEdges(cta)).toBe(1);
  });

  it('leaves a body without running text alone', () => {
    const root = body(`<p>Tags: <a href="/a">x</a></p><p>12:00</p>`);
    expect(trimArticleEdges(root)).toBe(0);
  });

  it('never touches furniture-like lines between paragraphs', () => {
    const root = body(`<p>${LONG}</p><p>Foto: in the middle</p><p>${LONG}</p>`);
    expect(trimArticleEdges(root)).toBe(0);
  });
});

describe('blockText and captions', () => {
  it('leaves image captions out of the text unless asked', () => {
    const root = body(`<p>${LONG}</p><figure><img src="a.jpg"><figcaption>Photo: Someone</figcaption></figure>`);
    expect(blockText(root)).not.toContain('Photo: Someone');
    expect(blockText(root, { skipCaptions: false })).toContain('Photo: Someone');
  });
});

describe('removeCreditLines', () => {
  it('drops photo credit and source lines between paragraphs, keeping pictures and sentences that mention an agency', () => {
    const root = body(`<p>${LONG}</p><figure><img src="/a.jpg" alt=""></figure><p>Foto: Jane Doe</p><p>${LONG}</p>
      <div class="pic"><img src="/b.jpg" alt=""><span>Bild: Werk</span></div><p>AFP / John Roe</p><p>Augusta National/Getty Images</p>
      <p>Crédits photos : Agence X</p><p>(Quelle: Landesamt für Statistik)</p>
      <p>The agency AFP reported the figures first. Reuters confirmed them later that day.</p><p>${LONG}</p>`);
    expect(removeCreditLines(root)).toBe(5);
    const text = blockText(root);
    for (const gone of ['Foto: Jane Doe', 'AFP / John Roe', 'Getty Images', 'Crédits photos', 'Quelle:']) expect(text).not.toContain(gone);
    expect(text).toContain('The agency AFP reported the figures first.');
    // A credit inside the element that holds its picture stays with it (the picture is kept).
    expect(root.querySelectorAll('img').length).toBe(2);
    expect(text).toContain('Bild: Werk');
  });

  it('keeps headings and long paragraphs that open with a label word', () => {
    const root = body(`<h2>Source: the 2020 census</h2><p>Source: ${LONG} ${LONG}</p><p>${LONG}</p>`);
    expect(removeCreditLines(root)).toBe(0);
  });
});
