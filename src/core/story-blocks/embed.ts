// Embeds (YouTube, X, Telegram…) stored as a figure with the original URL; the reader page shows a
// facade. The stored form is described in core/embeds/types.ts: a figure naming the provider and
// its id, holding a link (and optionally a local thumbnail and a caption). No frame is ever stored.
import type { PolicyFragment } from './policy-fragment.ts';

export const embedPolicy: PolicyFragment = {
  tags: [],
  attributes: { figure: ['data-embed', 'data-embed-id'] },
};
