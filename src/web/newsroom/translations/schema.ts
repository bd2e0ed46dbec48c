// Translation desk forms as the browser sends them (a field given twice is a 400).
import { z } from 'zod';
import { LANGUAGES } from '../../../core/types.ts';

const id = z.coerce.number().int().positive();

export const DeskParams = z.object({ id });

export const StartForm = z.object({ lang: z.enum(LANGUAGES) });

export const LinkForm = z.object({ article_id: id });

/** Unlink and review act on one version; the page they were sent from is shown again. */
export const VersionForm = z.object({ version_id: id });

export const DeskQuery = z.object({
  done: z.enum(['started', 'linked', 'unlinked', 'reviewed']).optional(),
});
