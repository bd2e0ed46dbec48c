// Plain data handed to reader views. Presenters (web/reader/presenters.ts) build these from
// domain objects; views only render them and never query.
import type { Edition, Lang } from '../../core/types.ts';
import type { Messages } from '../../core/i18n.ts';

export interface LinkView {
  href: string;
  label: string;
}

export interface DateView {
  /** Machine-readable, for <time datetime>. */
  iso: string;
  gregorian: string;
  hijri: string;
}

export interface ImageView {
  /** JPEG fallback URL. */
  src: string;
  width: number;
  height: number;
  /** "url 320w, url 640w…" for JPEG and WebP; empty when there are no variants. */
  srcsetJpeg: string;
  srcsetWebp: string;
  /** Smallest files where the browser can decode them; empty for images stored before AVIF. */
  srcsetAvif: string;
  alt: string;
  caption: string;
  credit: string;
  /** "fx-8 fy-2": where a 16:9 crop keeps the picture (media/focal.ts); absent = centre. */
  focalClass?: string;
}

export interface SiteView {
  name: string;
  tagline: string;
  /** The page's edition (lang attribute, dates); `ui` is the interface language its words fall back to. */
  lang: Edition;
  ui: Lang;
  dir: 'rtl' | 'ltr';
  /** Absolute base, no trailing slash, e.g. "http://127.0.0.1:3000". */
  baseUrl: string;
  homeHref: string;
  /** The site's logo, when the owner chose one. */
  logo: ImageView | null;
  nav: LinkView[];
  /** Links to the other languages' home pages. */
  languages: (LinkView & { lang: Edition; current: boolean })[];
  /** Where the header search form goes; empty while the site has no search page. */
  searchAction: string;
  t: Messages;
  assets: {
    css: string;
    copyProtectJs: string;
    enhanceJs: string;
    icon: string;
    countJs?: string;
    saverJs?: string;
    offlineJs?: string;
    /** Loaded only by pages whose body has an embed facade. */
    embedJs?: string;
  };
  /** Whether page views are counted (the `readership.enabled` setting): the beacon is sent only then. */
  readership?: boolean;
  /** Whether the site owner switched copy protection on. */
  copyProtection: boolean;
  year: number;
  /** The newsletter sign-up form's choices (the same for every reader). */
  newsletter?: {
    action: string;
    languages: { lang: Lang; label: string }[];
    sections: { id: number; label: string }[];
  };
}

export interface HeadView {
  title: string;
  description: string;
  canonical: string;
  /** Emitted as <meta name="robots" content="noindex"> when true (404, search, paginated duplicates…). */
  noindex?: boolean;
  /** Feeds of this page, announced with <link rel="alternate" type=…> for feed readers. */
  feeds?: FeedLinkView[];
  /** Open Graph and Twitter tags beyond the basic ones the layout writes itself. */
  meta?: MetaTagView[];
  /** JSON-LD documents, already serialized so that they cannot close their <script> element. */
  jsonLd?: string[];
  /** Language versions of this page (absolute URLs, x-default included); replaces the layout's own. */
  hreflang?: { hreflang: string; href: string }[];
  /** The live-updates script, on pages of articles covered live right now. */
  liveJs?: string;
}

export interface FeedLinkView {
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
  title: string;
  href: string;
}

/** One <meta>: Open Graph uses `property`, Twitter `name`. */
export interface MetaTagView {
  property?: string;
  name?: string;
  content: string;
}

export interface ArticleCardView {
  id: number;
  href: string;
  title: string;
  dek: string;
  /** The language the article's text is written in (a BCP 47 tag, not only ar/fr/en). */
  lang: string;
  section: LinkView | null;
  image: ImageView | null;
  published: DateView;
  authors: LinkView[];
  isBreaking: boolean;
  commentCount: number;
}

export interface AuthorBoxView {
  name: string;
  href: string;
  bio: string;
  avatar: ImageView | null;
}

export interface ShareLinkView {
  network: 'x' | 'facebook' | 'whatsapp' | 'telegram' | 'email' | 'copy';
  href: string;
  label: string;
}

export interface CommentView {
  id: number;
  authorName: string;
  /** Already sanitized HTML: text escaped, links made clickable with rel="nofollow ugc". */
  bodyHtml: string;
  created: DateView;
  replies: CommentView[];
  /** Depth from 0; replies deeper than the maximum are shown at the maximum depth. */
  depth: number;
  /** Pingbacks and trackbacks (imported) are notes that another site linked here. */
  kind: 'comment' | 'pingback' | 'trackback';
  /** The linking page, for a pingback or trackback; only http(s) addresses. */
  sourceUrl: string | null;
}

export interface CommentFormView {
  action: string;
  open: boolean;
  values: { name: string; email: string; body: string; parentId: string };
  /** Field name → message, in the page language. */
  errors: Record<string, string>;
  /** A message above the form (e.g. "your comment awaits moderation", or a general refusal). */
  notice: { kind: 'success' | 'error'; text: string } | null;
  /** Signed token carrying the render time (minimum fill time) and the article id. */
  token: string;
  /** Set when the reader chose "reply" (works without JavaScript via ?replyto=ID#respond). */
  replyingTo: { id: number; authorName: string; cancelHref: string } | null;
  /** Link that opens the form as a reply to a comment: the comment id is appended. */
  replyHrefBase: string;
  /** Name of the honeypot input, which must stay empty. */
  honeypotName: string;
  limits: { name: number; email: number; body: number };
}

export interface ArticlePageView {
  /** Corrections, then updates (see corrections-presenter.ts). */
  notes?: import('./corrections-presenter.ts').ArticleNoteGroupView[];
  /** "≈ N KB" of the page as served; set on the public article page, which alone offers offline saving. */
  weightLabel?: string;
  id: number;
  /** Live coverage entries under the body, when the article is (or was) a live page. */
  live?: import('./live/view.tsx').LiveView;
  lang: Edition;
  /** The language the text is written in (BCP 47) and its direction. */
  textLang: string;
  dir: 'rtl' | 'ltr';
  canonical: string;
  title: string;
  dek: string;
  section: LinkView | null;
  /** Ancestors first, for the breadcrumb. */
  breadcrumb: LinkView[];
  image: ImageView | null;
  authors: LinkView[];
  published: DateView;
  /** Null when never updated after publication. */
  updated: DateView | null;
  readingMinutes: number;
  /** e.g. "5 دقائق" (t.minutes filled in); the view puts t.readingTime before it. */
  readingTimeLabel: string;
  /** Sanitized article HTML. */
  bodyHtml: string;
  tags: LinkView[];
  share: ShareLinkView[];
  authorBoxes: AuthorBoxView[];
  related: ArticleCardView[];
  /** The most-read list of the article's language, without the article itself. */
  mostRead?: MostReadItemView[];
  comments: CommentView[];
  commentCount: number;
  commentForm: CommentFormView;
  isBreaking: boolean;
  /** Other-language versions. */
  translations: (LinkView & { lang: Edition })[];
}

export interface PaginationView {
  page: number;
  pages: number;
  prev: string | null;
  next: string | null;
}

export interface HomePageView {
  breaking: ArticleCardView[];
  featured: ArticleCardView | null;
  latest: ArticleCardView[];
  sections: { section: LinkView; articles: ArticleCardView[] }[];
  pagination: PaginationView;
  /** The most-read list ("الأكثر قراءة"), most first; empty while there is none or counting is off. */
  mostRead?: MostReadItemView[];
}

export interface MostReadItemView {
  href: string;
  title: string;
  /** The language of the title (BCP 47). */
  lang: string;
}

export interface ListingPageView {
  kind: 'section' | 'tag';
  heading: string;
  description: string;
  articles: ArticleCardView[];
  pagination: PaginationView;
  /** Child sections, for a parent section page. */
  children: LinkView[];
}

export interface AuthorPageView {
  name: string;
  bio: string;
  avatar: ImageView | null;
  links: LinkView[];
  articles: ArticleCardView[];
  pagination: PaginationView;
}

export interface ErrorPageView {
  status: number;
  heading: string;
  message: string;
  /** Which fields were refused and why, for a malformed request. */
  details?: string;
}
