// The API tokens page's forms as the browser sends them. Lengths and choices are the command's
// rule (services/api-tokens/create-token.ts); here only the form's shape.
import { z } from 'zod';

export const TokenParams = z.object({ id: z.coerce.number().int().positive() });

export const EXPIRY_CHOICES = ['30', '90', '365', 'never'] as const;

export const CreateTokenForm = z.object({
  name: z.string().max(1000).default(''),
  expires: z.enum(EXPIRY_CHOICES).default('90'),
});
export type CreateTokenForm = z.infer<typeof CreateTokenForm>;

export function expiresInDays(choice: CreateTokenForm['expires']): 30 | 90 | 365 | null {
  return choice === 'never' ? null : (Number(choice) as 30 | 90 | 365);
}
