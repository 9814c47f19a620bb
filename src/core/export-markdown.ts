/** Markdown export of an Article: YAML front matter plus the body converted with Turndown and GFM. */
import TurndownService from 'turndown';
import { highlightedCodeBlock, taskListItems } from 'turndown-plugin-gfm';
import { articleSourceLine } from './export-text';
import { parseSanitizedHtml } from './sanitize';
import type { Article } from './types';
import { norm } from './block-text';

export interface MarkdownOptions {
  /** Start with a YAML front matter block (default true). */
  frontMatter?: boolean;
  /** A document whose window can parse HTML (the CLI passes its linkedom document; optional). */
  document?: Document | null;
}

/** Returns `value` as a double-quoted YAML scalar that any YAML 1.1/1.2 parser reads back unchanged. */
export function yamlString(value: string): string {
  let out = '"';
  for (const ch of value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    // YAML forbids C0/C1 controls, DEL and the non-characters raw; line/paragraph separators break some parsers.
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff || code === 0xfffe || code === 0xffff) {
      out += '\\u' + code.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}

function frontMatter(article: Article): string {
  const fields: [string, string | null][] = [
    ['title', article.title],
    ['byline', article.byline],
    ['site', article.siteName],
    ['source', article.url || null],
    ['published', article.publishedTime],
    ['modified', article.modifiedTime],
    ['lang', article.lang],
  ];
  const lines = fields.filter(([, v]) => v != null && v.trim() !== '').map(([k, v]) => `${k}: ${yamlString(v!.trim())}`);
  return ['---', ...lines, '---'].join('\n');
}

const LANGUAGE_CLASS = /(?:^|\s)language-([\w#+.-]{1,40})(?:\s|$)/;

function codeLanguage(el: Element): string {
  for (const node of [el.firstElementChild, el]) {
    const m = node ? LANGUAGE_CLASS.exec(node.getAttribute('class') ?? '') : null;
    if (m) return m[1]!;
  }
  return '';
}

function fenceFor(code: string): string {
  // A closing fence may be indented up to three spaces; the fence must be longer than any inside.
  let size = 3;
  for (const m of code.matchAll(/^ {0,3}(`{3,})/gm)) size = Math.max(size, m[1]!.length + 1);
  return '`'.repeat(size);
}

/** Markdown table cells hold one line; pipes must not end a cell early. */
function tableCellText(content: string): string {
  return content.replace(/\s*\n+\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

function colspan(cell: Element): number {
  const n = Number.parseInt(cell.getAttribute('colspan') ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 50) : 1;
}

function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((c) => c.nodeName === 'TD' || c.nodeName === 'TH');
}

function rowsOf(table: Element): Element[] {
  // Rows of this table only, not of tables nested in its cells.
  return Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
}

function tableWidth(table: Element): number {
  return Math.max(1, ...rowsOf(table).map((r) => cellsOf(r).reduce((n, c) => n + colspan(c), 0)));
}

function createService(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    fence: '```',
    // "*" works inside words, which "_" does not (CJK text has no spaces around emphasis).
    emDelimiter: '*',
    strongDelimiter: '**',
    linkStyle: 'inlined',
  });
  service.use([highlightedCodeBlock, taskListItems]);
  // Text that reads like markup ("<img onerror=…>", "<javascript:…>") must stay text in Markdown,
  // whose renderers pass raw HTML and autolinks through; so must text that reads like an entity.
  const escapeMarkdown = service.escape.bind(service);
  service.escape = (text: string): string =>
    escapeMarkdown(text).replace(/</g, '\\<').replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');

  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const parent = node.parentElement;
      let prefix = '- ';
      if (parent?.nodeName === 'OL') {
        const start = Number.parseInt(parent.getAttribute('start') ?? '1', 10);
        prefix = `${(Number.isFinite(start) ? start : 1) + Array.from(parent.children).indexOf(node)}. `;
      }
      const isParagraph = /\n$/.test(content);
      const body = content.replace(/^\n+/, '').replace(/\n+$/, '') + (isParagraph ? '\n' : '');
      // Continuation lines line up with the item's text, as CommonMark requires for nesting.
      return prefix + body.replace(/\n/g, '\n' + ' '.repeat(prefix.length)) + (node.nextSibling ? '\n' : '');
    },
  });

  service.addRule('strikethrough', {
    filter: ['del', 's'],
    replacement: (content) => (content.trim() ? `~~${content}~~` : content),
  });

  service.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content, node) => {
      let text = norm(content);
      // A heading that is bold or italic all through (a promoted "<p><b>QUESTION?</b></p>") is plain in Markdown.
      const wrapped = /^(\*\*|\*)(?!\*)(.+?)\1$/.exec(text);
      if (wrapped && !wrapped[2]!.includes(wrapped[1]!)) text = wrapped[2]!.trim();
      if (!text) return '\n\n';
      return `\n\n${'#'.repeat(Number(node.nodeName.charAt(1)))} ${text}\n\n`;
    },
  });

  service.addRule('codeBlock', {
    filter: 'pre',
    replacement: (_content, node) => {
      const code = (node.textContent ?? '').replace(/\n$/, '');
      const fence = fenceFor(code);
      return `\n\n${fence}${codeLanguage(node)}\n${code}\n${fence}\n\n`;
    },
  });

  // Links into the page itself (outline ids) lead nowhere in a Markdown file: keep their text.
  service.addRule('inPageLink', {
    filter: (node) => node.nodeName === 'A' && (node.getAttribute('href') ?? '').startsWith('#'),
    replacement: (content) => content,
  });

  service.addRule('tableCell', {
    filter: ['th', 'td'],
    replacement: (content, node) => {
      const text = tableCellText(content);
      const first = node.parentElement ? cellsOf(node.parentElement)[0] === node : true;
      return (first ? '| ' : ' ') + text + ' |' + '  |'.repeat(colspan(node) - 1);
    },
  });

  service.addRule('tableRow', {
    filter: 'tr',
    replacement: (content, node) => {
      const table = node.closest('table');
      if (!table) return content;
      const rows = rowsOf(table);
      const width = tableWidth(table);
      const used = cellsOf(node).reduce((n, c) => n + colspan(c), 0);
      let line = content.trim();
      if (!line) line = '|';
      line += '  |'.repeat(Math.max(0, width - used));
      // GFM tables need a header row: the first row serves, whether it is made of th or td.
      if (rows[0] === node) line += '\n|' + ' --- |'.repeat(width);
      return '\n' + line;
    },
  });

  service.addRule('tableSection', {
    filter: ['thead', 'tbody', 'tfoot'],
    replacement: (content) => content,
  });

  service.addRule('tableCaption', {
    filter: 'caption',
    replacement: () => '',
  });

  service.addRule('table', {
    filter: 'table',
    replacement: (content, node) => {
      // A table inside a cell (layout tables) cannot nest in Markdown: keep its words in the cell.
      if (node.parentElement?.closest('td, th')) {
        const words = rowsOf(node).flatMap(cellsOf).map((c) => norm(c.textContent));
        return ' ' + service.escape(words.filter(Boolean).join(' ')) + ' ';
      }
      const rows = content.split('\n').filter((l) => l.trim() !== '');
      if (rows.length === 0) return '\n\n';
      const caption = norm((node as HTMLTableElement).caption?.textContent);
      const lead = caption ? `**${service.escape(caption)}**\n\n` : '';
      return `\n\n${lead}${rows.join('\n')}\n\n`;
    },
  });

  service.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const src = (node.getAttribute('src') ?? '').trim();
      if (!src) return '';
      const alt = (node.getAttribute('alt') ?? '').replace(/\s+/g, ' ').replace(/([[\]\\])/g, '\\$1').trim();
      const title = norm(node.getAttribute('title'));
      const url = src.replace(/[ ()<>]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
      return `![${alt}](${url}${title ? ` "${title.replace(/"/g, '\\"')}"` : ''})`;
    },
  });

  return service;
}

let cachedService: TurndownService | null = null;

/** Collapses runs of blank lines to one outside fenced code blocks and trims trailing blank lines. */
function tidyMarkdown(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence === null && m) fence = m[1]!;
    else if (fence !== null && m && m[1]!.startsWith(fence) && line.trim() === m[1]) fence = null;
    else if (fence === null && line.trim() === '' && (out.length === 0 || out[out.length - 1]!.trim() === '')) continue;
    out.push(fence === null && line.trim() === '' ? '' : line);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** Returns the article body HTML converted to Markdown (no title, no front matter). */
export function htmlToMarkdown(html: string, doc?: Document | null): string {
  const body = parseSanitizedHtml(html, doc);
  cachedService ??= createService();
  return tidyMarkdown(cachedService.turndown(body));
}

/** Returns the article as Markdown: YAML front matter (optional), a "# title" heading, then the body. */
export function toMarkdown(article: Article, options: MarkdownOptions = {}): string {
  const { frontMatter: withFrontMatter = true } = options;
  const body = htmlToMarkdown(article.html, options.document);
  cachedService ??= createService();
  const title = norm(article.title);
  const titleLine = title ? `# ${cachedService.escape(title)}` : '';
  // Bodies that already open with the title as <h1> keep theirs.
  const bodyHasTitle = titleLine !== '' && body.split('\n', 1)[0] === titleLine;
  // Without front matter the metadata still shows, as a line under the title.
  const sourceLine = withFrontMatter ? '' : cachedService.escape(articleSourceLine(article));
  const parts = [
    withFrontMatter ? frontMatter(article) : '',
    bodyHasTitle ? '' : titleLine,
    sourceLine,
    body,
  ].filter(Boolean);
  return parts.join('\n\n') + '\n';
}
