/**
 * Clearpage's XSS corpus: payload kinds drawn from the well-known public lists of XSS vectors,
 * written here by us. Each payload carries an observable "success" signal so an end-to-end test can
 * tell that it ran:
 *   - `__xss(N)`      calls a function (undefined in extension pages: a ReferenceError there),
 *   - `alert(N)`      opens a dialog,
 *   - `window.__pwned=N` sets a global,
 *   - `/xss-hit/N`    is a URL no page of ours serves; end-to-end tests watch requests for it.
 * Payload markup uses two placeholders: `@@S` (a script signal) and `@@U` (a payload URL); they are
 * expanded once here, so fixtures, unit tests and end-to-end tests see the same markup.
 *
 * The file also holds the checks that decide whether output still carries an *active* payload
 * (`findActiveHtml`, `findActiveMarkdown`): a parsed DOM, not string matching, so inert text such as
 * `title="</noscript><img onerror=…>"` does not count while a real `onerror` attribute does.
 */
import { JSDOM } from 'jsdom';

/** Where in an ordinary article page the payload is embedded. */
export type PayloadPlace = 'paragraph' | 'heading' | 'link' | 'figure' | 'table' | 'list' | 'quote' | 'block';

export type PayloadFamily =
  | 'script'
  | 'event-handler'
  | 'script-url'
  | 'data-url'
  | 'svg'
  | 'mathml'
  | 'mutation'
  | 'template-noscript'
  | 'frame'
  | 'frameset'
  | 'meta-base'
  | 'form'
  | 'object-embed'
  | 'css'
  | 'link-preload'
  | 'clobbering'
  | 'srcset-ping'
  | 'markup-as-text'
  | 'misc';

export interface XssPayload {
  /** Unique kebab-case name of the payload kind. */
  id: string;
  /** Unique number used in the payload's signals (`__xss(N)`, `/xss-hit/N`). */
  n: number;
  family: PayloadFamily;
  place: PayloadPlace;
  /** The markup as embedded in the fixture page (placeholders expanded). */
  html: string;
}

/** A payload carried in page metadata rather than the body (title, meta tags, JSON-LD, html attrs). */
export interface MetadataPayload {
  id: string;
  n: number;
  field:
    | 'title'
    | 'og:title'
    | 'og:site_name'
    | 'og:image'
    | 'meta-author'
    | 'meta-description'
    | 'json-ld-headline'
    | 'json-ld-author'
    | 'json-ld-image'
    | 'json-ld-date'
    | 'html-lang'
    | 'html-dir'
    | 'canonical'
    | 'time-datetime';
  /** The raw (decoded) string value the page states for that field. */
  value: string;
}

type RawPayload = [id: string, family: PayloadFamily, place: PayloadPlace, html: string];

// Numbers start at 1; the order here is the order of the `n` values.
const RAW: RawPayload[] = [
  // ---- script tags in every disguise
  ['script-plain', 'script', 'paragraph', '<script>@@S</script>'],
  ['script-upper', 'script', 'paragraph', '<SCRIPT>@@S</SCRIPT>'],
  ['script-mixed-case', 'script', 'paragraph', '<ScRiPt>@@S</sCrIpT>'],
  ['script-src-url', 'script', 'paragraph', '<script src="@@U.js"></script>'],
  ['script-type-module', 'script', 'paragraph', '<script type="module">@@S</script>'],
  ['script-slash-attr', 'script', 'paragraph', '<script/xss>@@S</script>'],
  ['script-newline-in-tag', 'script', 'paragraph', '<script\n>@@S</script\n>'],
  ['script-cdata-comment', 'script', 'paragraph', '<script>/*<![CDATA[*/@@S/*]]>*/</script>'],
  ['script-double-open', 'script', 'paragraph', '<<script>@@S//<</script>'],
  ['script-data-src', 'script', 'paragraph', '<script src="data:text/javascript,@@S"></script>'],
  ['script-split-name', 'script', 'paragraph', '<scr<script>ipt>@@S</scr</script>ipt>'],
  ['script-base64-eval', 'script', 'paragraph', '<script>eval(atob("@@B"))</script>'],
  ['script-string-timer', 'script', 'paragraph', '<script>setTimeout("@@S")</script>'],
  ['script-in-heading', 'script', 'heading', 'Council votes <script>@@S</script> on budget'],
  ['script-in-table-cell', 'script', 'table', '<script>@@S</script>Allocation'],
  ['script-xhtml-prefix', 'script', 'paragraph', '<x:script xmlns:x="http://www.w3.org/1999/xhtml">@@S</x:script>'],
  ['script-conditional-comment', 'script', 'paragraph', '<!--[if IE]><script>@@S</script><![endif]-->'],
  ['script-bogus-comment-close', 'script', 'paragraph', '<!--><script>@@S</script>-->'],
  ['script-cdata-bogus', 'script', 'paragraph', '<![CDATA[><script>@@S</script>]]>'],
  ['script-nomodule-charset', 'script', 'paragraph', '<script nomodule charset="utf-8">@@S</script>'],
  // ---- event handlers on many elements
  ['img-onerror', 'event-handler', 'figure', '<img src="x" onerror="@@S" alt="Flooded road">'],
  ['img-onerror-unquoted', 'event-handler', 'paragraph', '<img src=x onerror=@@S>'],
  ['img-onerror-mixed-case', 'event-handler', 'paragraph', '<IMG SRC=x OnErRoR=@@S>'],
  ['img-slash-separators', 'event-handler', 'paragraph', '<img/src="x"/onerror=@@S>'],
  ['img-newline-before-equals', 'event-handler', 'paragraph', '<img src=x onerror\n=@@S>'],
  ['img-entity-encoded-handler', 'event-handler', 'paragraph', '<img src=x onerror="@@E">'],
  ['img-fromcharcode', 'event-handler', 'paragraph', '<img src=x onerror="eval(String.fromCharCode(@@C))">'],
  ['img-quote-breakout', 'event-handler', 'paragraph', '<img """><script>@@S</script>">'],
  ['image-alias', 'event-handler', 'paragraph', '<image src=x onerror=@@S>'],
  ['img-onload-data', 'event-handler', 'figure', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="@@S" alt="pixel">'],
  ['svg-onload', 'event-handler', 'paragraph', '<svg onload=@@S></svg>'],
  ['svg-slash-onload', 'event-handler', 'paragraph', '<svg/onload=@@S></svg>'],
  ['body-onload', 'event-handler', 'block', '<body onload=@@S>'],
  ['body-onpageshow', 'event-handler', 'block', '<body onpageshow=@@S>'],
  ['input-autofocus-onfocus', 'event-handler', 'paragraph', '<input autofocus onfocus=@@S>'],
  ['select-autofocus', 'event-handler', 'paragraph', '<select autofocus onfocus=@@S><option>A</option></select>'],
  ['textarea-autofocus', 'event-handler', 'paragraph', '<textarea autofocus onfocus=@@S></textarea>'],
  ['details-ontoggle', 'event-handler', 'block', '<details open ontoggle=@@S><summary>Read the annex</summary>Annex text.</details>'],
  ['video-source-onerror', 'event-handler', 'figure', '<video><source src="x" onerror="@@S"></video>'],
  ['video-onerror', 'event-handler', 'figure', '<video src=x onerror=@@S></video>'],
  ['audio-onerror', 'event-handler', 'figure', '<audio src=x onerror=@@S></audio>'],
  ['iframe-onload', 'event-handler', 'block', '<iframe onload=@@S></iframe>'],
  ['marquee-onstart', 'event-handler', 'paragraph', '<marquee onstart=@@S>Breaking</marquee>'],
  ['div-onmouseover', 'event-handler', 'paragraph', '<span onmouseover="@@S">the harbour district</span>'],
  ['p-onclick', 'event-handler', 'block', '<p onclick="@@S">Residents were told to keep windows shut.</p>'],
  ['a-onclick', 'event-handler', 'link', '<a href="#notes" onclick="@@S">see the notes</a>'],
  ['heading-onmouseover', 'event-handler', 'block', '<h2 onmouseover="@@S">What the council decided</h2>'],
  ['td-onmouseenter', 'event-handler', 'table', '<span onmouseenter=@@S>Roads</span>'],
  ['style-onload', 'event-handler', 'paragraph', '<style onload=@@S></style>'],
  ['link-onerror', 'event-handler', 'paragraph', '<link rel=stylesheet href=x onerror=@@S>'],
  ['animation-start', 'event-handler', 'paragraph', '<style>@keyframes cpx{}</style><span style="animation-name:cpx" onanimationstart="@@S">storm</span>'],
  ['contenteditable-autofocus', 'event-handler', 'paragraph', '<span contenteditable autofocus onfocus=@@S>draft</span>'],
  ['custom-element-onfocus', 'event-handler', 'paragraph', '<xss tabindex=1 autofocus onfocus=@@S>tag</xss>'],
  ['button-onclick', 'event-handler', 'paragraph', '<button onclick=@@S>Share</button>'],
  ['input-image-onerror', 'event-handler', 'paragraph', '<input type=image src=x onerror=@@S>'],
  ['picture-img-onerror', 'event-handler', 'figure', '<picture><source srcset="x"><img src="x" onerror="@@S" alt="Crowd"></picture>'],
  ['handler-javascript-label', 'event-handler', 'paragraph', '<img src=x onerror="javascript:@@S">'],
  ['object-onerror', 'event-handler', 'paragraph', '<object data=x onerror=@@S></object>'],
  ['a-autofocus-onfocus', 'event-handler', 'link', '<a href="#" autofocus onfocus=@@S>jump</a>'],
  ['backtick-attr', 'event-handler', 'paragraph', '<img src=`x`onerror=@@S>'],
  // ---- javascript: / vbscript: URLs, with entity and whitespace obfuscation
  ['a-javascript', 'script-url', 'link', '<a href="javascript:@@S">the full report</a>'],
  ['a-javascript-unquoted', 'script-url', 'link', '<a href=javascript:@@S>the budget</a>'],
  ['a-javascript-mixed-case', 'script-url', 'link', '<a href="JaVaScRiPt:@@S">the minutes</a>'],
  ['a-javascript-leading-space', 'script-url', 'link', '<a href="  javascript:@@S">the map</a>'],
  ['a-javascript-tab-entity', 'script-url', 'link', '<a href="java&#x09;script:@@S">the timeline</a>'],
  ['a-javascript-newline-entity', 'script-url', 'link', '<a href="java&#10;script:@@S">the statement</a>'],
  ['a-javascript-cr', 'script-url', 'link', '<a href="jav&#x0D;ascript:@@S">the appendix</a>'],
  ['a-javascript-decimal-entities', 'script-url', 'link', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;@@S">the survey</a>'],
  ['a-javascript-hex-entities', 'script-url', 'link', '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;@@S">the tables</a>'],
  ['a-javascript-padded-entities', 'script-url', 'link', '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058@@S">the data</a>'],
  ['a-javascript-colon-entity', 'script-url', 'link', '<a href="javascript&colon;@@S">the vote</a>'],
  ['a-javascript-named-tab', 'script-url', 'link', '<a href="javas&Tab;cript:@@S">the footage</a>'],
  ['a-javascript-control-prefix', 'script-url', 'link', '<a href="&#14;javascript:@@S">the petition</a>'],
  ['a-javascript-comment-newline', 'script-url', 'link', '<a href="javascript://%0a@@S">the archive</a>'],
  ['a-javascript-encoded-body', 'script-url', 'link', '<a href="javascript:@@E">the letter</a>'],
  ['a-vbscript', 'script-url', 'link', '<a href="vbscript:msgbox(@@N)">the transcript</a>'],
  ['img-src-javascript', 'script-url', 'figure', '<img src="javascript:@@S" alt="Chart">'],
  ['area-href-javascript', 'script-url', 'paragraph', '<map name="m@@N"><area shape="rect" coords="0,0,10,10" href="javascript:@@S" alt="zone"></map>'],
  ['table-background-javascript', 'script-url', 'table', '<span style="display:block" background="javascript:@@S">Water</span>'],
  ['blockquote-cite-javascript', 'script-url', 'quote', '<blockquote cite="javascript:@@S">We will rebuild.</blockquote>'],
  ['video-poster-javascript', 'script-url', 'figure', '<video poster="javascript:@@S"></video>'],
  ['img-longdesc-javascript', 'script-url', 'figure', '<img src="https://example.org/p.png" longdesc="javascript:@@S" alt="Bridge">'],
  // ---- data: URLs
  ['a-data-html', 'data-url', 'link', '<a href="data:text/html,<script>@@S</script>">the leaflet</a>'],
  ['a-data-html-base64', 'data-url', 'link', '<a href="data:text/html;base64,@@H">the poster</a>'],
  ['a-data-svg', 'data-url', 'link', '<a href="data:image/svg+xml,<svg xmlns=%22http://www.w3.org/2000/svg%22 onload=%22@@S%22/>">the diagram</a>'],
  ['img-data-svg', 'data-url', 'figure', '<img src="data:image/svg+xml;base64,@@V" alt="Diagram">'],
  ['iframe-data-html', 'data-url', 'block', '<iframe src="data:text/html;base64,@@H"></iframe>'],
  ['a-data-mixed-case', 'data-url', 'link', '<a href="DaTa:text/html,<script>@@S</script>">the flyer</a>'],
  // ---- SVG
  ['svg-script', 'svg', 'paragraph', '<svg><script>@@S</script></svg>'],
  ['svg-script-href-data', 'svg', 'paragraph', '<svg><script href="data:,@@S"></script></svg>'],
  ['svg-script-xlink-data', 'svg', 'paragraph', '<svg><script xlink:href="data:,@@S"></script></svg>'],
  ['svg-a-xlink-javascript', 'svg', 'paragraph', '<svg width="120" height="20"><a xlink:href="javascript:@@S"><text x="0" y="15">tap here</text></a></svg>'],
  ['svg-a-href-javascript', 'svg', 'paragraph', '<svg width="120" height="20"><a href="javascript:@@S"><text x="0" y="15">open</text></a></svg>'],
  ['svg-animate-href', 'svg', 'paragraph', '<svg width="120" height="20"><a><animate attributeName="href" values="javascript:@@S"/><text x="0" y="15">details</text></a></svg>'],
  ['svg-set-href', 'svg', 'paragraph', '<svg width="120" height="20"><a><set attributeName="href" to="javascript:@@S"/><text x="0" y="15">more</text></a></svg>'],
  ['svg-set-xlink-href', 'svg', 'paragraph', '<svg width="120" height="20"><a><set attributeName="xlink:href" to="javascript:@@S"/><text x="0" y="15">source</text></a></svg>'],
  ['svg-animate-onbegin', 'svg', 'paragraph', '<svg><animate onbegin="@@S" attributeName="x" dur="1s"/></svg>'],
  ['svg-set-onbegin', 'svg', 'paragraph', '<svg><set onbegin="@@S" attributeName="x" to="1"/></svg>'],
  ['svg-animatetransform-onend', 'svg', 'paragraph', '<svg><animateTransform onend="@@S" attributeName="transform" type="scale" dur="0.1s"/></svg>'],
  ['svg-discard-onbegin', 'svg', 'paragraph', '<svg><discard onbegin="@@S"/></svg>'],
  ['svg-use-data', 'svg', 'paragraph', '<svg><use href="data:image/svg+xml;base64,@@V#x"/></svg>'],
  ['svg-use-external', 'svg', 'paragraph', '<svg><use xlink:href="@@U.svg#x"/></svg>'],
  ['svg-image-onerror', 'svg', 'paragraph', '<svg><image href="x" onerror="@@S"/></svg>'],
  ['svg-foreignobject-img', 'svg', 'paragraph', '<svg><foreignObject width="10" height="10"><img src="x" onerror="@@S"></foreignObject></svg>'],
  ['svg-foreignobject-iframe', 'svg', 'paragraph', '<svg><foreignObject><iframe srcdoc="&lt;script&gt;@@S&lt;/script&gt;"></iframe></foreignObject></svg>'],
  ['svg-desc-integration-point', 'svg', 'paragraph', '<svg><desc><img src="x" onerror="@@S"></desc></svg>'],
  ['svg-style-import', 'svg', 'paragraph', '<svg><style>@import url("@@U.css");</style></svg>'],
  ['svg-feimage', 'svg', 'paragraph', '<svg><filter id="f@@N"><feImage href="@@U.png"/></filter></svg>'],
  ['svg-set-event-attr', 'svg', 'paragraph', '<svg><rect width="10" height="10"><set attributeName="onmouseover" to="@@S"/></rect></svg>'],
  // ---- MathML
  ['math-href-javascript', 'mathml', 'paragraph', '<math href="javascript:@@S"><mi>x</mi></math>'],
  ['math-xlink-javascript', 'mathml', 'paragraph', '<math><mi xlink:href="javascript:@@S">y</mi></math>'],
  ['math-maction', 'mathml', 'paragraph', '<math><maction actiontype="statusline" xlink:href="javascript:@@S"><mtext>z</mtext><mtext>status</mtext></maction></math>'],
  ['math-annotation-xml-html', 'mathml', 'paragraph', '<math><annotation-xml encoding="text/html"><img src="x" onerror="@@S"></annotation-xml></math>'],
  ['math-mglyph-style', 'mathml', 'paragraph', '<math><mtext><table><mglyph><style><img src="x" onerror="@@S"></style></mglyph></table></mtext></math>'],
  ['math-mtext-svg-style', 'mathml', 'paragraph', '<math><mtext><mglyph><svg><mtext><style><path id="</style><img onerror=@@S src=x>"></style></mtext></svg></mglyph></mtext></math>'],
  ['math-onclick', 'mathml', 'paragraph', '<math onclick="@@S"><mn>1</mn></math>'],
  // ---- mutation XSS and namespace confusion
  ['mxss-noscript-title', 'mutation', 'paragraph', '<noscript><p title="</noscript><img src=x onerror=@@S>"></p></noscript>'],
  ['mxss-noscript-style', 'mutation', 'paragraph', '<noscript><style></noscript><img src=x onerror=@@S></style></noscript>'],
  ['mxss-form-math-mglyph', 'mutation', 'paragraph', '<form><math><mtext></form><form><mglyph><style></math><img src onerror=@@S></style></mglyph></form></mtext></math></form>'],
  ['mxss-svg-p-style', 'mutation', 'paragraph', '<svg></p><style><a id="</style><img src=1 onerror=@@S>"></a></style></svg>'],
  ['mxss-svg-style-breakout', 'mutation', 'paragraph', '<svg><style><img src="x" onerror="@@S"></style></svg>'],
  ['mxss-svg-p-breakout', 'mutation', 'paragraph', '<svg><p><img src="x" onerror="@@S"></p></svg>'],
  ['mxss-svg-font-color', 'mutation', 'paragraph', '<svg><font color="red"><img src="x" onerror="@@S"></font></svg>'],
  ['mxss-svg-cdata', 'mutation', 'paragraph', '<svg><![CDATA[><img src=x onerror=@@S>]]></svg>'],
  ['mxss-svg-title-comment', 'mutation', 'paragraph', '<svg><title><!--</title><img src=x onerror=@@S>--></title></svg>'],
  ['mxss-select-template-style', 'mutation', 'paragraph', '<select><template><style><!--</style><a rel="--></style></template></select><img src=x onerror=@@S>"></a></style></template></select>'],
  ['mxss-table-svg-style', 'mutation', 'table', '<svg><table><style><img src="x" onerror="@@S"></style></table></svg>'],
  ['mxss-attr-markup', 'mutation', 'paragraph', '<abbr title="&lt;img src=x onerror=@@S&gt;">HRC</abbr>'],
  ['mxss-comment-markup', 'mutation', 'paragraph', '<!--<img src=x onerror=@@S>-->quietly'],
  ['mxss-xmp', 'mutation', 'paragraph', '<xmp><img src="x" onerror="@@S"></xmp>'],
  ['mxss-title-in-body', 'mutation', 'paragraph', '<title><img src="x" onerror="@@S"></title>'],
  ['mxss-textarea-rcdata', 'mutation', 'paragraph', '<textarea><img src="x" onerror="@@S"></textarea>'],
  ['mxss-noembed', 'mutation', 'paragraph', '<noembed><img src="x" onerror="@@S"></noembed>'],
  ['mxss-noframes', 'mutation', 'paragraph', '<noframes><img src="x" onerror="@@S"></noframes>'],
  ['mxss-iframe-rawtext', 'mutation', 'paragraph', '<iframe><img src="x" onerror="@@S"></iframe>'],
  ['mxss-style-rawtext', 'mutation', 'paragraph', '<style><img src="x" onerror="@@S"></style>'],
  ['mxss-math-style-breakout', 'mutation', 'paragraph', '<math><style><img src="x" onerror="@@S"></style></math>'],
  // ---- <template> and <noscript> tricks
  ['template-img', 'template-noscript', 'paragraph', '<template><img src="x" onerror="@@S"></template>'],
  ['template-script', 'template-noscript', 'paragraph', '<template><script>@@S</script></template>'],
  ['template-shadowroot', 'template-noscript', 'block', '<div><template shadowrootmode="open"><img src="x" onerror="@@S"></template></div>'],
  ['noscript-img', 'template-noscript', 'paragraph', '<noscript><img src="x" onerror="@@S"></noscript>'],
  ['noscript-meta-refresh', 'template-noscript', 'paragraph', '<noscript><meta http-equiv="refresh" content="600;url=@@U"></noscript>'],
  // ---- frames: iframe srcdoc and friends
  ['iframe-srcdoc-script', 'frame', 'block', '<iframe srcdoc="&lt;script&gt;parent.@@S&lt;/script&gt;"></iframe>'],
  ['iframe-srcdoc-img', 'frame', 'block', '<iframe srcdoc="<img src=x onerror=parent.@@S>"></iframe>'],
  ['iframe-src-javascript', 'frame', 'block', '<iframe src="javascript:parent.@@S"></iframe>'],
  ['iframe-src-url', 'frame', 'block', '<iframe src="@@U.html" width="300" height="150"></iframe>'],
  ['iframe-sandbox-scripts', 'frame', 'block', '<iframe sandbox="allow-scripts allow-same-origin" srcdoc="&lt;script&gt;parent.@@S&lt;/script&gt;"></iframe>'],
  ['frame-tag', 'frame', 'block', '<frame src="javascript:@@S">'],
  ['frameset-onload', 'frameset', 'block', '<frameset onload=@@S></frameset>'],
  ['portal-src', 'frame', 'block', '<portal src="@@U.html"></portal>'],
  // ---- meta refresh and <base>
  ['meta-refresh-javascript', 'meta-base', 'paragraph', '<meta http-equiv="refresh" content="600;url=javascript:@@S">'],
  ['meta-refresh-data', 'meta-base', 'paragraph', '<meta http-equiv="refresh" content="600;url=data:text/html;base64,@@H">'],
  ['meta-refresh-url', 'meta-base', 'paragraph', '<meta http-equiv="refresh" content="600; URL=\'@@U\'">'],
  ['meta-set-cookie', 'meta-base', 'paragraph', '<meta http-equiv="set-cookie" content="cp@@N=1">'],
  ['meta-csp-override', 'meta-base', 'paragraph', '<meta http-equiv="Content-Security-Policy" content="script-src * \'unsafe-inline\'">'],
  ['base-href-javascript', 'meta-base', 'paragraph', '<base href="javascript:@@S//">'],
  ['base-href-url', 'meta-base', 'paragraph', '<base href="@@U/">'],
  ['base-target', 'meta-base', 'paragraph', '<base target="cp@@N">'],
  // ---- forms: action / formaction / phishing
  ['form-action-javascript', 'form', 'block', '<form action="javascript:@@S"><input type="submit" value="Subscribe"></form>'],
  ['form-login-phish', 'form', 'block', '<form action="@@U" method="post"><label>Password <input type="password" name="pw"></label><input type="submit" value="Sign in to keep reading"></form>'],
  ['button-formaction', 'form', 'block', '<form><button formaction="javascript:@@S">Send</button></form>'],
  ['input-formaction', 'form', 'block', '<form><input type="submit" formaction="javascript:@@S" value="Go"></form>'],
  ['button-form-attr', 'form', 'paragraph', '<button form="cp-form-@@N" formaction="javascript:@@S">Vote</button>'],
  ['isindex-action', 'form', 'paragraph', '<isindex type="image" src="x" action="javascript:@@S">'],
  // ---- object / embed / applet
  ['object-data-javascript', 'object-embed', 'block', '<object data="javascript:@@S"></object>'],
  ['object-data-html', 'object-embed', 'block', '<object type="text/html" data="@@U.html"></object>'],
  ['object-data-base64', 'object-embed', 'block', '<object data="data:text/html;base64,@@H"></object>'],
  ['object-param', 'object-embed', 'block', '<object><param name="src" value="javascript:@@S"></object>'],
  ['embed-javascript', 'object-embed', 'block', '<embed src="javascript:@@S">'],
  ['embed-svg-data', 'object-embed', 'block', '<embed type="image/svg+xml" src="data:image/svg+xml;base64,@@V">'],
  ['embed-url', 'object-embed', 'block', '<embed src="@@U.swf">'],
  ['applet-code', 'object-embed', 'block', '<applet code="Cp@@N.class" codebase="@@U/"></applet>'],
  // ---- CSS that loads URLs, runs script or hides content
  ['style-import-string', 'css', 'paragraph', '<style>@import "@@U.css";</style>'],
  ['style-import-url', 'css', 'paragraph', '<style>@import url(@@U.css);</style>'],
  ['style-background-url', 'css', 'paragraph', '<style>body{background:url("@@U.png")}</style>'],
  ['style-font-face', 'css', 'paragraph', '<style>@font-face{font-family:cp@@N;src:url(@@U.woff)}</style>'],
  ['style-attr-background-url', 'css', 'paragraph', '<span style="background-image:url(@@U.png)">the river</span>'],
  ['style-attr-image-set', 'css', 'paragraph', '<span style="background:image-set(\'@@U.png\' 1x)">the dam</span>'],
  ['style-attr-webkit-image-set', 'css', 'paragraph', '<span style="background:-webkit-image-set(url(@@U.png) 1x)">the pier</span>'],
  ['style-attr-list-style', 'css', 'list', '<span style="list-style:url(@@U.png)">sandbags</span>'],
  ['style-attr-cursor', 'css', 'paragraph', '<span style="cursor:url(@@U.cur),auto">the levee</span>'],
  ['style-attr-escaped-url', 'css', 'paragraph', '<span style="b\\61ckground:u\\72l(@@U.png)">the sluice</span>'],
  ['style-attr-url-javascript', 'css', 'paragraph', '<span style="background:url(javascript:@@S)">the canal</span>'],
  ['style-attr-expression', 'css', 'paragraph', '<span style="width:expression(@@S)">the gauge</span>'],
  ['style-attr-behavior', 'css', 'paragraph', '<span style="behavior:url(@@U.htc)">the pump</span>'],
  ['style-attr-moz-binding', 'css', 'paragraph', '<span style="-moz-binding:url(@@U.xml#x)">the gate</span>'],
  ['style-attr-mask-image', 'css', 'paragraph', '<span style="mask-image:url(@@U.svg)">the weir</span>'],
  ['style-attr-content-url', 'css', 'paragraph', '<span style="content:url(@@U.png)">the lock</span>'],
  ['style-overlay-link', 'css', 'link', '<a href="https://example.org/win" style="position:fixed;top:0;left:0;width:100%;height:100%;z-index:99999;background:#fff">Click to continue</a>'],
  ['style-hide-text', 'css', 'paragraph', '<span style="display:none">hidden instruction</span>'],
  // ---- link rel=import / preload / prefetch / stylesheet
  ['link-import', 'link-preload', 'paragraph', '<link rel="import" href="@@U.html">'],
  ['link-preload-script', 'link-preload', 'paragraph', '<link rel="preload" href="@@U.js" as="script">'],
  ['link-prefetch', 'link-preload', 'paragraph', '<link rel="prefetch" href="@@U">'],
  ['link-stylesheet', 'link-preload', 'paragraph', '<link rel="stylesheet" href="@@U.css">'],
  ['link-modulepreload', 'link-preload', 'paragraph', '<link rel="modulepreload" href="@@U.mjs">'],
  ['link-dns-prefetch', 'link-preload', 'paragraph', '<link rel="dns-prefetch" href="//xss-@@N.invalid">'],
  // ---- DOM clobbering
  ['clobber-proto-id', 'clobbering', 'link', '<a id="__proto__" href="#">proto</a>'],
  ['clobber-location-name', 'clobbering', 'figure', '<img name="location" src="https://example.org/l.png" alt="loc">'],
  ['clobber-document-form', 'clobbering', 'block', '<form id="document"><input name="cookie" value="x"></form>'],
  ['clobber-browser-runtime', 'clobbering', 'link', '<a id="browser" href="#">b</a><a id="browser" name="runtime" href="@@U">r</a>'],
  ['clobber-chrome-id', 'clobbering', 'link', '<a id="chrome" href="@@U">c</a>'],
  ['clobber-getelementbyid', 'clobbering', 'figure', '<img name="getElementById" src="https://example.org/g.png" alt="g">'],
  ['clobber-embed-body', 'clobbering', 'block', '<embed name="body">'],
  ['clobber-iframe-name', 'clobbering', 'block', '<iframe name="__xss"></iframe>'],
  ['clobber-pwned-id', 'clobbering', 'paragraph', '<span id="__pwned">flag</span>'],
  ['clobber-form-attributes', 'clobbering', 'block', '<form><input name="attributes"><input name="nodeName"></form>'],
  ['clobber-defaultview', 'clobbering', 'paragraph', '<span id="defaultView">dv</span>'],
  ['clobber-config-url', 'clobbering', 'link', '<a id="CONFIG" name="url" href="javascript:@@S">cfg</a>'],
  // ---- srcset, ping and other URL-bearing attributes
  ['img-srcset-javascript', 'srcset-ping', 'figure', '<img src="https://example.org/a.png" srcset="javascript:@@S 2x" alt="Aerial view">'],
  ['img-srcset-data-html', 'srcset-ping', 'figure', '<img src="https://example.org/b.png" srcset="data:text/html,<script>@@S</script> 1x" alt="Street">'],
  ['source-srcset-javascript', 'srcset-ping', 'figure', '<picture><source srcset="javascript:@@S"><img src="https://example.org/c.png" alt="Harbour"></picture>'],
  ['a-ping', 'srcset-ping', 'link', '<a href="https://example.org/story" ping="@@U">the earlier story</a>'],
  ['a-target-blank-tabnabbing', 'srcset-ping', 'link', '<a href="https://example.org/opener" target="_blank">the mayor\'s statement</a>'],
  ['img-imagesrcset-link', 'srcset-ping', 'paragraph', '<link rel="preload" as="image" imagesrcset="@@U.png 1x">'],
  ['img-lowsrc-dynsrc', 'srcset-ping', 'figure', '<img src="https://example.org/d.png" lowsrc="javascript:@@S" dynsrc="javascript:@@S" alt="Pier">'],
  ['a-xlink-on-html', 'srcset-ping', 'link', '<a href="https://example.org/ok" xlink:href="javascript:@@S">the ferry</a>'],
  // ---- other tricks from the public lists
  ['angular-template', 'misc', 'paragraph', '{{constructor.constructor(\'@@S\')()}}'],
  ['data-bind-gadget', 'misc', 'paragraph', '<span data-bind="html: \'<img src=x onerror=@@S>\'">gadget</span>'],
  ['svg-in-a-href-label', 'misc', 'link', '<a href="https://example.org/a"><svg onload="@@S"></svg>link text</a>'],
  ['html-tag-attrs', 'misc', 'block', '<html onmouseover="@@S">'],
  ['import-map', 'misc', 'paragraph', '<script type="importmap">{"imports":{"x":"@@U.js"}}</script>'],
  ['speculation-rules', 'misc', 'paragraph', '<script type="speculationrules">{"prefetch":[{"source":"list","urls":["@@U"]}]}</script>'],
  ['dialog-open-onclose', 'misc', 'block', '<dialog open onclose="@@S">notice</dialog>'],
  ['canvas-fallback', 'misc', 'paragraph', '<canvas><img src="x" onerror="@@S"></canvas>'],
  ['svg-a-target-top', 'misc', 'paragraph', '<svg width="90" height="20"><a href="@@U" target="_top"><text x="0" y="15">top</text></a></svg>'],
  ['unicode-escape-script', 'misc', 'paragraph', '<img src=x onerror="\\u005f\\u005fxss(@@N)">'],
  ['null-in-tag', 'misc', 'paragraph', '<img src=x one\u0000rror=@@S>'],
  // ---- markup written as text: harmless in HTML, raw HTML once an export forgets to escape it
  ['text-markup-img', 'markup-as-text', 'paragraph', 'the attacker typed &lt;img src=x onerror=@@S&gt; into the form'],
  ['text-markup-script', 'markup-as-text', 'paragraph', 'the page showed &lt;script&gt;@@S&lt;/script&gt; as text'],
  ['text-autolink-javascript', 'markup-as-text', 'paragraph', 'a link written as &lt;javascript:@@S&gt; in the comments'],
  ['text-markdown-link-javascript', 'markup-as-text', 'paragraph', 'a pasted [click here](javascript:@@S) link'],
  ['text-markup-heading', 'markup-as-text', 'heading', 'Why &lt;svg onload=@@S&gt; matters'],
  ['text-markup-link-text', 'markup-as-text', 'link', '<a href="https://example.org/x">&lt;img src=x onerror=@@S&gt;</a>'],
  ['text-markup-table-cell', 'markup-as-text', 'table', '&lt;iframe srcdoc="&amp;lt;script&amp;gt;@@S&amp;lt;/script&amp;gt;"&gt;'],
  ['text-markup-list-item', 'markup-as-text', 'list', '&lt;details open ontoggle=@@S&gt;'],
  ['text-markup-in-code', 'markup-as-text', 'paragraph', '<code>&lt;img src=x onerror=@@S&gt;</code>'],
  ['text-markup-in-pre', 'markup-as-text', 'block', '<pre><code>&lt;script&gt;@@S&lt;/script&gt;\n```\n&lt;img src=x onerror=@@S&gt;</code></pre>'],
  ['text-markup-figcaption', 'markup-as-text', 'figure', '<img src="https://example.org/f.png" alt="&lt;img src=x onerror=@@S&gt;">'],
];

const PAYLOAD_SERVER_PATH = '/xss-hit/';

/** The path prefix of every payload URL (`/xss-hit/N`); tests watch for requests to it. */
export const PAYLOAD_PATH = PAYLOAD_SERVER_PATH;

/** The quote-free script signal for payload N: rotates among the four kinds of observable effect. */
export function signalFor(n: number): string {
  switch (n % 4) {
    case 0:
      return `__xss(${n})`;
    case 1:
      return `alert(${n})`;
    case 2:
      return `window.__pwned=${n}`;
    default:
      return `fetch(\`${PAYLOAD_SERVER_PATH}${n}\`)`;
  }
}

function entityEncode(s: string): string {
  return [...s].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join('');
}

function expand(html: string, n: number): string {
  const signal = signalFor(n);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" id="x" onload="${signal.replace(/`/g, "'")}"><script>${signal}</script></svg>`;
  const page = `<script>${signal}</script>`;
  return html
    .replace(/@@S/g, signal)
    .replace(/@@U/g, `${PAYLOAD_SERVER_PATH}${n}`)
    .replace(/@@N/g, String(n))
    .replace(/@@B/g, Buffer.from(signal).toString('base64'))
    .replace(/@@H/g, Buffer.from(page).toString('base64'))
    .replace(/@@V/g, Buffer.from(svg).toString('base64'))
    .replace(/@@E/g, entityEncode(signal))
    .replace(/@@C/g, [...signal].map((c) => c.charCodeAt(0)).join(','));
}

/** Every body payload, numbered 1..N in list order. */
export const XSS_PAYLOADS: readonly XssPayload[] = RAW.map(([id, family, place, html], i) => ({
  id,
  n: i + 1,
  family,
  place,
  html: expand(html, i + 1),
}));

const META_START = 1001;

type RawMeta = [id: string, field: MetadataPayload['field'], value: string];

const RAW_META: RawMeta[] = [
  ['title-img', 'title', 'Flood defences <img src=x onerror=@@S> approved'],
  ['title-script-close', 'title', '</title><script>@@S</script> Budget'],
  ['og-title-svg', 'og:title', 'Harbour plan <svg onload=@@S> unveiled'],
  ['og-title-yaml-break', 'og:title', 'Plan\n---\n<img src=x onerror=@@S>\n---\n'],
  ['og-site-name-markup', 'og:site_name', 'Daily <b onmouseover=@@S>Tide</b>'],
  ['og-image-javascript', 'og:image', 'javascript:@@S'],
  ['meta-author-img', 'meta-author', '<img src=x onerror=@@S>'],
  ['meta-description-breakout', 'meta-description', '"><script>@@S</script>'],
  ['json-ld-headline-script', 'json-ld-headline', 'Council <script>@@S</script> vote'],
  ['json-ld-author-img', 'json-ld-author', 'Reporter <img src=x onerror=@@S>'],
  ['json-ld-image-javascript', 'json-ld-image', 'javascript:@@S'],
  ['json-ld-date-markup', 'json-ld-date', '2024-03-23T04:04:00+06:00"><img src=x onerror=@@S>'],
  ['html-lang-breakout', 'html-lang', 'en" onmouseover="@@S'],
  ['html-dir-breakout', 'html-dir', 'rtl" onclick="@@S'],
  ['canonical-javascript', 'canonical', 'javascript:@@S'],
  ['time-datetime-markup', 'time-datetime', '2024-03-23"><svg onload=@@S>'],
];

/** Payloads carried in metadata (numbered from 1001). */
export const METADATA_PAYLOADS: readonly MetadataPayload[] = RAW_META.map(([id, field, value], i) => ({
  id,
  n: META_START + i,
  field,
  value: expand(value, META_START + i),
}));

// ---------------------------------------------------------------------------------------------
// Deciding whether output is still active.

/** Elements that must never appear in article HTML or in the body of an export. */
const FORBIDDEN_ELEMENTS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'form', 'input', 'button',
  'select', 'textarea', 'isindex', 'base', 'meta', 'link', 'style', 'portal', 'fencedframe', 'template',
  'noscript', 'animate', 'set', 'animatemotion', 'animatetransform', 'discard', 'handler', 'listener',
  'foreignobject', 'use', 'feimage', 'maction', 'annotation-xml', 'dialog',
]);

/** Attributes whose value is a URL (or a list of them) a browser may load or navigate to. */
const URL_ATTRIBUTES = new Set([
  'href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'codebase', 'background', 'poster',
  'lowsrc', 'dynsrc', 'cite', 'longdesc', 'manifest', 'archive', 'classid', 'icon', 'profile', 'usemap',
  'from', 'to', 'values', 'by',
]);

/** Attributes that must not survive at all (they load, navigate or run something). */
const FORBIDDEN_ATTRIBUTES = new Set(['srcdoc', 'ping', 'http-equiv', 'formaction', 'xmlns:xlink', 'attributename', 'imagesrcset']);

/** Names that clobber a global or DOM property an extension page relies on. */
const CLOBBER_NAMES = new Set([
  '__proto__', 'constructor', 'prototype', 'browser', 'chrome', 'location', 'document', 'window', 'top',
  'self', 'parent', 'opener', 'frames', 'cookie', 'domain', 'body', 'head', 'forms', 'defaultView',
  'createElement', 'getElementById', 'querySelector', 'attributes', 'nodeName', 'nodeType', 'children',
  'alert', 'fetch', 'open', 'postMessage', '__xss', '__pwned', 'CONFIG', 'url', 'runtime',
]);

/** CSS that fetches something or runs script (IE expressions, XBL bindings, HTC behaviours). */
const LOADING_CSS = /url\s*\(|@import|image-set\s*\(|expression\s*\(|-moz-binding|behavio(u)?r\s*:/i;

/** Inline style that loads, runs, escapes obfuscation (CSS escapes) or overlays/hides content. */
/** Elements whose `name` becomes a property of document, window or their form. */
const NAMED_TAGS = new Set(['a', 'img', 'form', 'embed', 'object', 'iframe', 'frame', 'applet', 'input', 'button', 'select', 'textarea', 'fieldset', 'output', 'map']);

const DANGEROUS_CSS = /url\s*\(|@import|expression\s*\(|image-set\s*\(|-moz-binding|behavio(u)?r\s*:|position\s*:\s*(fixed|absolute|sticky)|display\s*:\s*none|visibility\s*:\s*hidden|\\/i;

/** Whitespace and control characters browsers strip or ignore inside URLs. */
function compact(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u205f\u3000\ufeff]/g, '');
}

const SAFE_DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif|bmp)[;,]/i;

/** Why a URL is active, or null when it is an ordinary http(s)/mailto/relative/fragment URL. */
export function activeUrlReason(raw: string, allowDataImage: boolean): string | null {
  const url = compact(raw).toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1];
  if (!scheme) return null;
  if (scheme === 'http' || scheme === 'https' || scheme === 'mailto') return null;
  if (scheme === 'data' && allowDataImage && SAFE_DATA_IMAGE.test(url)) return null;
  return `${scheme}: URL`;
}

function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

export interface ActiveFinding {
  where: string;
  what: string;
}

function describe(el: Element): string {
  return `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}>`;
}

/** Returns every active thing in an element tree (the subtree of `root`, root included). */
function scanTree(root: Element, doc: Document, opts: { allowHeadMetadata: boolean }): ActiveFinding[] {
  const findings: ActiveFinding[] = [];
  const form = doc.createElement('form');
  const all = [root, ...Array.from(root.querySelectorAll('*'))];
  for (const el of all) {
    const tag = el.localName.toLowerCase();
    const inHead = el.closest('head') !== null;
    if (FORBIDDEN_ELEMENTS.has(tag)) {
      const headOk =
        opts.allowHeadMetadata &&
        inHead &&
        ((tag === 'meta' && !el.hasAttribute('http-equiv')) ||
          (tag === 'meta' && /^content-security-policy$/i.test(el.getAttribute('http-equiv') ?? '')) ||
          (tag === 'style' && !LOADING_CSS.test(el.textContent ?? '')) ||
          (tag === 'link' && /^(canonical|author|license|icon)$/i.test(el.getAttribute('rel') ?? '')));
      if (!headOk) findings.push({ where: describe(el), what: `forbidden element <${tag}>` });
    }
    if (tag === 'style' && LOADING_CSS.test(el.textContent ?? '')) {
      findings.push({ where: describe(el), what: 'stylesheet that loads a URL or runs script' });
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const value = attr.value;
      if (name.startsWith('on')) findings.push({ where: describe(el), what: `event handler ${name}` });
      const cspMeta = opts.allowHeadMetadata && inHead && tag === 'meta' && name === 'http-equiv' && /^content-security-policy$/i.test(value);
      if (FORBIDDEN_ATTRIBUTES.has(name) && !cspMeta) findings.push({ where: describe(el), what: `attribute ${name}` });
      if (URL_ATTRIBUTES.has(name) || name.endsWith(':href')) {
        const reason = activeUrlReason(value, tag === 'img' && name === 'src');
        if (reason) findings.push({ where: describe(el), what: `${reason} in ${name}` });
        // The content attribute may stay only if it is a plain link target.
        if (tag === 'link' && name === 'href' && !/^https?:/i.test(compact(value)) && !opts.allowHeadMetadata) {
          findings.push({ where: describe(el), what: 'link href' });
        }
      }
      if (name === 'srcset') {
        for (const url of srcsetUrls(value)) {
          const reason = activeUrlReason(url, false);
          if (reason) findings.push({ where: describe(el), what: `${reason} in srcset` });
        }
      }
      if (name === 'style' && DANGEROUS_CSS.test(value)) {
        findings.push({ where: describe(el), what: `style that loads, runs or hides: ${value.slice(0, 60)}` });
      }
      const clobbers = CLOBBER_NAMES.has(value) || value in doc || value in form;
      if ((name === 'id' || (name === 'name' && NAMED_TAGS.has(tag))) && clobbers) {
        findings.push({ where: describe(el), what: `${name}="${value}" clobbers a DOM/global property` });
      }
      if (name === 'target' && tag === 'a' && !/\bnoopener\b/.test(el.getAttribute('rel') ?? '')) {
        findings.push({ where: describe(el), what: 'target without rel=noopener (tab-nabbing)' });
      }
    }
    // Declarative shadow roots and template contents are separate fragments: scan them too.
    if (tag === 'template') {
      const content = (el as HTMLTemplateElement).content;
      for (const child of Array.from(content?.children ?? [])) findings.push(...scanTree(child, doc, opts));
    }
  }
  return findings;
}

let sharedDom: JSDOM | null = null;

function parserDom(): JSDOM {
  // Scripting stays disabled: jsdom never runs what we parse, and <noscript> parses like DOMParser's.
  sharedDom ??= new JSDOM('<!doctype html><html><head></head><body></body></html>');
  return sharedDom;
}

/** Active content in an HTML fragment (article HTML, a clipboard text/html payload). */
export function findActiveHtml(fragmentHtml: string): ActiveFinding[] {
  // Parsed as a document body (scripting off, like DOMParser): nothing is loaded or run. Whatever
  // the parser hoists into <head> or onto <html>/<body> from the fragment is just as active.
  const parsed = new (parserDom().window.DOMParser)().parseFromString(
    `<!doctype html><html><head></head><body>${fragmentHtml}</body></html>`,
    'text/html',
  );
  return scanTree(parsed.documentElement, parsed, { allowHeadMetadata: false });
}

/** Active content in a whole HTML document (a standalone export): head metadata and a safe stylesheet are allowed. */
export function findActiveDocument(documentHtml: string): ActiveFinding[] {
  const parsed = new (parserDom().window.DOMParser)().parseFromString(documentHtml, 'text/html');
  return scanTree(parsed.documentElement, parsed, { allowHeadMetadata: true });
}

const NAMED_ENTITIES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', lpar: '(', rpar: ')', sol: '/', amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? m;
  });
}

function stripCode(markdown: string): string {
  // Fenced blocks, indented code and inline code spans are shown literally by every renderer.
  return markdown
    .replace(/^( {0,3})(```+|~~~+)[^\n]*\n[\s\S]*?\n\1\2[ \t]*$/gm, '')
    .replace(/(^|\n)(?: {4}|\t)[^\n]*/g, '$1')
    .replace(/(`+)[^`][\s\S]*?\1/g, '');
}

function stripFrontMatter(markdown: string): string {
  // YAML front matter is data, not rendered; only a well-formed block at the very top counts.
  const m = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  return m ? markdown.slice(m[0].length) : markdown;
}

/**
 * Active content in Markdown as a renderer that passes raw HTML through would see it: raw HTML
 * tags (checked with the HTML rules), and links, images, autolinks and reference definitions whose
 * destination is a script or data URL (after entity decoding, as CommonMark does).
 */
export function findActiveMarkdown(markdown: string): ActiveFinding[] {
  const body = stripCode(stripFrontMatter(markdown.replace(/\r\n?/g, '\n')));
  const findings: ActiveFinding[] = [];
  // Raw HTML: an unescaped "<" starting a tag, a comment or a declaration.
  const tagRe = /(?<!\\)<(\/?[a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
  const tags: string[] = [];
  for (const m of body.matchAll(tagRe)) tags.push(m[0]);
  if (tags.length) {
    for (const f of findActiveHtml(tags.join(''))) findings.push({ where: 'raw HTML in Markdown', what: `${f.what} ${f.where}` });
  }
  const dest = /(?<!\\)\]\(\s*<?([^)\s>]*)/g;
  for (const m of body.matchAll(dest)) {
    // A raster data: image is inert; script, HTML and SVG data URLs are not.
    const reason = activeUrlReason(decodeEntities(m[1] ?? ''), true);
    if (reason) findings.push({ where: 'Markdown link', what: `${reason}: ${m[1]}` });
  }
  for (const m of body.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) {
    const reason = activeUrlReason(decodeEntities(m[1] ?? ''), false);
    if (reason) findings.push({ where: 'Markdown reference definition', what: `${reason}: ${m[1]}` });
  }
  for (const m of body.matchAll(/(?<!\\)<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>/g)) {
    const reason = activeUrlReason(m[1] ?? '', false);
    if (reason) findings.push({ where: 'Markdown autolink', what: `${reason}: ${m[1]}` });
  }
  return findings;
}

/** The fixture page (under test/fixtures/xss/) that embeds each body payload family. */
export const FIXTURE_PAGES: Readonly<Record<string, readonly PayloadFamily[]>> = {
  'scripts-and-handlers': ['script', 'event-handler'],
  'urls-and-data': ['script-url', 'data-url', 'srcset-ping'],
  'svg-mathml-mutation': ['svg', 'mathml', 'mutation', 'template-noscript'],
  'frames-forms-objects': ['frame', 'meta-base', 'form', 'object-embed', 'link-preload'],
  'css-and-clobbering': ['css', 'clobbering', 'misc'],
  'markup-as-text': ['markup-as-text'],
  // Browsers drop a <frameset> met inside <body>; linkedom keeps it, so this page stands alone.
  'frameset-in-body': ['frameset'],
};

/** The fixture pages that carry the metadata payloads (title, meta tags, JSON-LD, html attributes). */
export const METADATA_FIXTURE_PAGES = ['metadata-a', 'metadata-b'] as const;

// ---------------------------------------------------------------------------------------------
// The fixture pages: ordinary-looking articles that embed the payloads.

const PROSE = [
  'The council of the coastal town of Marrow Bay voted on Tuesday to spend 41 million on new flood defences after the third winter in a row in which the harbour district went under water.',
  'Engineers told the meeting that the existing sea wall, built in 1962, had been overtopped eleven times since January and that its foundations were now undermined along a third of its length.',
  'The plan raises the wall by a metre and a half, adds two pumping stations behind the fish market and replaces the wooden tidal gates at the mouth of the river with steel ones.',
  'Shopkeepers on Quay Street, where water reached the counters in February, said they welcomed the decision but worried about two years of building work in front of their doors.',
  'The money comes partly from a national resilience fund and partly from a loan the town will repay over thirty years, adding roughly four per cent to local property taxes.',
  'Opposition councillors argued that the scheme protects the town centre while leaving the low-lying farms to the north exposed, and asked for a second study of the marshes.',
  'A hydrologist from the regional university said the design assumed sea levels forty centimetres higher by the end of the century, which she called a cautious middle estimate.',
  'Work is due to begin in the spring, once the herring season is over, and the harbour master has agreed to close the inner basin to boats for six months.',
  'Residents can read the full engineering report at the town library and comment on the plans at three public meetings to be held in the community hall.',
  'The mayor said the town had no choice: every winter without new defences cost the local economy more than the annual repayments on the loan would.',
  'Insurers have already raised premiums in the harbour district twice, and two of them stopped offering flood cover to new customers there last year.',
  'Older residents remember the great storm of 1953, when the sea came as far as the railway station, and say the new wall is long overdue.',
];

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function jsonLd(value: unknown): string {
  // What a careful site does: "<" escaped so the JSON cannot close its <script> element.
  return JSON.stringify(value, null, 2).replace(/</g, '\\u003c');
}

/** Page metadata; every value is a decoded string (escaped when written). */
interface PageMeta {
  title: string;
  ogTitle: string;
  siteName: string;
  ogImage: string;
  author: string;
  description: string;
  headline: string;
  ldAuthor: string;
  ldImage: string;
  ldDate: string;
  lang: string;
  dir: string;
  canonical: string;
  timeDatetime: string;
}

const BENIGN_META: PageMeta = {
  title: 'Marrow Bay approves flood defence plan - The Coastal Courier',
  ogTitle: 'Marrow Bay approves flood defence plan',
  siteName: 'The Coastal Courier',
  ogImage: 'https://courier.example/media/sea-wall.jpg',
  author: 'Ines Harrow',
  description: 'The council voted to raise the sea wall and add two pumping stations.',
  headline: 'Marrow Bay approves flood defence plan',
  ldAuthor: 'Ines Harrow',
  ldImage: 'https://courier.example/media/sea-wall.jpg',
  ldDate: '2024-03-23T04:04:00+06:00',
  lang: 'en',
  dir: 'ltr',
  canonical: 'https://courier.example/news/marrow-bay-flood-plan',
  timeDatetime: '2024-03-23T04:04:00+06:00',
};

const FIELD_KEY: Record<MetadataPayload['field'], keyof PageMeta> = {
  title: 'title',
  'og:title': 'ogTitle',
  'og:site_name': 'siteName',
  'og:image': 'ogImage',
  'meta-author': 'author',
  'meta-description': 'description',
  'json-ld-headline': 'headline',
  'json-ld-author': 'ldAuthor',
  'json-ld-image': 'ldImage',
  'json-ld-date': 'ldDate',
  'html-lang': 'lang',
  'html-dir': 'dir',
  canonical: 'canonical',
  'time-datetime': 'timeDatetime',
};

function placeBody(payloads: readonly XssPayload[]): string {
  const out: string[] = [];
  let sentence = 0;
  const prose = () => PROSE[sentence++ % PROSE.length]!;
  const tableRows: string[] = [];
  const listItems: string[] = [];
  for (const p of payloads) {
    const mark = `<!-- payload ${p.n}: ${p.id} -->`;
    switch (p.place) {
      case 'paragraph':
        out.push(`${mark}\n<p>${prose()} ${p.html} ${prose()}</p>`);
        break;
      case 'heading':
        out.push(`${mark}\n<h2>${p.html}</h2>\n<p>${prose()}</p>`);
        break;
      case 'link':
        out.push(`${mark}\n<p>${prose()} The details are in ${p.html}, published on Monday. ${prose()}</p>`);
        break;
      case 'figure':
        out.push(`${mark}\n<figure>${p.html}<figcaption>Photo ${p.n}: the harbour district after the February flood.</figcaption></figure>\n<p>${prose()}</p>`);
        break;
      case 'table':
        tableRows.push(`${mark}<tr><td>${p.html}</td><td>${(p.n * 1.7).toFixed(1)}</td></tr>`);
        break;
      case 'list':
        listItems.push(`${mark}<li>${p.html} were handed out on Quay Street</li>`);
        break;
      case 'quote':
      case 'block':
        out.push(`${mark}\n${p.html}\n<p>${prose()}</p>`);
        break;
    }
  }
  if (tableRows.length) {
    out.push(`<table><caption>Where the money goes (millions)</caption><thead><tr><th>Item</th><th>Cost</th></tr></thead><tbody>\n${tableRows.join('\n')}\n</tbody></table>\n<p>${prose()}</p>`);
  }
  if (listItems.length) out.push(`<ul>\n${listItems.join('\n')}\n</ul>\n<p>${prose()}</p>`);
  out.push(`<p>${prose()}</p>\n<p>${prose()}</p>`);
  return out.join('\n');
}

/** Renders an ordinary-looking article page embedding `payloads` in its body and `meta` in its head. */
export function renderArticlePage(payloads: readonly XssPayload[], metaOverrides: Partial<PageMeta> = {}): string {
  const m: PageMeta = { ...BENIGN_META, ...metaOverrides };
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: m.headline,
    datePublished: m.ldDate,
    author: [{ '@type': 'Person', name: m.ldAuthor }],
    image: m.ldImage,
    publisher: { '@type': 'Organization', name: 'The Coastal Courier' },
  };
  return `<!DOCTYPE html>
<html lang="${escapeHtml(m.lang)}" dir="${escapeHtml(m.dir)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(m.title)}</title>
<meta name="description" content="${escapeHtml(m.description)}">
<meta name="author" content="${escapeHtml(m.author)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${escapeHtml(m.ogTitle)}">
<meta property="og:site_name" content="${escapeHtml(m.siteName)}">
<meta property="og:image" content="${escapeHtml(m.ogImage)}">
<meta property="article:published_time" content="2024-03-23T04:04:00+06:00">
<link rel="canonical" href="${escapeHtml(m.canonical)}">
<script type="application/ld+json">
${jsonLd(ld)}
</script>
<script>
  // The page's own recorder: payloads that run in this page report here (that is the page's business).
  window.__xss = function (n) { (window.__xssHits = window.__xssHits || []).push(n); };
</script>
</head>
<body>
<header class="masthead"><a href="/">The Coastal Courier</a>
<nav class="menu"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
</header>
<main>
<article class="story">
<h1>${escapeHtml(m.headline)}</h1>
<p class="byline">By <span class="author">${escapeHtml(m.ldAuthor)}</span> · <time datetime="${escapeHtml(m.timeDatetime)}">23 March 2024</time></p>
${placeBody(payloads)}
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/news/storm-1953">Remembering the storm of 1953</a></li><li><a href="/news/herring">Herring season opens early</a></li></ul></aside>
</main>
<footer class="site-footer"><p>© 2024 The Coastal Courier. All rights reserved.</p></footer>
</body>
</html>
`;
}

/** The metadata overrides that plant one metadata payload (or several, one per field). */
export function metaOverridesFor(payloads: readonly MetadataPayload[]): Partial<PageMeta> {
  const overrides: Partial<PageMeta> = {};
  for (const p of payloads) overrides[FIELD_KEY[p.field]] = p.value;
  return overrides;
}

/** Which metadata payloads each metadata fixture page carries (one payload per field and page). */
export function metadataPagePayloads(): Record<(typeof METADATA_FIXTURE_PAGES)[number], MetadataPayload[]> {
  const a: MetadataPayload[] = [];
  const b: MetadataPayload[] = [];
  for (const p of METADATA_PAYLOADS) (a.some((q) => q.field === p.field) ? b : a).push(p);
  return { 'metadata-a': a, 'metadata-b': b };
}

/** Every fixture page under test/fixtures/xss/: directory name → source.html content. */
export function buildFixturePages(): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const [name, families] of Object.entries(FIXTURE_PAGES)) {
    pages[name] = renderArticlePage(XSS_PAYLOADS.filter((p) => families.includes(p.family)));
  }
  const meta = metadataPagePayloads();
  for (const name of METADATA_FIXTURE_PAGES) {
    // A metadata page also carries a few body payloads, so its popup has something to sanitise.
    pages[name] = renderArticlePage(XSS_PAYLOADS.filter((p) => p.family === 'event-handler').slice(0, 4), metaOverridesFor(meta[name]));
  }
  return pages;
}
