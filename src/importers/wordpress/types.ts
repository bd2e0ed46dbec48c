// The records a WXR export holds, as the streaming reader hands them out: one record at a
// time, plain strings as written by WordPress (dates unparsed, slugs still percent-encoded).

export interface WxrChannel {
  /** "1.0", "1.1", "1.2"; "" when the file has no wp:wxr_version (a WXR 1.0 trait). */
  version: string;
  title: string;
  link: string;
  language: string;
  /** The site's tagline (Settings → General). */
  description: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
}

export interface WxrAuthor {
  id: string;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

export interface WxrCategory {
  termId: string;
  nicename: string;
  /** The parent's nicename, "" for a top-level category. */
  parent: string;
  name: string;
  description: string;
}

export interface WxrTag {
  termId: string;
  slug: string;
  name: string;
  description: string;
}

/** A generic wp:term (post formats, menus, custom taxonomies, and categories in newer exports). */
export interface WxrTerm {
  termId: string;
  taxonomy: string;
  slug: string;
  parent: string;
  name: string;
}

/** A <category domain="…" nicename="…"> on an item: its categories, tags, formats, co-authors. */
export interface WxrItemTerm {
  domain: string;
  nicename: string;
  name: string;
}

export interface WxrMeta {
  key: string;
  value: string;
}

export interface WxrComment {
  id: string;
  author: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  date: string;
  dateGmt: string;
  content: string;
  /** "1", "0", "spam", "trash", "post-trashed". */
  approved: string;
  /** "" or "comment" for comments, "pingback", "trackback". */
  type: string;
  parent: string;
  userId: string;
  meta: WxrMeta[];
}

export interface WxrItem {
  title: string;
  link: string;
  pubDate: string;
  creator: string;
  guid: string;
  description: string;
  content: string;
  excerpt: string;
  postId: string;
  postDate: string;
  postDateGmt: string;
  commentStatus: string;
  postName: string;
  status: string;
  postParent: string;
  menuOrder: string;
  postType: string;
  postPassword: string;
  isSticky: string;
  attachmentUrl: string;
  terms: WxrItemTerm[];
  meta: WxrMeta[];
  comments: WxrComment[];
  /** Line of the <item> tag, for messages. */
  line: number;
  /** Line where <content:encoded> starts, for messages about the body. */
  contentLine?: number;
}

export type WxrRecord =
  | { kind: 'channel'; channel: WxrChannel }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'category'; category: WxrCategory }
  | { kind: 'tag'; tag: WxrTag }
  | { kind: 'term'; term: WxrTerm }
  | { kind: 'item'; item: WxrItem };

/** Something the reader accepted the way WordPress does, but that the operator should know. */
export interface WxrWarning {
  line: number;
  message: string;
}
