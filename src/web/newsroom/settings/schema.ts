// The settings form as the browser sends it: one value per field, but the site's languages are
// checkboxes sharing a name, so they come as one value or several. What the values must be is
// the command's to say (a refused form is shown again as typed, 422).
import { z } from 'zod';

const text = z.string().max(2000).default('');
const checkbox = z
  .string()
  .max(10)
  .optional()
  .transform((v) => v === 'on' || v === '1');

export const SettingsForm = z.object({
  name: text,
  tagline: text,
  description: text,
  defaultLang: text,
  languages: z
    .union([z.string().max(10), z.array(z.string().max(10)).max(10)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  timezone: text,
  dateDisplay: z.string().max(20).default('both'),
  maxUploadMB: z.string().max(40).optional(),
  maxAudioVideoMB: z.string().max(40).optional(),
  offlineArticles: z.string().max(40).optional(),
  commentModeration: text,
  copyProtection: checkbox,
  requireTwoFactor: checkbox,
  feedFullContent: checkbox,
  readership: checkbox,
});
export type SettingsForm = z.output<typeof SettingsForm>;
