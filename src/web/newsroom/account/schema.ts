// The account page's forms as the browser sends them.
import { z } from 'zod';

export const PasswordForm = z.object({
  current: z.string().max(1024).default(''),
  password: z.string().max(1024).default(''),
});
export const CodeForm = z.object({ code: z.string().max(64).default('') });
export const DisableTwoFactorForm = z.object({ password: z.string().max(1024).default('') });
