// Recorded redirects: the old URLs of an imported site and pages that moved. Asked for when a
// path matches no route, or names an old site's id link (/?p=12) that the home page would answer.
import type { Redirect } from '../core/types.ts';
import type { Services } from './context.ts';
import { redirectKey } from './import/paths.ts';

/** The redirect stored for an old site's URL, looked up in the normal form the importer stored. */
export async function findLegacyRedirect(
  services: Pick<Services, 'repos'>,
  url: string,
): Promise<Redirect | null> {
  const key = redirectKey(url);
  return key === null ? null : services.repos.redirects.byFromPath(key);
}

/** The redirect for a URL no route answers: its path as given, decoded, then in the importer's form. */
export async function findRecordedRedirect(
  services: Pick<Services, 'repos'>,
  url: string,
): Promise<Redirect | null> {
  const { redirects } = services.repos;
  const path = url.split('?')[0] ?? '/';
  return (
    (await redirects.byFromPath(path)) ??
    (await redirects.byFromPath(safeDecode(path))) ??
    (await findLegacyRedirect(services, url))
  );
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
