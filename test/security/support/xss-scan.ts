/// <reference lib="dom" />
// Loads a page in Chromium and reports everything a payload could have done there:
// - with the policy on, as readers get it: the `window.__xss` trap (and alert/confirm/prompt)
//   must stay untouched in every frame, and any refusal the Content Security Policy reports (an
//   inline handler, a javascript: URL, a frame) means the markup got past the server, so it
//   counts as getting through;
// - for the densest pages also with the policy switched off (bypassCSP), where anything that
//   reached the page runs, so the trap alone would catch it;
// - each time, a scan of the DOM (shadow roots included) for active content: handlers,
//   script-bearing URLs, foreign scripts, frames, plug-ins, <base>, <meta http-equiv>, styles.
// Each finding carries the payload marks found in the offending element, so the caller can
// charge it to the payload and input it came from; a finding without a mark is charged to the
// page itself.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../support/browser.ts';
import { MARK } from './xss-payloads.ts';

export interface Finding {
  /** The marks ("xq017t") in the offending element or event; empty when none. */
  marks: string[];
  what: string;
}

export interface PageScan {
  url: string;
  status: number;
  findings: Finding[];
  /** Every mark anywhere in the rendered document, as text or inert attribute value. */
  present: Set<string>;
}

/** A response produced by the app and shown in Chromium as if it came from `url` (POST answers). */
export interface CapturedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

// Runs in every frame before the page's own scripts.
const TRAP = `(() => {
  const hits = [];
  const note = (kind, value) => {
    hits.push(kind + ':' + String(value));
    try { if (window.top !== window) window.top.__xssHits.push(kind + ':' + String(value)); } catch {}
  };
  Object.defineProperty(window, '__xssHits', { value: hits });
  let trapped;
  Object.defineProperty(window, '__xss', {
    configurable: false,
    get() { return trapped; },
    set(value) { trapped = value; note('trap', value); },
  });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (message) => note(name, message);
  }
  document.addEventListener('securitypolicyviolation', (e) => {
    const el = e.target && e.target.nodeType === 1 ? e.target.outerHTML.slice(0, 400) : '';
    note('csp', e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '') + ' ' + el);
  }, true);
})();`;

/** The DOM scan, run in the page: every element with something active about it. */
function scanDom(): { text: string; what: string }[] {
  const found: { text: string; what: string }[] = [];
  const URL_ATTRS = new Set([
    'href',
    'src',
    'srcset',
    'action',
    'formaction',
    'data',
    'poster',
    'background',
    'dynsrc',
    'lowsrc',
    'codebase',
    'ping',
    'cite',
    'xlink:href',
    'to',
    'values',
    'from',
    'by',
    'longdesc',
    'archive',
    'classid',
    'icon',
    'manifest',
  ]);
  const ALWAYS_BAD = new Set([
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'base',
    'style',
    'portal',
    'xmp',
    'plaintext',
    'noembed',
    'noframes',
    'isindex',
    'keygen',
    'marquee',
    'math',
  ]);
  const opening = (el: Element) =>
    `<${el.tagName.toLowerCase()}${Array.from(el.attributes)
      .map((a) => ` ${a.name}="${a.value}"`)
      .join('')}>`;
  const bad = (el: Element, what: string) =>
    found.push({ text: `${opening(el)}${el.textContent?.slice(0, 300) ?? ''}`, what });
  const scriptish = (value: string, tag: string, name: string) => {
    // Browsers drop C0 controls and spaces around a URL and tabs and newlines inside it.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: those characters are the point
    const v = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
    if (/^(javascript|vbscript|livescript):/.test(v)) return true;
    if (!v.startsWith('data:')) return false;
    return !(
      tag === 'img' &&
      (name === 'src' || name === 'srcset') &&
      /^data:image\/(png|gif|jpeg|webp|avif)[;,]/.test(v)
    );
  };
  const visit = (root: Document | ShadowRoot) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (el.shadowRoot) visit(el.shadowRoot);
      if (ALWAYS_BAD.has(tag)) bad(el, `<${tag}> element`);
      if (tag === 'script') {
        const type = (el.getAttribute('type') ?? '').toLowerCase();
        const src = el.getAttribute('src');
        if (type === 'application/ld+json' && src === null) {
          try {
            JSON.parse(el.textContent ?? '');
          } catch {
            bad(el, 'JSON-LD that does not parse');
          }
        } else if (src === null || new URL(src, document.baseURI).origin !== location.origin) {
          bad(el, 'foreign <script>');
        } else if (el.closest('svg')) bad(el, 'SVG <script>');
      }
      if (tag === 'meta' && el.hasAttribute('http-equiv')) bad(el, '<meta http-equiv>');
      if (tag === 'meta' && el.hasAttribute('charset') && el.parentElement?.tagName !== 'HEAD')
        bad(el, '<meta charset> outside <head>');
      if (tag === 'link') {
        const href = el.getAttribute('href') ?? '';
        const rel = (el.getAttribute('rel') ?? '').toLowerCase();
        if (el.parentElement?.tagName !== 'HEAD') bad(el, '<link> outside <head>');
        else if (rel.includes('stylesheet') && new URL(href, document.baseURI).origin !== location.origin)
          bad(el, 'foreign stylesheet');
      }
      if (
        (tag === 'set' || tag === 'animate') &&
        /^(href|xlink:href|on)/i.test(el.getAttribute('attributeName') ?? '')
      )
        bad(el, `SVG <${tag}> of a link or handler`);
      if (tag === 'template' && el.hasAttribute('shadowrootmode')) bad(el, 'declarative shadow root');
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) bad(el, `event handler ${name}`);
        else if (name === 'style') bad(el, 'style attribute');
        else if (name === 'srcdoc') bad(el, 'srcdoc attribute');
        else if (URL_ATTRS.has(name) && scriptish(attr.value, tag, name))
          bad(el, `${name}=${attr.value.slice(0, 40)}`);
      }
      if (
        (tag === 'a' || tag === 'area') &&
        /^(javascript|vbscript|data):/i.test((el as HTMLAnchorElement).protocol)
      )
        bad(el, `link to ${(el as HTMLAnchorElement).protocol}`);
      if (tag === 'form') {
        const action = new URL(el.getAttribute('action') ?? '', document.baseURI);
        if (action.origin !== location.origin) bad(el, `form posting to ${action.protocol}//${action.host}`);
      }
    }
  };
  visit(document);
  return found;
}

// Passed as source text: the test loader's helper for function names (__name) does not exist
// in the page. The marks are picked out of the serialized document in the page itself rather
// than sending the whole document back for every load.
const SCAN_DOM = `(() => { const __name = (f) => f; return { dom: (${scanDom.toString()})(), marks: [...new Set(document.documentElement.outerHTML.match(new RegExp(${JSON.stringify(MARK.source)}, 'g')) ?? [])], hits: (window.__xssHits || []).slice() }; })()`;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const marksIn = (text: string) => [...new Set(text.match(MARK) ?? [])];

let disabledByDefault: Promise<string[]> | undefined;

/**
 * The features playwright-core switches off, read from a browser it launched. Chromium keeps only
 * the last --disable-features it is given, so a list of our own must repeat these.
 */
function defaultDisabledFeatures(): Promise<string[]> {
  disabledByDefault ??= (async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto('chrome://version');
      const line = (await page.locator('#command_line').textContent()) ?? '';
      return line
        .split(/\s+/)
        .filter((arg) => arg.startsWith('--disable-features='))
        .flatMap((arg) => arg.slice('--disable-features='.length).split(','))
        .filter(Boolean);
    } finally {
      await browser.close();
    }
  })();
  return disabledByDefault;
}

/** One browser window per context, reused from page to page (opening one costs more than a load). */
interface Tab {
  context: BrowserContext;
  page: Page;
  dialogs: Finding[];
}

async function openTab(browser: Browser, bypassCSP: boolean): Promise<Tab> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
    bypassCSP,
    // A recorded answer replaces the page's own (page.route); the site's service worker would
    // answer the navigation from the network first, out of the route's reach.
    serviceWorkers: 'block',
  });
  await context.addInitScript(TRAP);
  const page = await context.newPage();
  const tab: Tab = { context, page, dialogs: [] };
  page.on('dialog', (dialog) => {
    tab.dialogs.push({ marks: marksIn(dialog.message()), what: `${dialog.type()} dialog` });
    void dialog.dismiss().catch(() => undefined);
  });
  return tab;
}

/** A pair of windows: one under the site's policy, one with the policy switched off. */
interface Pair {
  strict: Tab;
  open: Tab;
}

export class XssScanner {
  private readonly idle: Pair[];
  private readonly waiting: ((pair: Pair) => void)[] = [];

  private constructor(
    private readonly browser: Browser,
    private readonly pairs: Pair[],
  ) {
    this.idle = [...pairs];
  }

  /** `parallel` pairs of windows load pages side by side; most of a load is waiting, not work. */
  static async launch(parallel = 3): Promise<XssScanner> {
    // Only the test site resolves: a payload's outside address (a <base>, a picture) fails at
    // once instead of waiting on the network. Two features cost a sixth of Chromium's work per
    // load here: RenderDocument builds a new frame for every navigation within the site, and with
    // AvoidUnnecessaryBeforeUnloadCheckSync off (playwright-core turns it off) every navigation
    // first asks the page, synchronously, for beforeunload handlers; a page that has one still
    // gets its dialog. Nothing a page's scripts see changes: every raw payload yields the same
    // findings either way, autofocus traps included.
    const features = (await defaultDisabledFeatures()).filter(
      (f) => f !== 'AvoidUnnecessaryBeforeUnloadCheckSync',
    );
    const browser = await launchBrowser([
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      `--disable-features=${[...features, 'RenderDocument'].join(',')}`,
    ]);
    const pairs: Pair[] = [];
    for (let i = 0; i < parallel; i++) {
      pairs.push({ strict: await openTab(browser, false), open: await openTab(browser, true) });
    }
    return new XssScanner(browser, pairs);
  }

  /** Gives every window the newsroom session of a signed-in HTTP client. */
  async useCookies(baseUrl: string, cookies: Map<string, string>): Promise<void> {
    const list = [...cookies].map(([name, value]) => ({ name, value, url: baseUrl }));
    for (const { strict, open } of this.pairs) {
      for (const tab of [strict, open]) {
        await tab.context.clearCookies();
        await tab.context.addCookies(list);
      }
    }
  }

  /**
   * Loads `url` (or shows `response` as its answer) under the site's policy and, when `relaxed`,
   * also with the policy off; returns every finding.
   */
  async scan(
    url: string,
    options: { response?: CapturedResponse; relaxed?: boolean } = {},
  ): Promise<PageScan> {
    const pair = this.idle.pop() ?? (await new Promise<Pair>((resolve) => this.waiting.push(resolve)));
    try {
      const scans = await Promise.all([
        this.load(pair.strict, url, options.response),
        ...(options.relaxed ? [this.load(pair.open, url, options.response)] : []),
      ]);
      return {
        url,
        status: scans[0]!.status,
        findings: dedupe(scans.flatMap((s) => s.findings)),
        present: new Set(scans.flatMap((s) => [...s.present])),
      };
    } finally {
      const next = this.waiting.shift();
      if (next) next(pair);
      else this.idle.push(pair);
    }
  }

  private async load(tab: Tab, url: string, response?: CapturedResponse): Promise<PageScan> {
    const { page } = tab;
    tab.dialogs = [];
    if (response) await page.route(url, (route) => route.fulfill(response), { times: 1 });
    const findings: Finding[] = [];
    const answer = await page.goto(url, { waitUntil: 'load', timeout: 20_000 }).catch((error: Error) => {
      findings.push({ marks: [], what: `did not load: ${error.message.split('\n')[0]}` });
      return null;
    });
    // Handlers fired by focus, toggle, animations and media errors get a moment to run.
    await page.waitForTimeout(30);
    findings.push(...tab.dialogs);
    if (page.url() !== new URL(url).href)
      findings.push({ marks: marksIn(page.url()), what: `navigated to ${page.url().slice(0, 80)}` });
    const { dom, marks, hits } = (await page.evaluate(SCAN_DOM).catch((error: Error) => ({
      dom: [{ text: '', what: `could not be scanned: ${error.message.split('\n')[0]}` }],
      marks: [],
      hits: [],
    }))) as { dom: { text: string; what: string }[]; marks: string[]; hits: string[] };
    // Hits in a same-origin frame are also copied to the top window; dedupe() merges them.
    for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
      // A frame whose document was refused (a javascript: src under the policy) never gets a
      // context to evaluate in; it has nothing to report.
      const read = frame
        .evaluate(() => ((window as unknown as { __xssHits?: string[] }).__xssHits ?? []).slice())
        .catch(() => [] as string[]);
      hits.push(...(await Promise.race([read, wait(2_000).then(() => [] as string[])])));
    }
    for (const hit of hits) {
      const kind = hit.slice(0, hit.indexOf(':'));
      // An outside picture the article policy allows and the site's policy does not load runs
      // nothing; it is not a payload's doing (its handlers are what the scan looks for).
      if (kind === 'csp' && hit.startsWith('csp:img-src ')) continue;
      findings.push({
        marks: marksIn(hit),
        what: kind === 'csp' ? `CSP refusal: ${hit.slice(4, 160)}` : `${kind} fired`,
      });
    }
    for (const f of dom) findings.push({ marks: marksIn(f.text), what: f.what });
    return {
      url,
      status: answer?.status() ?? 0,
      findings: dedupe(findings),
      present: new Set(marks),
    };
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.marks.join(',')}|${f.what}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
