// The audit page's address: a page number that is not a whole number from 1 up names the first
// page (a huge or fractional one would reach SQL as a float offset).
import { z } from 'zod';

export const AUDIT_PAGE_SIZE = 50;

export const AuditQuery = z.object({
  page: z
    .string()
    .max(400)
    .optional()
    .transform((v) => {
      const asked = Number(v);
      return Number.isInteger(asked) && asked >= 1 ? Math.min(asked, 1_000_000) : 1;
    }),
});
