// The streaming WXR reader. Text flows chunk by chunk through the lenient repair and into
// saxes; only the record being read (one author, one item with its comments) is held in
// memory, so a 1 GB export reads in the memory of its largest item. Namespaces are matched by
// URI pattern, never by prefix: `wp` is http(s)://wordpress.org/export/1.x/ wherever it is
// bound, and a prefix rebound to a foreign URI inside an item is foreign there.
import fs from 'node:fs';
import type { SaxesTagNS } from 'saxes';
import { Invalid } from '../../core/errors.ts';
import { type XNode, toAuthor, toCategory, toItem, toTag, toTerm } from './records.ts';
import { XmlRepair } from './repair.ts';
import type { WxrChannel, WxrRecord, WxrWarning } from './types.ts';

const WP_URI = /^https?:\/\/wordpress\.org\/export\/1\.\d+\/?$/;
const EXCERPT_URI = /^https?:\/\/wordpress\.org\/export\/1\.\d+\/excerpt\/?$/;
const CONTENT_URI = /^https?:\/\/purl\.org\/rss\/1\.0\/modules\/content\/?$/;
const DC_URI = /^https?:\/\/purl\.org\/dc\/elements\/1\.1\/?$/;
/** Prefixes WordPress always declares; a file that forgot to gets them bound, with a warning. */
const KNOWN_PREFIXES: Record<string, string> = {
  wp: 'http://wordpress.org/export/1.2/',
  excerpt: 'http://wordpress.org/export/1.2/excerpt/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  wfw: 'http://wellformedweb.org/CommentAPI/',
};
const RECORDS = new Set(['wp:author', 'wp:category', 'wp:tag', 'wp:term', 'item']);
const CHANNEL_FIELDS = new Set([
  'title',
  'link',
  'language',
  'description',
  'wp:wxr_version',
  'wp:base_site_url',
  'wp:base_blog_url',
]);

/** The element's key: "wp:post_id", "item", "content:encoded"; "?local" for foreign namespaces. */
export function qualify(uri: string, local: string): string {
  if (uri === '') return local;
  if (WP_URI.test(uri)) return `wp:${local}`;
  if (EXCERPT_URI.test(uri)) return `excerpt:${local}`;
  if (CONTENT_URI.test(uri)) return `content:${local}`;
  if (DC_URI.test(uri)) return `dc:${local}`;
  return `?${local}`;
}

export interface ReadOptions {
  /** Named in messages. */
  fileName?: string;
  /** Receives what was read leniently (line and message). */
  warnings?: WxrWarning[];
  /** Read files whose wp:wxr_version is missing or not a version number (WordPress refuses them). */
  acceptBadVersion?: boolean;
}

export type Source = AsyncIterable<Buffer | string> | Iterable<Buffer | string>;

/** A file as a stream of chunks; an empty file is refused before any parsing. */
export function fileSource(path: string): Source {
  let size: number;
  try {
    size = fs.statSync(path).size;
  } catch (err) {
    throw new Invalid(`${path}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  if (size === 0) throw new Invalid(`${path}: the file is empty (0 bytes); it is not a WordPress export.`);
  return fs.createReadStream(path, { highWaterMark: 256 * 1024 });
}

export async function* readWxr(source: Source, options: ReadOptions = {}): AsyncGenerator<WxrRecord> {
  const file = options.fileName ?? 'export';
  const warnings = options.warnings ?? [];
  const fail = (line: number, message: string) =>
    new Invalid(`${file}:${line}: ${message}`, { file, line: String(line) });

  const queue: WxrRecord[] = [];
  const stack: string[] = [];
  let record: XNode[] | null = null; // path from the record's root to the open element
  let channelText: string | null = null;
  const channel: WxrChannel = {
    version: '',
    title: '',
    link: '',
    language: '',
    description: '',
    baseSiteUrl: '',
    baseBlogUrl: '',
  };
  let channelSent = false;
  let sawElement = false;
  let sawChannel = false;
  let error: Invalid | null = null;

  // Loaded here, not with the module: the newsroom's import pages sit in every serving process.
  const { SaxesParser } = await import('saxes');
  const parser = new SaxesParser({
    xmlns: true,
    resolvePrefix: (prefix: string) => {
      const uri = KNOWN_PREFIXES[prefix];
      if (uri)
        warnings.push({
          line: parser.line,
          message: `the prefix "${prefix}:" was never declared; read as ${uri}`,
        });
      return uri;
    },
  });

  const sendChannel = () => {
    if (channelSent) return;
    channelSent = true;
    checkVersion(channel.version);
    queue.push({ kind: 'channel', channel });
  };
  const checkVersion = (version: string) => {
    if (options.acceptBadVersion) return;
    if (version === '')
      throw fail(parser.line, 'no <wp:wxr_version>: this is not a WordPress export (WXR) file.');
    if (!/^\d+\.\d+$/.test(version)) throw fail(parser.line, `unknown WXR version "${version}".`);
    if (!/^1\.[0-2]$/.test(version)) {
      warnings.push({ line: parser.line, message: `WXR version ${version} is newer than 1.2; read as 1.2` });
    }
  };

  parser.on('error', (err) => {
    error ??= fail(parser.line, explain(err.message));
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const key = qualify(tag.uri, tag.local);
    if (!sawElement) {
      sawElement = true;
      if (key !== 'rss')
        throw fail(
          parser.line,
          `the root element is <${tag.name}>, not <rss>: this is not a WordPress export.`,
        );
    }
    stack.push(key);
    const depth = stack.length;
    if (depth === 2 && key === 'channel') sawChannel = true;
    if (record) {
      const node = newNode(key, tag, parser.line);
      record.at(-1)?.children.push(node);
      record.push(node);
    } else if (depth === 3 && stack[1] === 'channel' && RECORDS.has(key)) {
      sendChannel();
      record = [newNode(key, tag, parser.line)];
    } else if (depth === 3 && stack[1] === 'channel' && CHANNEL_FIELDS.has(key)) {
      channelText = '';
    }
  });
  const onText = (text: string) => {
    if (record) {
      const node = record.at(-1);
      if (node) node.text += text;
    } else if (channelText !== null) channelText += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const key = stack.pop() ?? '';
    if (record) {
      const node = record.pop();
      if (record.length === 0 && node) {
        record = null;
        queue.push(toRecord(node));
      }
    } else if (channelText !== null) {
      setChannelField(channel, key, channelText.trim());
      channelText = null;
    } else if (key === 'channel' && stack.length === 1) {
      sendChannel();
    }
  });

  const decoder = new TextDecoder('utf-8');
  const repair = new XmlRepair(warnings);
  const feed = function* (text: string): Generator<WxrRecord> {
    if (text !== '') parser.write(text);
    if (error) throw error;
    while (queue.length > 0) yield queue.shift() as WxrRecord;
  };
  let first = true;
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.trim() !== '') {
      first = false;
      if (!text.replace(/^[\s\uFEFF]+/, '').startsWith('<')) throw fail(1, 'this is not an XML file.');
    }
    yield* feed(repair.push(text));
  }
  if (first) throw fail(1, 'the file holds no XML (it is empty or blank).');
  yield* feed(repair.push(decoder.decode()) + repair.end());
  parser.close();
  if (error) throw error;
  if (!sawChannel) throw fail(parser.line, 'there is no <channel> element: this is not a WordPress export.');
  yield* feed('');
}

function explain(message: string): string {
  const detail = message.replace(/^\d+:\d+:\s*/, '');
  if (/unclosed tag|unexpected end/i.test(detail)) {
    return `the file ends before the export is complete (${detail}); it looks truncated.`;
  }
  return `this is not well-formed XML (${detail}).`;
}

function newNode(key: string, tag: SaxesTagNS, line: number): XNode {
  const attrs: Record<string, string> = {};
  for (const attr of Object.values(tag.attributes)) {
    if (attr.uri === '') attrs[attr.local] = attr.value;
  }
  return { key, attrs, text: '', children: [], line };
}

function toRecord(node: XNode): WxrRecord {
  switch (node.key) {
    case 'wp:author':
      return { kind: 'author', author: toAuthor(node) };
    case 'wp:category':
      return { kind: 'category', category: toCategory(node) };
    case 'wp:tag':
      return { kind: 'tag', tag: toTag(node) };
    case 'wp:term':
      return { kind: 'term', term: toTerm(node) };
    default:
      return { kind: 'item', item: toItem(node) };
  }
}

function setChannelField(channel: WxrChannel, key: string, value: string): void {
  if (key === 'title') channel.title = value;
  else if (key === 'link') channel.link = value;
  else if (key === 'language') channel.language = value;
  else if (key === 'description') channel.description = value;
  else if (key === 'wp:wxr_version') channel.version = value;
  else if (key === 'wp:base_site_url') channel.baseSiteUrl = value;
  else if (key === 'wp:base_blog_url') channel.baseBlogUrl = value;
}
