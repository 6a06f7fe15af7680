// Every refusal of the server's API has this shape: a machine-readable code and a Russian message.
import { z } from 'zod';

export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** For a request that did not pass its schema: the fields at fault, as dotted paths. */
  fields: z.array(z.string()).optional(),
});
/** @public The API's vocabulary for clients (the PWA's sign-in and administration screens). */
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
