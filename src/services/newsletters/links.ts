// The newsletter's public addresses, and its secrets: a confirmation link carries a random
// secret whose SHA-256 is stored (a leaked database does not confirm anyone); an unsubscribe
// link carries the subscriber's own random token, which dies with the row.
import { createHash, randomBytes } from 'node:crypto';
import type { Lang } from '../../core/types.ts';
import { editionPrefix } from '../../core/urls.ts';

/** Where the newsletter's pages are in a language: /newsletter, /fr/newsletter, /en/newsletter. */
export function newsletterPath(lang: Lang): string {
  return `${editionPrefix(lang)}/newsletter`;
}

export function confirmUrl(publicUrl: string, lang: Lang, token: string): string {
  return `${publicUrl}${newsletterPath(lang)}/confirm/${token}`;
}

export function unsubscribeUrl(publicUrl: string, lang: Lang, token: string): string {
  return `${publicUrl}${newsletterPath(lang)}/unsubscribe/${token}`;
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A token as links carry it: 32 base64url characters; anything else is altered. */
export function isTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{32}$/.test(token);
}
