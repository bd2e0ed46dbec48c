// The team forms and paths as the browser sends them. Text past its limit is cut, not refused,
// so the service can say which field is too long in words; a field given twice is a 400.
import { z } from 'zod';
import { MAX_LINKS } from '../../../services/people/rules.ts';

export const PersonParams = z.object({ id: z.coerce.number().int().positive() });
export const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

export const InviteForm = z.object({
  name: z.string().max(500).default(''),
  email: z.string().max(500).default(''),
  role: z.string().max(40).default('author'),
});

export const AcceptForm = z.object({
  password: z.string().max(1024).default(''),
  confirm: z.string().max(1024).default(''),
});

const text = (max: number) =>
  z
    .string()
    .default('')
    .transform((value) => value.slice(0, max));

const linkFields: Record<string, ReturnType<typeof text>> = {};
for (let i = 0; i < MAX_LINKS; i++) {
  linkFields[`link_label_${i}`] = text(200);
  linkFields[`link_url_${i}`] = text(2000);
}

export const ProfileForm = z.object({
  name: text(500),
  email: text(500),
  slug: text(500),
  role: text(40),
  bio: text(5000),
  locale: text(20),
  ...linkFields,
});
