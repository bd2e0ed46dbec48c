// Tag forms as the browser sends them.
import { z } from 'zod';

export const TagParams = z.object({ id: z.coerce.number().int().positive() });
export const RenameTagForm = z.object({ name: z.string().max(200), slug: z.string().max(200).default('') });
export const MergeTagForm = z.object({ into: z.coerce.number().int().positive() });
export const LinkTagForm = z.object({ with: z.coerce.number().int().positive() });
