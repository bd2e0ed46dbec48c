// The setup page's path and form as the browser sends them. A token of the wrong shape is not
// refused here: the page says the link does not work, as for any other dead link.
import { z } from 'zod';

export const SetupParams = z.object({ token: z.string().max(200) });

export const SetupForm = z.object({
  name: z.string().max(500).default(''),
  email: z.string().max(500).default(''),
  password: z.string().max(1024).default(''),
  confirm: z.string().max(1024).default(''),
});
export type SetupForm = z.infer<typeof SetupForm>;
