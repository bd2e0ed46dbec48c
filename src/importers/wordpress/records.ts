// Turns the small element tree of one WXR record (an author, a category, an item with its
// comments) into a typed record. Elements are named by qualified keys ("wp:post_id") that the
// reader derived from namespace URIs, so a rebound prefix cannot smuggle fields in.
import type {
  WxrAuthor,
  WxrCategory,
  WxrComment,
  WxrItem,
  WxrItemTerm,
  WxrMeta,
  WxrTag,
  WxrTerm,
} from './types.ts';

export interface XNode {
  key: string;
  attrs: Record<string, string>;
  text: string;
  children: XNode[];
  line: number;
}

function child(node: XNode, key: string): XNode | undefined {
  return node.children.find((c) => c.key === key);
}

/** A field's text, trimmed: WordPress pads some (a guid with leading blanks) and never means it. */
function field(node: XNode, key: string): string {
  return child(node, key)?.text.trim() ?? '';
}

/** A field's text as written: content and meta values keep their own blank lines. */
function raw(node: XNode, key: string): string {
  return child(node, key)?.text ?? '';
}

function metaOf(node: XNode, key: string): WxrMeta[] {
  return node.children
    .filter((c) => c.key === key)
    .map((m) => ({ key: field(m, 'wp:meta_key'), value: raw(m, 'wp:meta_value') }))
    .filter((m) => m.key !== '');
}

export function toAuthor(node: XNode): WxrAuthor {
  return {
    id: field(node, 'wp:author_id'),
    login: field(node, 'wp:author_login'),
    email: field(node, 'wp:author_email'),
    displayName: field(node, 'wp:author_display_name'),
    firstName: field(node, 'wp:author_first_name'),
    lastName: field(node, 'wp:author_last_name'),
  };
}

export function toCategory(node: XNode): WxrCategory {
  return {
    termId: field(node, 'wp:term_id'),
    nicename: field(node, 'wp:category_nicename'),
    parent: field(node, 'wp:category_parent'),
    name: field(node, 'wp:cat_name'),
    description: field(node, 'wp:category_description'),
  };
}

export function toTag(node: XNode): WxrTag {
  return {
    termId: field(node, 'wp:term_id'),
    slug: field(node, 'wp:tag_slug'),
    name: field(node, 'wp:tag_name'),
    description: field(node, 'wp:tag_description'),
  };
}

export function toTerm(node: XNode): WxrTerm {
  return {
    termId: field(node, 'wp:term_id'),
    taxonomy: field(node, 'wp:term_taxonomy'),
    slug: field(node, 'wp:term_slug'),
    parent: field(node, 'wp:term_parent'),
    name: field(node, 'wp:term_name'),
  };
}

function toComment(node: XNode): WxrComment {
  return {
    id: field(node, 'wp:comment_id'),
    author: field(node, 'wp:comment_author'),
    authorEmail: field(node, 'wp:comment_author_email'),
    authorUrl: field(node, 'wp:comment_author_url'),
    authorIp: field(node, 'wp:comment_author_IP'),
    date: field(node, 'wp:comment_date'),
    dateGmt: field(node, 'wp:comment_date_gmt'),
    content: raw(node, 'wp:comment_content'),
    approved: field(node, 'wp:comment_approved'),
    type: field(node, 'wp:comment_type'),
    parent: field(node, 'wp:comment_parent'),
    userId: field(node, 'wp:comment_user_id'),
    meta: metaOf(node, 'wp:commentmeta'),
  };
}

function toItemTerm(node: XNode): WxrItemTerm {
  return {
    // WXR 1.0 marks tags as domain="tag"; later versions say "post_tag".
    domain: node.attrs.domain === 'tag' ? 'post_tag' : (node.attrs.domain ?? 'category'),
    nicename: (node.attrs.nicename ?? '').trim(),
    name: node.text.trim(),
  };
}

export function toItem(node: XNode): WxrItem {
  return {
    title: field(node, 'title'),
    link: field(node, 'link'),
    pubDate: field(node, 'pubDate'),
    creator: field(node, 'dc:creator'),
    guid: field(node, 'guid'),
    description: raw(node, 'description'),
    content: raw(node, 'content:encoded'),
    excerpt: raw(node, 'excerpt:encoded'),
    postId: field(node, 'wp:post_id'),
    postDate: field(node, 'wp:post_date'),
    postDateGmt: field(node, 'wp:post_date_gmt'),
    commentStatus: field(node, 'wp:comment_status'),
    postName: field(node, 'wp:post_name'),
    status: field(node, 'wp:status'),
    postParent: field(node, 'wp:post_parent'),
    menuOrder: field(node, 'wp:menu_order'),
    postType: field(node, 'wp:post_type'),
    postPassword: field(node, 'wp:post_password'),
    isSticky: field(node, 'wp:is_sticky'),
    attachmentUrl: field(node, 'wp:attachment_url'),
    terms: node.children.filter((c) => c.key === 'category').map(toItemTerm),
    meta: metaOf(node, 'wp:postmeta'),
    comments: node.children.filter((c) => c.key === 'wp:comment').map(toComment),
    line: node.line,
    contentLine: child(node, 'content:encoded')?.line ?? node.line,
  };
}
