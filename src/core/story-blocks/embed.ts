// Embeds (YouTube, X, Telegram…) stored as a figure with the original URL; the reader page shows a facade.
import type { PolicyFragment } from './policy-fragment.ts';

export const embedPolicy: PolicyFragment = { tags: [], attributes: {} };
