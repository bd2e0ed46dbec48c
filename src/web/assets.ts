// The stylesheet and the two small scripts, read once at start and served under names that
// carry a hash of their content, so browsers and CDNs may keep them for a year.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { SOURCE_DIR } from '../paths.ts';
import { editorBundle } from './editor/bundle.ts';

const ASSET_DIR = path.join(SOURCE_DIR, 'web', 'assets');
const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface AssetUrls {
  css: string;
  copyProtectJs: string;
  enhanceJs: string;
  /** The readership beacon (readership/count.js), on reader pages while counting is on. */
  countJs: string;
  /** Data saver: holds article images back before they load (runs in <head>, not deferred). */
  saverJs: string;
  /** Registers the service worker and runs the "save for offline" button. */
  offlineJs: string;
  /** New entries of a live article without reloading (article pages of live coverage only). */
  liveJs: string;
  icon: string;
  newsroomCss: string;
  mediaUploadJs: string;
  /** The article list's "select all" and bulk-bar helper. */
  newsroomListJs: string;
  /** The import progress page's live updates. */
  importProgressJs: string;
  editorJs: string;
  /** Swaps an embed's facade for its player on press; only on pages that have an embed. */
  embedJs: string;
}

interface Asset {
  body: Buffer;
  type: string;
}

export function loadAssets(): { urls: AssetUrls; files: Map<string, Asset> } {
  const files = new Map<string, Asset>();
  // `content` is for a built asset (the editor bundle) that may not be on disk yet.
  const url = (name: string, content?: Buffer): string => {
    const body = content ?? fs.readFileSync(path.join(ASSET_DIR, name));
    const ext = path.extname(name);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const hashed = `${path.basename(name, ext)}.${hash}${ext}`;
    files.set(hashed, { body, type: TYPES[ext] ?? 'application/octet-stream' });
    SERVED.set(`/assets/${hashed}`, body);
    return `/assets/${hashed}`;
  };
  return {
    urls: {
      css: url('site.css'),
      copyProtectJs: url('copy-protect.js'),
      enhanceJs: url('enhance.js'),
      countJs: url('count.js'),
      saverJs: url('saver.js'),
      offlineJs: url('offline.js'),
      liveJs: url('live.js'),
      icon: url('icon.svg'),
      newsroomCss: url('newsroom.css'),
      editorJs: url('editor.min.js', editorBundle()),
      mediaUploadJs: url('media-upload.js'),
      newsroomListJs: url('newsroom-list.js'),
      importProgressJs: url('import-progress.js'),
      embedJs: url('embed.js'),
    },
    files,
  };
}

/** Every asset body by its URL; the names carry their content's hash, so one map serves every app. */
const SERVED = new Map<string, Buffer>();
const GZIPPED = new Map<string, number>();

/** The bytes an asset costs on the wire (gzip, as the server compresses it), or null for an unknown URL. */
export function assetWireSize(url: string): number | null {
  const known = GZIPPED.get(url);
  if (known !== undefined) return known;
  const body = SERVED.get(url);
  if (!body) return null;
  const size = gzipSync(body).length;
  GZIPPED.set(url, size);
  return size;
}

export function registerAssets(app: FastifyInstance, files: Map<string, Asset>, urls: AssetUrls): void {
  // Browsers ask for /favicon.ico whatever the page says; send them to the real icon.
  app.get('/favicon.ico', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=86400').redirect(urls.icon, 301),
  );
  app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
    const asset = files.get(request.params.file);
    if (!asset) return reply.callNotFound();
    return reply
      .header('content-type', asset.type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(asset.body);
  });
}
