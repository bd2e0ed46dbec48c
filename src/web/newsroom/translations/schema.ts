// Translation desk forms as the browser sends them (a field given twice is a 400).
import { z } from 'zod';

const id = z.coerce.number().int().positive();

export const DeskParams = z.object({ id });

/** A language tag; which ones the site accepts is the command's to say (with its reason). */
export const StartForm = z.object({ lang: z.string().max(64) });

export const LinkForm = z.object({ article_id: id });

/** Unlink and review act on one version; the page they were sent from is shown again. */
export const VersionForm = z.object({ version_id: id });

export const DeskQuery = z.object({
  done: z.enum(['started', 'linked', 'unlinked', 'reviewed']).optional(),
});
