/**
 * Hostile pages built at test time (never committed): a 20 MB page, 10 000 levels of nesting,
 * 200 000 nodes. Each carries a small real article so a test can tell "found it" from "gave up".
 */

/** Paragraphs of the article hidden in every generated page. */
export const GENERATED_ARTICLE_PARAGRAPHS = [
  'The harbour authority confirmed on Tuesday that the old swing bridge will close for six weeks of repairs starting next month, the first full closure since it was built.',
  'Engineers found corrosion in two of the four pivot bearings during an inspection in the spring, and said the bridge could keep opening for boats only until the end of the summer season.',
  'Pedestrians will be able to use a temporary ferry that runs every ten minutes from the fish market steps, and cyclists have been asked to use the road bridge upstream.',
  'Local traders said they were worried about losing passing trade, but welcomed a promise that the work would be finished before the Christmas market opens in the square.',
];

const ARTICLE_TITLE = 'Swing bridge to close for six weeks of repairs';

function articleMarkup(): string {
  return `<article><h1>${ARTICLE_TITLE}</h1><p class="byline">By Harriet Lowe</p>${GENERATED_ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`;
}

function page(body: string, title = ARTICLE_TITLE): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

/**
 * A news page of about `bytes` bytes (default 20 MB): the article near the top, then the weight a
 * real heavy page carries: an inline JSON state blob, thousands of comment items and link lists.
 */
export function hugePage(bytes = 20 * 1024 * 1024): string {
  const head = `<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header><main>${articleMarkup()}`;
  const parts: string[] = [head];
  let size = head.length;
  // Hydration state of a single-page app: one huge script that must never be read as text.
  const stateChunk = JSON.stringify({ id: 0, headline: 'x'.repeat(200), body: 'lorem '.repeat(150) });
  const stateTarget = Math.floor(bytes * 0.5);
  const state: string[] = ['<script id="__STATE__" type="application/json">['];
  let stateSize = 0;
  for (let i = 0; stateSize < stateTarget; i++) {
    state.push(i ? ',' + stateChunk : stateChunk);
    stateSize += stateChunk.length + 1;
  }
  state.push(']</script>');
  parts.push(state.join(''));
  size += stateSize;
  parts.push('<section class="comments"><h2>Comments</h2><ol>');
  for (let i = 0; size < bytes - 200; i++) {
    const item =
      i % 10 === 9
        ? `<li class="related"><a href="/story/${i}">Related story number ${i}</a></li>`
        : `<li class="comment"><p class="who">reader${i}</p><p>Comment ${i}: I walk over that bridge every day and I had no idea the bearings were in such a state.</p></li>`;
    parts.push(item);
    size += item.length;
  }
  parts.push('</ol></section></main><footer>Footer</footer>');
  return page(parts.join(''));
}

/** A page whose article sits inside `depth` nested elements (default 10 000). */
export function deeplyNestedPage(depth = 10_000): string {
  const open = '<div class="wrap">'.repeat(depth);
  const close = '</div>'.repeat(depth);
  return page(`<header><a href="/">Home</a></header>${open}${articleMarkup()}${close}<footer>Footer</footer>`);
}

/** A page with `depth` levels of nesting and no text at all. */
export function deeplyNestedEmptyPage(depth = 10_000): string {
  return page('<div>'.repeat(depth) + '</div>'.repeat(depth), 'Nested nothing');
}

/** A page of at least `nodes` element nodes (default 200 000): the article, then a vast table of links and cells. */
export function manyNodesPage(nodes = 200_000): string {
  const rows: string[] = [];
  // Each row: tr + 4 td + 4 a = 9 elements.
  const rowCount = Math.ceil(nodes / 9);
  for (let i = 0; i < rowCount; i++) {
    rows.push(`<tr><td><a href="/q/${i}">Q${i}</a></td><td><a href="/h/${i}">${i}</a></td><td><a href="/l/${i}">L</a></td><td><a href="/c/${i}">C</a></td></tr>`);
  }
  return page(`<main>${articleMarkup()}<section class="market-data"><h2>Market data</h2><table>${rows.join('')}</table></section></main>`);
}

/** A page of `nodes` nodes and no article at all (a giant sitemap of links). */
export function manyNodesNoArticlePage(nodes = 200_000): string {
  const items: string[] = [];
  for (let i = 0; i < nodes / 2; i++) items.push(`<li><a href="/p/${i}">Page ${i}</a></li>`);
  return page(`<h1>Sitemap</h1><ul>${items.join('')}</ul>`, 'Sitemap');
}

export const GENERATED_TITLE = ARTICLE_TITLE;
