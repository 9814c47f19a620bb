/**
 * Page-chrome detection from structure: landmarks, link density, repeated card shapes,
 * headings such as "Related stories" or "Opinion", language links, share bars, ad slots,
 * consent banners. Class and id names are only extra evidence, so sites with hashed class
 * names (CSS modules, `css-1x2y3z`) are handled too. Read-only: never mutates the document.
 */
import type { ChromeBlock, ChromeCategory } from './types';
import { norm } from './block-text';

export interface FindChromeOptions {
  /** Extra selectors to treat as chrome (per-site rules from the user). */
  extraChromeSelectors?: string[];
  /** Selectors to keep even when detected as chrome. */
  keepSelectors?: string[];
}

/** Per-element aggregates from one walk over the body. */
interface Stats {
  /** Pre-order index and the last pre-order index inside the element's subtree. */
  idx: number;
  end: number;
  parent: number;
  text: number;
  ownText: number;
  linkText: number;
  links: number;
  commas: number;
  imgs: number;
  buttons: number;
  /** Paragraphs of running text (≥ 80 characters, few links). */
  prose: number;
  score: number;
  /** The role attribute as written (read once here: several tests need it). */
  role: string | null;
  /** The tag name (read once here: every pass over the elements tests it). */
  tag: string;
}

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'MATH', 'math', 'HEAD', 'TITLE', 'META', 'LINK']);
const NON_TEXT_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'svg', 'SVG']);
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

// Heading texts that introduce a list of other stories rather than the article's own content.
const RELATED_HEADING =
  /^(related( stories| articles| news| posts| content| coverage| links| reading| topics| videos)?|you (may|might|will) (also )?(like|enjoy|love|be interested in)|recommended( for you| stories| articles| reading| videos)?|read (more|next|also)|also read|more (on|about) (this|the) (story|topic|subject)|further reading|more like this|around the web|from (around )?the web|promoted stories|sponsored stories|don'?t miss|editor'?s picks|top stories|schon gelesen|lea también|lee también|veja também|leia também|czytaj (też|także)|zobacz (też|także)|latest( news| stories| articles| posts)?|more stories|more news|other stories|weitere artikel|weitere nachrichten|mehr zum thema|das könnte (sie|dich) auch interessieren|lesen sie auch|auch interessant|zum weiterlesen|mehr themen|(le|te) puede interesar|ähnliche (artikel|beiträge|posts|themen|nachrichten)|verwandte (artikel|beiträge)|weitere (beiträge|meldungen|news|themen)|auch lesenswert|sie könnten auch an folgenden artikeln interessiert sein|articles? (liés|similaires)|à lire aussi|lire aussi|sur le même sujet|artículos relacionados|noticias relacionadas|leggi anche|articoli correlati|похожие (статьи|новости)|читайте также|相关(文章|新闻|阅读)|関連記事)$/;
// An inline "Read also: <link>" teaser between paragraphs (news sites in many languages).
const READ_ALSO_PREFIX =
  /^(read (more|also|next)|also read|see also|related( (article|story|stories|reading))?|more on this|read|lea (también|más)|vea (también|además)|mira( también)?|te recomendamos|recomendamos|lea|lee|ver|veja|leia|siehe auch|mehr dazu|lesen sie hier|lire la suite|guarda anche|vedi anche|leggi|lee (también|más)|leer más|puedes ver|ver también|veja (também|mais)|leia (também|mais)|saiba mais|lesen sie (auch|mehr)|mehr zum thema|auch interessant|schon gelesen|zum weiterlesen|(le|te) puede interesar|puede interesarte|das könnte (dich|sie) (auch )?interessieren|weiterlesen|lire aussi|à lire aussi|voir aussi|leggi anche|czytaj (też|także|również)|przeczytaj (też|także)|zobacz (też|także|również)|читайте также|см\. также|också läst|les også|lees ook)\s*[:：?»>|–—-]/i;
const MORE_FROM_HEADING =
  /^(more from .{1,40}|more in .{1,30}|most (read|popular|viewed|shared|commented|emailed|recent)|popular( now| stories| articles| posts| today)?|trending( now| stories| articles| today)?|opinion|opinions|editorials?|columns?|columnists|in other news|what to read next|in case you missed it|recent posts|recent articles|archives|categories|tags|meistgelesen|meistgelesene artikel|am meisten gelesen|neueste (artikel|beiträge|meldungen)|neue beiträge|letzte beiträge|aktuelle (beiträge|meldungen|nachrichten|artikel)|beliebte beiträge|meistgelesene beiträge|schlagworte|schlagwörter|stichworte|stichwörter|kategorien|filed under|tagged|les plus lus|lo más leído|más leídas|i più letti|самое читаемое|热门|人気記事)$/;
const COMMENTS_HEADING =
  /^((\d+ )?(comments?|responses?|replies|reactions)|leave a (comment|reply)|post a comment|(there are )?no comments( yet)?|be the first to comment|keine kommentare( vorhanden)?|comentar este artículo|(write|add) a comment|comments are closed|schreib(e|en sie)? (einen|ihren) kommentar|kommentar (schreiben|verfassen|hinterlassen)|kommentare (sind )?geschlossen|laisser un commentaire|deja un comentario|deixe (um|seu) comentário|dodaj komentarz|join the (conversation|discussion)|discussion|kommentare?|commentaires?|comentarios|commenti|комментарии|diskutieren sie mit( uns)?|(sie sind|du bist) (aktuell |derzeit )?nicht (eingeloggt|angemeldet)|you must be logged in to (post a )?comment|(rate|bewerte|bewerten sie) (this|diesen|dieses|den|die|das) (article|post|story|recipe|product|artikel|beitrag|produkt|rezept)|wie (bewerten sie|gefällt (ihnen|dir)) (diesen|dieses|den|der) (artikel|beitrag|text)|(noch )?keine bewertungen|was this (article|page|post) helpful|war dieser (artikel|beitrag) hilfreich)(\s*\(\d+\))?$/;
// Comment notices that are chrome wherever they stand, even inside the article container (blog
// templates print "Comments are closed" in the post's own footer); a bare "Discussion" or
// "Comments" heading there may be the article's own section, so those are not in this list.
const COMMENT_NOTICE =
  /^((there are )?no comments( yet)?|be the first to comment|keine kommentare( vorhanden)?|comments are closed|kommentare (sind )?geschlossen|(sie sind|du bist) (aktuell |derzeit )?nicht (eingeloggt|angemeldet)|you must be logged in to (post a )?comment|(noch )?keine bewertungen|(rate|bewerte|bewerten sie) (this|diesen|dieses|den|die|das) (article|post|story|recipe|product|artikel|beitrag|produkt|rezept)|wie (bewerten sie|gefällt (ihnen|dir)) (diesen|dieses|den|der) (artikel|beitrag|text)|was this (article|page|post) helpful|war dieser (artikel|beitrag) hilfreich)(\s*\(\d+\))?$/;
const NEWSLETTER_HEADING = /^(subscribe( to .{1,40})?|sign up( for .{1,40})?|(get )?(our|the) newsletters?|newsletters?( sign[- ]?up)?|stay (informed|updated|in the loop)|newsletter abonnieren|abonnez-vous .{0,30}|suscríbete .{0,30})$/;
// A lone "back to the overview" / "back to top" link (municipal, association and blog pages).
const BACK_LINK =
  /^(zurück( zu(r|m)?( \S+){1,4})?|(back|return) to( the)?( \S+){1,3}|back|nach oben|(back )?to top|top|seitenanfang|retour( (à|vers) (la |l'|l’|les )?\S+( \S+)?)?|volver( a(l)? \S+( \S+)?)?|torna( a(l|lla)? \S+)?|powrót( do \S+( \S+)?)?)$/;
// Author boxes under or beside a post ("About the author", short bios with links to more posts).
const AUTHOR_BOX = /(^|[\s_-])(author[-_]*(bio|box|info|desc|description|profile|about|details|card)|about[-_]*(the[-_]*)?author|mini[-_]*bio|bio[-_]*desc|saboxplugin)/i;
const SHARE_HEADING =
  /^(share( this( article| story| post| page)?)?( on| via| with)?|share on|share via|follow us( on .{1,40})?|folge(n sie)? uns( auf .{1,40})?|síguenos( en .{1,60})?|siga-nos( n[oa] .{1,40})?|be sociable,? share|teilen|(diese[ns]?|den|die) (geschichte|beitrag|artikel|seite|story|news) teilen|(seite|artikel|beitrag) teilen|teile(n sie)? (diese[ns]?|den) (geschichte|beitrag|artikel|seite)( (auf|mit|in) .{1,25}| auf)?|jetzt teilen|partager( cet article| sur)?|compartir( en| en redes)?|compart(e|a|ilhe)( (isso|esta notícia|este artigo))?|condividi( su)?|udostępnij)$/;
const AD_LABEL = /^(advertisement|advertisements|advertising|ad|ads|sponsored|sponsored content|paid content|promoted|anzeige|werbung|publicité|publicidad|pubblicità|reklama|реклама|广告|広告|advertentie|annonce|scroll to continue( with content)?)$/i;
const COPYRIGHT = /©|&copy;|\bcopyright\b|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados/i;
const COOKIE_TEXT = /\bcookies?\b|\bconsent\b|\bgdpr\b|privacy (settings|preferences)|עוגיות|ملفات تعريف الارتباط|الكوكيز|куки|cookie-файл|クッキー|쿠키|饼干|缓存文件|kekse/i;
const SUBSCRIBE_TEXT = /subscri|sign ?(up|in)|log ?in|newsletter|register|free articles|abonn|anmelden|registrier|suscr|inscri|assine|подпис|登录|訂閱|订阅/i;

// Class/id tokens, as extra evidence only.
const HINTS: [RegExp, ChromeCategory][] = [
  [/^(cookie|cookies|consent|gdpr|cmp|onetrust|didomi|cookiebanner|cookie[-_]?notice|usercentrics|qc[-_]?cmp\d*)$/, 'consent'],
  [/^(ad|ads|advert|adverts|advertisement|advertising|adslot|adunit|ad[-_]?slot|ad[-_]?container|ad[-_]?wrapper|dfp|gpt|adsense|adsbygoogle|sponsor|sponsored|banner[-_]?ad|taboola[-_]?ad|googletag)$/, 'ad'],
  [/^(taboola|outbrain|related|recommended|recommendations|recirculation|recirc|read[-_]?more|more[-_]?stories|related[-_]?posts|related[-_]?articles|yarpp|jp[-_]?relatedposts|also[-_]?read)$/, 'related'],
  [/^(popular|trending|most[-_]?read|most[-_]?popular|mostread|more[-_]?from|widget|sidebar|rail|opinion[-_]?list)$/, 'more-from'],
  [/^(share|sharing|shares|social|socials|share[-_]?bar|sharebar|social[-_]?share|addthis|sharethis|shariff)$/, 'share'],
  [/^(newsletter|newsletters|subscribe|subscription|signup|sign[-_]?up|paywall|piano|regwall|cta|donate|donation|spenden)$/, 'newsletter'],
  [/^(comments?|comment[-_]?list|disqus|disqus[-_]?thread|respond|discussion|replies)$/, 'comments'],
  [/^(nav|navbar|navigation|menu|mainmenu|breadcrumbs?|pagination|pager|skip[-_]?link|toolbar|topbar)$/, 'navigation'],
  [/^(header|masthead|site[-_]?header|footer|site[-_]?footer|colophon|page[-_]?footer|global[-_]?footer)$/, 'header-footer'],
  [/^(lang|language|languages|lang[-_]?switch|language[-_]?switcher|language[-_]?selector|edition[-_]?switcher|langs)$/, 'language'],
];
// Page footers and sidebars named so in class/id ("footer", "site-footer", "b_footerWrap",
// "page-prefooter"; "sidebar", "col_sidebar", "region-sidebar-second", "widget-area"). Layout
// names that only say a page has a sidebar ("has-sidebar", "sidebar-and-content-body") are not.
const FOOTER_NAME = /footer/i;
const SIDEBAR_NAME = /sidebar|widget[-_]?area/i;
const LAYOUT_NAME = /content|main|body|article|story|post|entry|text|(^|[-_])(has|with|no|and)([-_]|$)|(has|with|no)sidebar|layout/i;
// After the story a story's own footer ("article-footer", "content-footer") is chrome too.
const FOOTER_LAYOUT_NAME = /(^|[-_])(has|with|no|and)([-_]|$)|(has|with|no)footer|layout|sticky|fixed/i;

// Photo credits: a line that only names the picture's source ("Foto: dpa", "Bild: Anna Muster",
// "(Photo: Reuters)", "© Getty Images"), as news and blog pages print under or over each image.
const CREDIT =
  /^[([]?\s*((photo|foto|bild|image|picture|pic|credit|fotografía|crédito|crédit|quelle|bildquelle|source|fuente|fonte|zdjęcie|fot)s?( ?credits?| ?quelle| ?nachweis| by| de| via)?\s*[:：]|©|\(c\)\s|copyright\b|photo(graph)? by |foto von |fotos? de )/i;
// A caption line that ends in a picture agency ("jorisvo / Fotolia.com", "Getty Images"): a credit when it stands in a figure.
const AGENCY_END =
  /(shutterstock|getty ?images|fotolia|istock(photo)?|adobe ?stock|picture[- ]alliance|imago|unsplash|pixabay|pexels|depositphotos|123rf|dpa|afp|reuters|ap photo|epa|keystone|ddp)(\.com)?(\/[\w .-]{1,30})?\s*[)\]]?$/i;
const CREDIT_TAGS = new Set(['FIGCAPTION', 'SPAN', 'SMALL', 'P', 'DIV', 'CITE', 'EM', 'I', 'FOOTER']);
// Affiliate and sponsorship disclosures ("Links marked * are affiliate links", "Für Links auf dieser
// Seite erhält X ggf. eine Provision"): shop-review blogs and tech news print them above or below the post.
const DISCLOSURE =
  /affiliate[- ]?links?|partner[- ]?links?|provisions?[- ]?links?|(erhält|erhalten|bekommen|bekommt) (wir|[\w.-]{2,20}) (ggf\.|gegebenenfalls|eventuell|u\.u\.|unter umständen)?\s*(eine|ein) (kleine |geringe )?(provision|vergütung|beteiligung)|(we|i) (may |might )?(earn|receive|get) (a |an )?(small |affiliate )?(commission|fee)|as an amazon associate|amazon[- ]partnerprogramm|(we|i) (occasionally )?(get|are) sponsored|commissions? (for|on) (purchases|sales)|bezahlte partnerschaft|enthält (unbezahlte |bezahlte )?werbung|lien(s)? (d'affiliation|affiliés?)|enlaces de afiliados/i;
// Links that name a post's tags or categories (rel="tag", WordPress "category tag", /tag/ URLs).
const TAG_HREF = /\/(tags?|category|categories|kategorie|kategorien|schlagworte?|stichworte?|etiqueta|etiquetas|tema|temas|rubrique|label|labels|topics?)\/[^/?#]+\/?(\?[^#]*)?$/i;
const SHARE_HREF =
  /(facebook\.com\/(sharer|share|dialog\/share)|twitter\.com\/(intent|share|home\?status)|x\.com\/intent|linkedin\.com\/(share|cws\/share|sharearticle)|api\.whatsapp\.com\/send|whatsapp:\/\/send|wa\.me\/\?|t\.me\/share|telegram\.me\/share|pinterest\.[a-z.]+\/pin\/create|reddit\.com\/submit|tumblr\.com\/(share|widgets\/share)|vk\.com\/share|xing\.com\/(spi\/)?shares?|getpocket\.com\/(save|edit)|news\.ycombinator\.com\/submitlink|bsky\.app\/intent|threads\.net\/intent|mailto:\?)/i;
const AD_SRC = /doubleclick\.net|googlesyndication|googleadservices|adservice\.google|amazon-adsystem|adnxs\.com|criteo|pubmatic|rubiconproject|taboola\.com|outbrain\.com|smartadserver|adform\.net/i;
// Language names written in their own language, as shown on edition/language switchers.
const ENDONYMS =
  /^(english|espa[ñn]ol|deutsch|fran[çc]ais|italiano|portugu[êe]s|nederlands|polski|русский|українська|t[üu]rk[çc]e|ελληνικά|中文|简体中文|繁體中文|日本語|한국어|العربية|عربي|فارسی|اردو|עברית|हिन्दी|हिंदी|বাংলা|தமிழ்|తెలుగు|ਪੰਜਾਬੀ|मराठी|ગુજરાતી|ಕನ್ನಡ|മലയാളം|ไทย|tiếng việt|bahasa indonesia|bahasa melayu|svenska|norsk|dansk|suomi|čeština|magyar|română|български|српски|hrvatski|slovenčina|kiswahili|hausa|af-soomaali)$/i;

const SCRIPTS: [string, RegExp][] = [
  ['latin', /[A-Za-z\u00C0-\u024F]/g],
  ['cyrillic', /[\u0400-\u04FF]/g],
  ['greek', /[\u0370-\u03FF]/g],
  ['arabic', /[\u0600-\u06FF\u0750-\u077F]/g],
  ['hebrew', /[\u0590-\u05FF]/g],
  ['devanagari', /[\u0900-\u097F]/g],
  ['bengali', /[\u0980-\u09FF]/g],
  ['tamil', /[\u0B80-\u0BFF]/g],
  ['thai', /[\u0E00-\u0E7F]/g],
  ['cjk', /[\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/g],
];

/** The dominant writing system of a string, or null when it has no letters. */
function scriptOf(text: string): string | null {
  let best: string | null = null;
  let bestN = 0;
  for (const [name, re] of SCRIPTS) {
    const n = text.match(re)?.length ?? 0;
    if (n > bestN) {
      best = name;
      bestN = n;
    }
  }
  return best;
}

/** headingKey of a text already passed through norm. */
const keyOfText = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[\s:：»›>→|•·\-–—.!?…]+$/u, '')
    .replace(/^[\s«‹<←|•·\-–—]+/u, '')
    .trim();
const headingKey = (s: string): string => keyOfText(norm(s));

/** An element's `${class} ${id}` string: the class/id evidence every hint test reads. */
const classIdOf = (el: Element): string => `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;

/** The lower-cased words of a class/id string, with the parts of compound names. */
function tokensOf(raw: string): string[] {
  if (!raw.trim()) return [];
  const out: string[] = [];
  for (const word of raw.split(/\s+/)) {
    if (!word) continue;
    const lower = word.toLowerCase();
    out.push(lower);
    // BEM and compound names: "article__related-list", "shareBar"
    for (const part of word.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().split(/__|--|[-_]/)) if (part && part !== lower) out.push(part);
  }
  return out;
}

// Class/id strings repeat across a page (every teaser card has the same ones): judge each once.
const hintCache = new Map<string, ChromeCategory | null>();

/** The chrome category a class/id string (classIdOf) names, or null. */
function hintCategory(raw: string): ChromeCategory | null {
  const known = hintCache.get(raw);
  if (known !== undefined) return known;
  const category = hintCategoryOf(raw);
  if (hintCache.size > 20000) hintCache.clear();
  hintCache.set(raw, category);
  return category;
}

function hintCategoryOf(raw: string): ChromeCategory | null {
  const tokens = tokensOf(raw);
  if (!tokens.length) return null;
  const words = raw.toLowerCase().split(/\s+/);
  for (const [re, cat] of HINTS) {
    // "card-header", "entry-footer", "j-header": component parts, not the site's masthead or
    // footer, so those two only count as whole class names.
    const pool = cat === 'header-footer' ? words : tokens;
    if (pool.some((t) => re.test(t))) return cat;
  }
  return null;
}

function headingCategory(text: string): ChromeCategory | null {
  return keyCategory(headingKey(text));
}

/** headingCategory on a text already passed through headingKey. */
function keyCategory(key: string): ChromeCategory | null {
  if (!key || key.length > 60) return null;
  if (RELATED_HEADING.test(key)) return 'related';
  if (MORE_FROM_HEADING.test(key)) return 'more-from';
  if (COMMENTS_HEADING.test(key)) return 'comments';
  if (NEWSLETTER_HEADING.test(key)) return 'newsletter';
  if (SHARE_HEADING.test(key)) return 'share';
  return null;
}

/** Up to ~100 characters of an element's text, its text nodes joined by spaces (adjacent links stay apart). */
function leadingText(el: Element): string {
  let out = '';
  // Document order without a stack: a block's first words never cost a visit of all its children.
  let n: Node | null = el;
  while (n && out.length < 100) {
    let next: Node | null = null;
    if (n.nodeType === 3) {
      const t = (n as Text).data.trim();
      if (t) out += `${t} `;
    } else if (n.nodeType === 1 && !SKIP_TAGS.has((n as Element).tagName)) {
      next = n.firstChild;
    }
    for (let at: Node | null = n; !next && at && at !== el; at = at.parentNode) next = at.nextSibling;
    n = next;
  }
  return norm(out);
}

/**
 * An element's text without that of the elements the page analysis skips (scripts, styles,
 * templates, SVG), which textContent includes: the inline ad code in a story mentions "gdpr" and
 * "subscribe", and must not make the story a cookie notice or a sign-up box. Only the tests that
 * judge a block by words anywhere in it read this; few blocks get that far.
 */
function shownText(el: Element): string {
  if (!el.querySelector('script, style, noscript, template, svg, math, title')) return el.textContent ?? '';
  let out = '';
  const stack: Node[] = [el];
  while (stack.length) {
    const n = stack.pop() as Node;
    if (n.nodeType === 3) out += (n as Text).data;
    else if (n.nodeType === 1 && !SKIP_TAGS.has((n as Element).tagName)) for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out;
}

function sampleOf(el: Element): string {
  const text = leadingText(el);
  if (text) return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  const label = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.querySelector('[alt]')?.getAttribute('alt');
  if (label && norm(label)) return norm(label).slice(0, 80);
  // Icon-only link rows (share bars): name the sites they point to.
  const hosts = Array.from(el.querySelectorAll('a[href]'))
    .map((a) => /^https?:\/\/(?:www\.|api\.)?([^/]+)/i.exec(a.getAttribute('href') ?? '')?.[1] ?? '')
    .filter(Boolean);
  if (hosts.length) return [...new Set(hosts)].join(', ').slice(0, 80);
  return `(${el.tagName.toLowerCase()}${el.querySelector('iframe') ? ' with iframe' : el.querySelector('img') ? ' with image' : ''})`;
}

function safeMatches(el: Element, selectors: string[]): boolean {
  for (const s of selectors) {
    try {
      if (el.matches(s)) return true;
    } catch {
      /* invalid user selector */
    }
  }
  return false;
}

/** Everything findPageChrome learns about a document in its walk; also used to pick the article. */
export interface PageAnalysis {
  elements: Element[];
  stats: Stats[];
  /** Index of the element judged to hold the article's running text, or -1. */
  article: number;
  /** Index of the article's title heading, or -1. */
  title: number;
}

/** Length of an element's text outside script/style (for choosing among candidate roots); with `any`, stops at the first text. */
function visibleTextLength(root: Element, any = false): number {
  let n = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) {
      n += norm((node as Text).data).length;
      if (any && n) return n;
    } else if (node.nodeType === 1 && !NON_TEXT_TAGS.has((node as Element).tagName)) {
      for (let c = node.firstChild; c; c = c.nextSibling) stack.push(c);
    }
  }
  return n;
}

/**
 * The element holding the page's content: `document.body`, unless a lenient parser (linkedom on
 * markup with stray tags before <html> or inside <head>) left it empty and put the content in a
 * second <body>, in <head>, or in a top-level <html> that is not the document element.
 */
export function contentBody(doc: Document): HTMLElement | null {
  const body = doc.body;
  // Early exit: the whole body's text length is only needed to choose among broken bodies.
  if (body && visibleTextLength(body, true)) return body;
  let best: Element | null = body;
  let bestLen = 0;
  const candidates = [...Array.from(doc.querySelectorAll('body')), ...Array.from(doc.children)];
  for (const c of candidates) {
    const len = visibleTextLength(c);
    if (len > bestLen) {
      best = c;
      bestLen = len;
    }
  }
  return best as HTMLElement | null;
}

const NON_SPACE = /[^ \n\t\r\f\u00a0]/;
const SPACE_RUNS = /[ \n\t\r\f\u00a0]+/g;
const ANY_COMMA = /[,\uff0c\u3001\u060c]/;

/** Walks the body once, collecting text/link/paragraph aggregates and scoring article candidates. */
export function analysePage(doc: Document): PageAnalysis {
  const elements: Element[] = [];
  const stats: Stats[] = [];
  const body = contentBody(doc);
  if (!body) return { elements, stats, article: -1, title: -1 };
  // Pre-order walk with an explicit stack (deeply nested pages must not overflow the call stack);
  // two parallel stacks, not [element, parent] pairs: this visits every node of every page.
  const stack: Element[] = [body];
  const parents: number[] = [-1];
  const tags: string[] = [body.tagName];
  while (stack.length) {
    const el = stack.pop() as Element;
    const parent = parents.pop() as number;
    const tag = tags.pop() as string;
    const idx = elements.length;
    elements.push(el);
    let ownText = 0;
    let commas = 0;
    // Children last to first, so element children go on the stack in reverse (pre-order pops them in order).
    for (let n = el.lastChild; n; n = n.previousSibling) {
      if (n.nodeType === 3) {
        const data = (n as Text).data;
        // Length with whitespace runs counted as one (a leading run not at all), and commas.
        if (!NON_SPACE.test(data)) continue;
        const collapsed = data.replace(SPACE_RUNS, ' ');
        ownText += collapsed.length - (collapsed.charCodeAt(0) === 32 ? 1 : 0);
        if (ANY_COMMA.test(collapsed)) commas += collapsed.split(ANY_COMMA).length - 1;
      } else if (n.nodeType === 1) {
        const childTag = (n as Element).tagName;
        if (!SKIP_TAGS.has(childTag)) {
          stack.push(n as Element);
          parents.push(idx);
          tags.push(childTag);
        }
      }
    }
    stats.push({ idx, end: idx, parent, text: ownText, ownText, linkText: 0, links: 0, commas, imgs: 0, buttons: 0, prose: 0, score: 0, role: null, tag });
  }
  // Role attributes, found natively: few elements have one, and reading it on each costs more.
  // Both lists are in document order, so each search starts after the last element found.
  (stats[0] as Stats).role = body.getAttribute('role');
  let from = 1;
  for (const el of body.querySelectorAll('[role]')) {
    const at = elements.indexOf(el, from);
    if (at < 0) continue; // inside an element the walk skips (an <svg> icon)
    (stats[at] as Stats).role = el.getAttribute('role');
    from = at + 1;
  }
  // Children come after their parent in pre-order, so a reverse pass aggregates bottom-up.
  for (let i = elements.length - 1; i >= 0; i--) {
    const s = stats[i] as Stats;
    const el = elements[i] as Element;
    const tag = s.tag;
    if (tag === 'A') {
      s.linkText = s.text;
      if (el.hasAttribute('href')) s.links++;
    } else if (tag === 'IMG' || tag === 'PICTURE' || tag === 'VIDEO' || tag === 'IFRAME') {
      s.imgs++;
    } else if (tag === 'BUTTON' || (tag === 'INPUT' && /^(button|submit)$/i.test(el.getAttribute('type') ?? '')) || s.role === 'button') {
      s.buttons++;
    }
    if ((tag === 'P' || tag === 'PRE' || tag === 'BLOCKQUOTE' || ((tag === 'DIV' || tag === 'TD' || tag === 'SECTION') && s.ownText >= 80)) && s.text >= 80 && s.linkText < s.text * 0.3) {
      s.prose++;
    }
    if (s.parent >= 0) {
      const p = stats[s.parent] as Stats;
      p.text += s.text;
      p.linkText += s.linkText;
      p.links += s.links;
      p.commas += s.commas;
      p.imgs += s.imgs;
      p.buttons += s.buttons;
      p.prose += s.prose;
      if (s.end > p.end) p.end = s.end;
      if (s.idx > p.end) p.end = s.idx;
    }
  }
  const article = pickArticle(elements, stats);
  return { elements, stats, article, title: pickTitle(doc, elements, stats, article) };
}

const POSITIVE = /article|body|content|entry|main|page|post|text|blog|story|hentry/i;
const NEGATIVE = /hidden|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|nav|menu|cookie/i;

/** Readability-style paragraph scoring, without touching the DOM: returns the best container's index. */
function pickArticle(elements: Element[], stats: Stats[]): number {
  const scores = new Map<number, number>();
  const base = (i: number): number => {
    const el = elements[i] as Element;
    let b = 0;
    const tag = (stats[i] as Stats).tag;
    if (tag === 'DIV' || tag === 'ARTICLE' || tag === 'MAIN' || tag === 'SECTION') b += 5;
    else if (tag === 'PRE' || tag === 'TD' || tag === 'BLOCKQUOTE') b += 3;
    else if (tag === 'FORM' || tag === 'UL' || tag === 'OL' || tag === 'LI' || tag === 'DL') b -= 3;
    else if (tag === 'NAV' || tag === 'ASIDE' || tag === 'FOOTER' || tag === 'HEADER') b -= 10;
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (cls.trim()) {
      if (NEGATIVE.test(cls)) b -= 25;
      if (POSITIVE.test(cls)) b += 25;
    }
    if (el.getAttribute('itemprop') === 'articleBody') b += 30;
    return b;
  };
  for (let i = 0; i < elements.length; i++) {
    const s = stats[i] as Stats;
    const tag = s.tag;
    const paragraphLike = tag === 'P' || tag === 'PRE' || tag === 'TD' || ((tag === 'DIV' || tag === 'SECTION' || tag === 'ARTICLE') && s.ownText >= 25);
    if (!paragraphLike) continue;
    const textLen = tag === 'P' || tag === 'PRE' || tag === 'TD' ? s.text : s.ownText;
    if (textLen < 25) continue;
    const contentScore = 1 + s.commas + Math.min(Math.floor(textLen / 100), 3);
    let p = s.parent;
    for (let level = 0; p >= 0 && level < 5; level++) {
      if (!scores.has(p)) scores.set(p, base(p));
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(p, (scores.get(p) as number) + contentScore / div);
      p = (stats[p] as Stats).parent;
    }
  }
  let best = -1;
  let bestScore = 0;
  for (const [i, sc] of scores) {
    const s = stats[i] as Stats;
    const density = s.text ? s.linkText / s.text : 0;
    const final = sc * (1 - density);
    (stats[i] as Stats).score = final;
    if (final > bestScore) {
      bestScore = final;
      best = i;
    }
  }
  return best;
}

/** The article's title heading: the h1 (else h2) matching the page title, nearest to the article. */
function pickTitle(doc: Document, elements: Element[], stats: Stats[], article: number): number {
  const pageTitle = norm(
    doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? doc.querySelector('title')?.textContent ?? '',
  ).toLowerCase();
  const articleIdx = article >= 0 ? article : 0;
  for (const tag of ['H1', 'H2']) {
    let best = -1;
    let bestDist = Infinity;
    let fallback = -1;
    for (let i = 0; i < elements.length; i++) {
      if ((stats[i] as Stats).tag !== tag) continue;
      const text = norm(elements[i]?.textContent ?? '').toLowerCase();
      if (!text) continue;
      const dist = Math.abs(i - articleIdx) + (i > articleIdx ? 50 : 0);
      if (pageTitle && text.length >= 4 && (pageTitle.includes(text) || text.includes(pageTitle))) {
        if (dist < bestDist) {
          best = i;
          bestDist = dist;
        }
      } else if (tag === 'H1' && i < articleIdx && (stats[i] as Stats).links === 0) {
        fallback = i;
      } else if (tag === 'H1' && fallback < 0 && article >= 0 && i <= (stats[article] as Stats).end && i >= article) {
        fallback = i;
      }
    }
    if (best >= 0) return best;
    if (fallback >= 0) return fallback;
  }
  return -1;
}

/** Language of the page, as a primary subtag ("en"), or null. */
function pageLang(doc: Document): string | null {
  const l = doc.documentElement?.getAttribute('lang') ?? doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content');
  return l ? (l.trim().toLowerCase().split(/[-_]/)[0] ?? null) : null;
}

/**
 * Finds the page's chrome (related/opinion lists, language toggles, navigation, ads,
 * share bars, consent banners, newsletter boxes, comments, masthead and footer) as
 * outermost live elements, never the article or an ancestor of it.
 */
export function findPageChrome(doc: Document, options: FindChromeOptions = {}): ChromeBlock[] {
  return findPageChromeIn(doc, analysePage(doc), options);
}

/** findPageChrome on an analysis already made (extractArticle shares one walk). */
export function findPageChromeIn(doc: Document, page: PageAnalysis, options: FindChromeOptions = {}): ChromeBlock[] {
  const { elements, stats, article, title } = page;
  if (!elements.length) return [];
  const extra = options.extraChromeSelectors?.filter(Boolean) ?? [];
  const keep = options.keepSelectors?.filter(Boolean) ?? [];
  const lang = pageLang(doc);
  const titleText = title >= 0 ? norm(elements[title]?.textContent ?? '') : '';
  const pageScript = scriptOf(`${titleText} ${doc.querySelector('title')?.textContent ?? ''}`) ?? 'latin';
  const articleStats = article >= 0 ? (stats[article] as Stats) : null;
  const bodyText = (stats[0] as Stats).text;
  const within = (i: number, anc: number): boolean => anc >= 0 && i >= anc && i <= (stats[anc] as Stats).end;
  const insideArticle = (i: number): boolean => article >= 0 && within(i, article);
  // The text of the element a pass is at, read (and normalised) once: several tests read it.
  let textAt = -1;
  let rawText = '';
  let normText: string | null = null;
  const rawTextOf = (i: number): string => {
    if (textAt !== i) {
      textAt = i;
      rawText = (elements[i] as Element).textContent ?? '';
      normText = null;
    }
    return rawText;
  };
  const textOf = (i: number): string => (textAt === i && normText !== null ? normText : (normText = norm(rawTextOf(i))));
  // Class attributes, read once each: a list's items all ask for their parent's.
  const classes: (string | undefined)[] = new Array<string | undefined>(elements.length);
  const classOf = (i: number): string => (classes[i] ??= (elements[i] as Element).getAttribute('class') ?? '');
  // Never emitted: ancestors of the article and of its title; descendants of kept elements.
  const noEmit = new Set<number>();
  for (const anchor of [article, title]) {
    for (let p = anchor; p >= 0; p = (stats[p] as Stats).parent) noEmit.add(p);
  }
  if (keep.length) {
    for (let i = 0; i < elements.length; i++) {
      if (safeMatches(elements[i] as Element, keep)) {
        for (let p = i; p >= 0; p = (stats[p] as Stats).parent) noEmit.add(p);
        for (let j = i; j <= (stats[i] as Stats).end; j++) noEmit.add(j);
      }
    }
  }
  // The last paragraph of running text in the article: lists after it are trailers, not content.
  let lastProse = -1;
  // The first one's end: disclosures and notices before it are not the story's text.
  let firstProse = -1;
  let firstProseStart = -1;
  if (article >= 0 && articleStats) {
    for (let i = articleStats.end; i > article; i--) {
      const s = stats[i] as Stats;
      if (s.prose > 0 && s.text >= 80 && s.tag === 'P') {
        lastProse = s.end;
        break;
      }
    }
    for (let i = article + 1; i <= articleStats.end; i++) {
      const s = stats[i] as Stats;
      if (s.prose > 0 && s.text >= 80 && s.tag === 'P') {
        firstProse = s.end;
        firstProseStart = i;
        break;
      }
    }
  }
  // After the story's text: outside the article after its end, or inside it after its last paragraph.
  const afterStory = (i: number): boolean =>
    !!articleStats && (i > articleStats.end || (lastProse >= 0 && i > lastProse && insideArticle(i)));
  // Beside the story's text: outside the article, or inside it before its first or after its last paragraph.
  const besideStory = (i: number): boolean => !insideArticle(i) || i < firstProseStart || (lastProse >= 0 && i > lastProse);
  // An image beside it or a caption/figure around it: where a credit line stands.
  // Walks only a few ancestors and reads stats first: it runs before any text is read.
  const imageContext = (i: number): boolean => {
    let p = i;
    for (let up = 0; up < 4 && p >= 0; up++, p = (stats[p] as Stats).parent) {
      const tag = (stats[p] as Stats).tag;
      if (tag === 'FIGURE' || tag === 'FIGCAPTION' || tag === 'PICTURE') return true;
      const ps = stats[p] as Stats;
      if (up > 0 && up < 3 && ps.imgs > 0 && ps.text <= 400) return true;
      if (up < 3 && /caption|credit|copyright|image|img|photo|foto|bild|media|picture|legend|licen[cs]e|lizenz/i.test(classOf(p))) return true;
    }
    return false;
  };

  // Bottom-up marks: small signals (a heading, a language link, an ad label, share links)
  // that name the block around them. Each climbs to its block; the top-down pass emits it.
  const marks = new Map<number, { category: ChromeCategory; reason: string }>();
  const climbable = (i: number): boolean => i >= 0 && !noEmit.has(i) && (stats[i] as Stats).tag !== 'BODY';
  const mark = (i: number, category: ChromeCategory, reason: string): void => {
    if (!marks.has(i)) marks.set(i, { category, reason });
  };
  // Small lines (photo credits, tag lines, notices, disclosures) that do not stop the block around
  // them from being judged whole: a teaser list with credits under its pictures is still a teaser list.
  const minorMarks = new Map<number, { category: ChromeCategory; reason: string }>();
  const markMinor = (i: number, category: ChromeCategory, reason: string): void => {
    if (!minorMarks.has(i)) minorMarks.set(i, { category, reason });
  };

  // Modal overlays, found natively: few elements are, and reading the attribute on each costs more.
  const modals = new Set<Element>(doc.querySelectorAll('[aria-modal="true"]'));
  // Judged last, so a block around the heading that is chrome for another reason is taken whole.
  const loneHeadings = new Map<number, { category: ChromeCategory; reason: string }>();
  let shareCount = new Map<number, number>();
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i] as Element;
    const s = stats[i] as Stats;
    const tag = s.tag;

    // Language links: hreflang/lang other than the page's, or a short link in another script
    // or named by a language endonym ("বাংলা" on an English page). Multilingual news sites.
    if (tag === 'A' && s.text > 0 && s.text <= 30) {
      const text = textOf(i);
      const hl = (el.getAttribute('hreflang') ?? el.getAttribute('lang') ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
      const otherLang = !!hl && !!lang && hl !== lang;
      const otherScript = (ENDONYMS.test(text) || !!hl) && text.split(' ').length <= 3 && scriptOf(text) !== null && scriptOf(text) !== pageScript;
      if (otherLang || otherScript || (!!hl && ENDONYMS.test(text))) {
        let b = i;
        while (climbable(s.parent) && climbable(stats[b]?.parent ?? -1)) {
          const p = stats[b]?.parent as number;
          const ps = stats[p] as Stats;
          const bs = stats[b] as Stats;
          if (ps.text > Math.max(80, bs.text * 1.5) || ps.links > bs.links + 3 || ps.prose > 0) break;
          b = p;
        }
        if (climbable(b)) mark(b, 'language', `language link "${text}"${hl ? ` (hreflang ${hl})` : ''}`);
      }
    }

    // Ad labels: an element whose whole text is "Advertisement" (hashed-class news sites).
    if (s.ownText > 1 && s.text <= 40 && s.links === 0 && AD_LABEL.test(textOf(i))) {
      let b = i;
      while (climbable(stats[b]?.parent ?? -1)) {
        const p = stats[b]?.parent as number;
        const ps = stats[p] as Stats;
        const bs = stats[b] as Stats;
        // Stop before swallowing a neighbour with no text of its own (a logo link).
        if (ps.text > bs.text || ps.links > bs.links) break;
        b = p;
      }
      if (climbable(b)) mark(b, 'ad', `ad label "${textOf(i)}"`);
    }
    if ((tag === 'IFRAME' && AD_SRC.test(el.getAttribute('src') ?? '')) || (tag === 'INS' && /adsbygoogle/.test(el.getAttribute('class') ?? ''))) {
      let b = i;
      while (climbable(stats[b]?.parent ?? -1) && (stats[stats[b]?.parent as number] as Stats).text < 40) b = stats[b]?.parent as number;
      if (climbable(b)) mark(b, 'ad', 'ad frame');
    }

    // Dialogs and modals outside the article (paywall, newsletter and cookie overlays): chrome of
    // their own, reported with the backdrop that wraps them (it adds no text of its own).
    const elRole = (s.role ?? '').toLowerCase();
    // (The set is asked before the climb test: every element reaches this test.)
    if (s.text > 0 && s.text < 2000 && (elRole === 'dialog' || elRole === 'alertdialog' || modals.has(el)) && climbable(i) && !insideArticle(i)) {
      let b = i;
      while (climbable(stats[b]?.parent ?? -1) && (stats[stats[b]?.parent as number] as Stats).text === (stats[b] as Stats).text) b = stats[b]?.parent as number;
      const text = shownText(el);
      let hinted: ChromeCategory | null = null;
      for (let p = i; p >= b && !hinted; p = (stats[p] as Stats).parent) hinted = hintCategory(classIdOf(elements[p] as Element));
      const category: ChromeCategory = hinted === 'consent' || COOKIE_TEXT.test(text) ? 'consent' : (hinted ?? 'newsletter');
      mark(b, category, `${elRole ? `role=${elRole}` : 'aria-modal'} overlay`);
    }

    // Share links: count per parent; a block with two or more is a share bar.
    const href = tag === 'A' ? (el.getAttribute('href') ?? '') : '';
    if (tag === 'A' && SHARE_HREF.test(href)) {
      let p = s.parent;
      for (let up = 0; up < 3 && p >= 0; up++) {
        shareCount.set(p, (shareCount.get(p) ?? 0) + 1);
        p = (stats[p] as Stats).parent;
      }
    }

    // "Read also: <a>Another story</a>" paragraphs inside the article text. Menu items are such
    // blocks too: the prefix's separator, looked for in the raw text, spares normalising theirs.
    if ((tag === 'P' || tag === 'DIV' || tag === 'LI' || HEADING_TAGS.has(tag)) && s.links >= 1 && s.text <= 400 && s.ownText + s.linkText > 0 && /[:：?»>|–—-]/.test(rawTextOf(i))) {
      const text = textOf(i);
      const m = READ_ALSO_PREFIX.exec(text);
      if (m && s.linkText >= (text.length - m[0].length) * 0.4 && climbable(i)) mark(i, 'related', `"${m[0].trim()}" teaser`);
    }

    // Photo credits (news and blog pages): a short line beside an image that only names the
    // picture's source. The caption itself stays; only the credit-only element is chrome.
    if (s.text >= 3 && s.text <= 100 && s.links <= 1 && s.prose === 0 && CREDIT_TAGS.has(tag) && i !== title && climbable(i) && imageContext(i)) {
      const text = textOf(i);
      if (CREDIT.test(text) || (text.length <= 60 && AGENCY_END.test(text))) {
        markMinor(i, 'header-footer', `photo credit "${text.slice(0, 30)}"`);
      }
    }

    // Tag and category lines after the story ("Posted in News | Tagged a, b", "Schlagworte: …") on
    // blog and news templates: the smallest block around the tag links without running text. The
    // byline and date line before the story keeps its category link.
    if (tag === 'A' && afterStory(i) && climbable(i)) {
      const rel = el.getAttribute('rel') ?? '';
      if (/(^|\s)(tag|category)(\s|$)/i.test(rel) || TAG_HREF.test(href)) {
        let b = i;
        while (climbable(stats[b]?.parent ?? -1)) {
          const p = stats[b]?.parent as number;
          const ps = stats[p] as Stats;
          if (ps.text > 400 || ps.prose > 0 || (lastProse >= 0 && p <= lastProse)) break;
          b = p;
        }
        markMinor(b, 'navigation', 'tag links');
      }
    }

    // Affiliate and sponsorship disclosures (review blogs, tech news): a short block of its own
    // before or after the story's text, never a paragraph in the middle of it.
    if ((tag === 'P' || tag === 'DIV' || tag === 'SPAN' || tag === 'SMALL' || tag === 'EM' || tag === 'ASIDE' || tag === 'SECTION') && s.text >= 30 && s.text <= 500 && s.prose <= 1 && s.ownText >= 20 && i !== title && climbable(i) && besideStory(i)) {
      if (DISCLOSURE.test(shownText(el))) {
        let b = i;
        while (climbable(stats[b]?.parent ?? -1)) {
          const p = stats[b]?.parent as number;
          const ps = stats[p] as Stats;
          if (ps.text > (stats[b] as Stats).text + 40 || ps.prose > 1 || ps.imgs > (stats[b] as Stats).imgs) break;
          b = p;
        }
        markMinor(b, 'ad', 'affiliate or sponsorship disclosure');
      }
    }

    // Comment and rating notices ("Comments are closed", "(No ratings yet)", "Rate this article")
    // are chrome wherever they stand, also inside the post's own container (blog templates).
    // The heading key of a short element, read once for the notice and heading tests below, and
    // only by them: short links, the most common short element, need none.
    const short = s.text > 0 && s.text <= 60 && i !== title;
    let key: string | null = null;
    if (short && s.ownText > 0 && s.links <= 1 && tag !== 'A' && climbable(i)) {
      key = keyOfText(textOf(i));
      if (key) {
        const bare = key.replace(/^\(|\)$/g, '');
        if (COMMENT_NOTICE.test(bare)) markMinor(i, 'comments', `comment notice "${bare.slice(0, 40)}"`);
      }
    }

    // Headings that introduce story lists ("RELATED STORIES", "Opinion", "Most read"),
    // whether real h2/h3 or a short styled div (hashed-class sites).
    // A styled div wrapping one <span> label is a heading too (magazine templates).
    // (Tested last: childElementCount is a DOM call, and this runs for every element.)
    const wrapsLabel = (): boolean => el.childElementCount === 1 && (stats[i + 1] as Stats | undefined)?.text === s.text;
    if (short && (HEADING_TAGS.has(tag) || ((s.ownText > 0 || s.links === 1 || wrapsLabel()) && !isInlineTag(tag)))) {
      const cat = keyCategory(key ?? keyOfText(textOf(i)));
      if (cat) {
        // Climb to the smallest block holding the heading and something after it.
        let b = i;
        while (climbable(stats[b]?.parent ?? -1)) {
          const p = stats[b]?.parent as number;
          b = p;
          const bs = stats[b] as Stats;
          if (bs.text > s.text + 20 || bs.links > s.links + 1 || bs.imgs > 0) break;
        }
        const bs = stats[b] as Stats;
        const startsWithHeading = b !== i && firstTextElementIs(elements, stats, b, i);
        const listy = bs.links >= s.links + 2 || (bs.text > 0 && bs.linkText / bs.text >= 0.25) || cat === 'comments' || cat === 'newsletter' || (cat === 'share' && bs.prose === 0 && bs.text <= 150);
        // Inside the article the block must not carry the article's own running text.
        const proseOk = !insideArticle(b) || bs.prose <= 2 || bs.linkText / Math.max(1, bs.text) >= 0.3;
        if (climbable(b) && startsWithHeading && listy && proseOk) {
          mark(b, cat, `heading "${textOf(i).slice(0, 40)}"`);
        } else if (articleStats && i > articleStats.end && climbable(i)) {
          // The list's heading alone when its list cannot be told apart (widget sidebars, lazy-loaded lists).
          loneHeadings.set(i, { category: cat, reason: `lone heading "${textOf(i).slice(0, 40)}"` });
        }
      }
    }
  }
  for (const [p, n] of shareCount) {
    const s = stats[p] as Stats;
    if (n >= 2 && s.text <= 200 + n * 20 && climbable(p)) {
      const inner = [...shareCount.keys()].some((q) => q !== p && (shareCount.get(q) ?? 0) >= n && within(q, p));
      if (!inner) mark(p, 'share', `${n} share links`);
    }
  }
  shareCount = new Map();

  const out: ChromeBlock[] = [];
  const emit = (i: number, category: ChromeCategory, reason: string): void => {
    const el = elements[i] as Element;
    out.push({ element: el, category, sample: sampleOf(el), reason });
  };
  // Marks are final here: a prefix count answers "any mark inside this subtree" in constant time.
  const marksUpTo = new Int32Array(elements.length + 1);
  for (const k of marks.keys()) marksUpTo[k + 1] = 1;
  for (let k = 0; k < elements.length; k++) (marksUpTo as Int32Array)[k + 1] += marksUpTo[k] as number;
  const containsMark = (i: number): boolean => (marksUpTo[(stats[i] as Stats).end + 1] as number) - (marksUpTo[i + 1] as number) > 0;

  // Top-down: the first element judged chrome on each path is emitted and its subtree skipped.
  let i = 1; // 0 is <body>
  while (i < elements.length) {
    const el = elements[i] as Element;
    const s = stats[i] as Stats;
    if (noEmit.has(i)) {
      i++;
      continue;
    }
    const verdict = classify(i, el, s);
    if (verdict) {
      emit(i, verdict.category, verdict.reason);
      i = s.end + 1;
    } else {
      i++;
    }
  }
  return out;

  function classify(i: number, el: Element, s: Stats): { category: ChromeCategory; reason: string } | null {
    const tag = s.tag;
    const inArticle = insideArticle(i);
    const density = s.text ? s.linkText / s.text : 0;
    const role = (s.role ?? '').toLowerCase();
    if (extra.length && safeMatches(el, extra)) {
      return { category: hintCategory(classIdOf(el)) ?? marks.get(i)?.category ?? 'more-from', reason: 'site rule' };
    }
    const m = marks.get(i);
    if (m) return m;
    if (s.text === 0 && s.imgs === 0) return null;
    // The class/id string and its hint, read once: several tests below use them.
    const classId = `${classOf(i)} ${el.getAttribute('id') ?? ''}`;
    const hint = hintCategory(classId);

    // Landmarks. Inside the article an <aside>/<footer> can be the article's own, so they need more evidence.
    if (tag === 'NAV' || role === 'navigation' || role === 'menubar') {
      // Tables of contents included: the reader builds its own outline.
      return { category: 'navigation', reason: `<${tag.toLowerCase()}>${role ? ` role=${role}` : ''}` };
    }
    if (!inArticle) {
      if ((tag === 'HEADER' || role === 'banner') && !el.closest('article, main, [role="main"]')) {
        return { category: 'header-footer', reason: `<${tag.toLowerCase()}>${role ? ` role=${role}` : ''}` };
      }
      if ((tag === 'FOOTER' || role === 'contentinfo') && (!el.closest('article') || density > 0.3 || s.text < 300)) {
        return { category: 'header-footer', reason: `<${tag.toLowerCase()}>${role ? ` role=${role}` : ''}` };
      }
      // A small box with an e-mail field (blog sidebars, "newsletter-popup" overlays) is a sign-up
      // box whatever its heading says ("Get new posts by email").
      if (s.text < 600 && s.prose <= 2 && (tag === 'ASIDE' || role === 'complementary' || hint === 'newsletter') && el.querySelector('input[type="email"]') && !el.querySelector('input[type="password"]')) {
        return { category: 'newsletter', reason: 'box with an e-mail sign-up field' };
      }
      if ((tag === 'ASIDE' || role === 'complementary') && s.prose <= 3) {
        const signUp = s.text < 600 && el.querySelector('input[type="email"]') ? 'newsletter' : null;
        return { category: innerHeadingCategory(i) ?? signUp ?? hint ?? 'more-from', reason: `<${tag.toLowerCase()}>${role ? ` role=${role}` : ''}` };
      }
    }
    const dialog = role === 'dialog' || role === 'alertdialog' || role === 'alert';
    // Cheap structural tests first; the text test last (it reads the element's text).
    // A consent class/id on a dialog, a fixed overlay or a banner with buttons is enough: notices
    // in Hebrew or Japanese never say "cookie" in English.
    const consentHint = hint === 'consent';
    const overlay = consentHint && (dialog || s.buttons > 0 || /position\s*:\s*(fixed|sticky)/i.test(el.getAttribute('style') ?? ''));
    if ((dialog || role === 'region' || role === '') && tag !== 'FOOTER' && s.text > 0 && s.text < 1500 && (dialog || (s.text < 600 && s.buttons > 0) || consentHint) && (overlay || COOKIE_TEXT.test(shownText(el)))) {
      return { category: 'consent', reason: role ? `role=${role} about cookies` : 'cookie notice' };
    }
    // Modal overlays that are not about cookies: paywall and sign-up prompts over the page.
    if ((dialog || modals.has(el)) && !inArticle && s.text < 1500 && SUBSCRIBE_TEXT.test(shownText(el))) {
      return { category: 'newsletter', reason: `modal ${role ? `role=${role}` : 'aria-modal'} with a sign-up prompt` };
    }
    if (tag === 'FORM' || role === 'search') {
      if (role === 'search' || el.querySelector('input[type="search"], input[name="q"], input[name="s"], input[name="query"]')) {
        return { category: 'navigation', reason: 'search form' };
      }
      if (el.querySelector('input[type="email"]') && s.text < 600) return { category: 'newsletter', reason: 'e-mail sign-up form' };
    }
    // Comment forms without class hints (blogs with a bare <form>): a text area beside name/e-mail fields.
    if (tag === 'FORM' && !inArticle && s.prose <= 1 && s.text < 1500 && el.querySelector('textarea') && el.querySelector('input[type="email"], input[name="email"], input[name="author"]')) {
      return { category: 'comments', reason: 'comment form' };
    }
    if (s.links === 1 && s.text <= 40 && s.linkText >= s.text * 0.8 && i !== title && BACK_LINK.test(keyOfText(textOf(i)))) {
      return { category: 'navigation', reason: 'back link' };
    }
    // Inside the article, a trailing box holds no running text after it (its own bio may be the last paragraph).
    const trailing = inArticle && firstProse >= 0 && i > firstProse && s.end >= lastProse;
    if ((!inArticle || (lastProse >= 0 && i > lastProse) || trailing) && s.text < 1200 && s.prose <= 2 && AUTHOR_BOX.test(classId)) {
      return { category: 'more-from', reason: 'author box' };
    }
    // After the story (blogs, magazines): the writer's photo and a short bio in a block named
    // "author" ("post-author", "entry-author"); a byline before the story is never after it.
    if ((afterStory(i) || trailing) && s.imgs > 0 && s.text >= 40 && s.text < 1200 && s.prose <= 2 && tokensOf(classId).includes('author')) {
      return { category: 'more-from', reason: 'author box after the story' };
    }
    // Story cards named "teaser" ("c-teaser", "basicTeaser", "teaser__news-list"), as news and
    // public-sector CMSs print them inside and beside the story: a headline link and a short lead.
    // The story's own lead ("teaser-text", no link) and the story itself are not cards.
    if (s.text <= 700 && s.prose <= 1 && i !== title && /teaser/i.test(classId) && (s.linkText >= 15 ? s.linkText >= s.text * 0.2 : !!el.closest('a[href]'))) {
      return { category: 'related', reason: 'teaser card' };
    }
    const hasMark = containsMark(i);

    if (hint && !hasMark) {
      // Class/id hints alone are weak: they also need the block to look like chrome.
      // Class names lie often enough ("sharing" wrappers around the whole story), so a hint
      // needs a small or link-heavy block without running text.
      const small = s.text < (inArticle ? 120 : 200);
      const linky = density >= 0.5;
      const noProse = s.prose === 0 || (!inArticle && linky && s.prose <= 1);
      if (hint === 'header-footer' && (inArticle || within(title, i))) {
        /* the article's own header */
      } else if (hint === 'comments' && s.prose >= 0 && !inArticle) {
        return { category: 'comments', reason: `class/id "${tokensOf(classId).join(' ').slice(0, 40)}"` };
      } else if (((small || linky) && noProse) || (hint === 'newsletter' && s.text < 700 && s.prose <= 2) || (hint === 'related' && s.links >= 2 && s.text < 3000 && afterStory(i))) {
        // Sign-up, paywall, donation and call-to-action boxes carry a pitch of a paragraph or two;
        // related-post lists after the story (WordPress plugins, magazines) an excerpt per post.
        return { category: hint, reason: `class/id "${tokensOf(classId).join(' ').slice(0, 40)}"` };
      }
    }

    // Page footers and sidebars after the story, named so (association, shop and blog templates):
    // they carry running text of their own (an address, an "about us" blurb, text widgets, a
    // disclaimer), so neither the link-density nor the class-hint test above takes them.
    if (!inArticle && articleStats && i > articleStats.end && s.text < bodyText * 0.5 && s.text < 4000) {
      const named = siteBlockName(classId);
      // A tag line or notice that is the whole block keeps its own, more telling category.
      if (named) return minorMarks.get(i) ?? { category: named === 'footer' ? 'header-footer' : 'more-from', reason: `${named} after the story` };
    }

    if (hasMark) return null; // let the marked blocks inside be reported on their own
    const lone = loneHeadings.get(i);
    if (lone) return lone;

    // Repeated cards: ≥3 same-shaped children, each a short block with a link (story teasers).
    // (Teaser lists are short; a block with paragraphs of running text or much of the page is content.)
    if (s.links >= 3 && s.prose <= 2 && s.text < bodyText * 0.4 && (!inArticle || (lastProse >= 0 && i > lastProse && density >= 0.35))) {
      const cards = repeatedCards(i);
      if (cards) return { category: 'related', reason: `${cards} repeated cards` };
    }

    // Tables of contents (long guides, WordPress TOC plugins): links that all jump within the page.
    // The reader builds its own outline; a footnote list has running text besides its jump links.
    if (s.links >= 3 && s.prose === 0 && density >= 0.6 && s.text < 3000 && tag !== 'A') {
      const jumps = el.querySelectorAll('a[href^="#"]').length;
      if (jumps >= s.links * 0.9) return { category: 'navigation', reason: `table of contents (${jumps} jump links)` };
    }

    // Link lists: menus and story lists (outside the article), or trailing link blocks
    // inside it ("Read more: …", tag lists) on sites that put them in the article container.
    if (s.links >= 3 && s.text >= 10 && tag !== 'P') {
      const avgLink = s.linkText / s.links;
      const trailing = !inArticle || (lastProse >= 0 && i > lastProse);
      // A menu or story list carries little text of its own; a block with much of it is a page section.
      const ownWords = s.text - s.linkText < 600 && s.text < bodyText * 0.5;
      if (ownWords && ((!inArticle && density >= 0.5 && s.prose <= 1) || (inArticle && trailing && density >= 0.7 && s.prose === 0))) {
        return { category: avgLink >= 28 ? 'more-from' : 'navigation', reason: `link density ${density.toFixed(2)}` };
      }
    }

    // Masthead and footer without landmarks (hashed-class sites): blocks beside the article's
    // ancestors, before the title with menus, or after the article with a copyright line.
    if (!inArticle && article >= 0 && s.prose <= 1) {
      const before = title >= 0 ? i < title : i < article;
      const after = articleStats ? i > articleStats.end : false;
      if (before && s.prose === 0 && s.links >= 3 && density >= 0.4 && s.text < 800) return { category: 'header-footer', reason: 'masthead before the title' };
      if (after && s.text < 2500 && COPYRIGHT.test(shownText(el)) && (density >= 0.2 || s.text < 300)) {
        return { category: 'header-footer', reason: 'footer with copyright' };
      }
    }
    return minorMarks.get(i) ?? null;
  }

  function innerHeadingCategory(i: number): ChromeCategory | null {
    const s = stats[i] as Stats;
    for (let j = i + 1; j <= s.end && j < i + 60; j++) {
      const t = stats[j] as Stats;
      if (t.text > 0 && t.text <= 60 && (HEADING_TAGS.has(t.tag) || t.ownText > 0)) {
        return headingCategory(elements[j]?.textContent ?? '');
      }
    }
    return null;
  }

  function repeatedCards(i: number): number {
    const el = elements[i] as Element;
    const kids = Array.from(el.children);
    if (kids.length < 3) return 0;
    // Numbered and positional classes ("views-row views-row-3 views-row-odd", "post-2251", "bar-4")
    // differ from card to card in Drupal views and WordPress loops: the shape is the rest.
    const sig = (k: Element): string => `${k.tagName}.${cardClasses(k.getAttribute('class') ?? '')}`;
    const counts = new Map<string, number>();
    let best = 0;
    for (const k of kids) {
      const n = (counts.get(sig(k)) ?? 0) + 1;
      counts.set(sig(k), n);
      if (n > best) best = n;
    }
    if (best < 3 || best < kids.length * 0.6) return 0;
    let ok = 0;
    for (const k of kids) {
      const j = indexOfChild(i, k);
      if (j < 0) continue;
      const ks = stats[j] as Stats;
      const headlineLink = ks.links >= 1 && ks.linkText >= 15;
      // A teaser has an image, a line of text besides its link, or a headline-length link (not a menu item).
      const teaser = ks.imgs > 0 || ks.text - ks.linkText >= 20 || ks.linkText >= 30;
      // The link is the card's headline: most of its text, or a good part of it beside an image.
      const linkShare = ks.linkText / Math.max(1, ks.text);
      if (headlineLink && teaser && ks.text <= 600 && (linkShare >= 0.4 || (ks.imgs > 0 && linkShare >= 0.2))) ok++;
    }
    return ok >= 3 && ok >= kids.length * 0.6 ? ok : 0;
  }

  function indexOfChild(parent: number, child: Element): number {
    const s = stats[parent] as Stats;
    for (let j = parent + 1; j <= s.end; j++) {
      if (elements[j] === child) return j;
      const js = stats[j] as Stats;
      if (js.parent === parent) j = js.end;
    }
    return -1;
  }
}

/** "footer" or "sidebar" when a class/id word names the page's footer or a sidebar, else null. */
function siteBlockName(classId: string): 'footer' | 'sidebar' | null {
  for (const word of classId.split(/\s+/)) {
    if (!word) continue;
    const parts = word.replace(/([a-z])([A-Z])/g, '$1-$2');
    if (FOOTER_NAME.test(word) && !FOOTER_LAYOUT_NAME.test(parts)) return 'footer';
    if (SIDEBAR_NAME.test(word) && !LAYOUT_NAME.test(parts)) return 'sidebar';
  }
  return null;
}

const POSITIONAL_CLASS = /\d|^(odd|even|first|last|alt|active|current|is-[\w-]+|has-[\w-]+)$|[-_](odd|even|first|last)$/i;

/** A class attribute without its numbered and positional words, for comparing card shapes. */
function cardClasses(raw: string): string {
  if (!/\d|odd|even|first|last|alt|active|current|is-|has-/i.test(raw)) return raw.trim();
  return raw
    .split(/\s+/)
    .filter((w) => w && !POSITIONAL_CLASS.test(w))
    .join(' ');
}

function isInlineTag(tag: string): boolean {
  return tag === 'A' || tag === 'SPAN' || tag === 'STRONG' || tag === 'B' || tag === 'EM' || tag === 'I' || tag === 'SMALL';
}

/** True when the first element with text under `block` (in document order) is `heading` or inside it. */
function firstTextElementIs(elements: Element[], stats: Stats[], block: number, heading: number): boolean {
  const hs = stats[heading] as Stats;
  for (let j = block + 1; j <= (stats[block] as Stats).end; j++) {
    if (j >= heading && j <= hs.end) return true;
    const s = stats[j] as Stats;
    if (s.ownText > 0 && !(j < heading && s.end >= heading)) return false;
  }
  return false;
}
