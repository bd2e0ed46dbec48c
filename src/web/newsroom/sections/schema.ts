// Section forms as the browser sends them: one value per field. What the values must be (a free
// slug, an Arabic name, a parent that is not a sub-section) is the command's to say.
import { z } from 'zod';

export const SectionParams = z.object({ id: z.coerce.number().int().positive() });

const text = z.string().max(1000).default('');

export const SectionForm = z
  .object({
    slug: text,
    name_ar: text,
    name_fr: text,
    name_en: text,
    /** Empty for a top-level section; a number that is not one is a malformed form. */
    parent_id: z
      .string()
      .regex(/^\d{0,12}$/)
      .default(''),
    /** An order that is not a whole number counts as 0, as it always has. */
    position: z.string().max(40).default(''),
  })
  // Names in further editions come as name_x_<tag> ("name_x_fa"), one field per edition.
  .catchall(z.unknown())
  .transform((form) => {
    const position = Number(form.position);
    const other = Object.entries(form).flatMap(([key, value]): [string, string][] => {
      const tag = /^name_x_([a-z][a-z0-9-]{1,34})$/.exec(key)?.[1];
      return tag && typeof value === 'string' ? [[tag, value.slice(0, 1000)]] : [];
    });
    return {
      slug: form.slug,
      names: { ar: form.name_ar, fr: form.name_fr, en: form.name_en },
      ...(other.length > 0 ? { otherNames: Object.fromEntries(other) } : {}),
      parentId: form.parent_id === '' ? null : Number(form.parent_id),
      position: Number.isInteger(position) ? position : 0,
    };
  });
