// The sign-in forms as the browser sends them.
import { z } from 'zod';

export const SignInBody = z.object({
  email: z.string().max(254).default(''),
  password: z.string().max(1024).default(''),
  next: z.string().default('/newsroom'),
});
export const SecondFactorBody = z.object({
  code: z.string().max(64).default(''),
  next: z.string().default('/newsroom'),
});
