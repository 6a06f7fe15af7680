// Sign-in and "who am I": what the app sends and gets back. The session itself travels in an HttpOnly
// cookie; the CSRF token comes back here and goes with every state-changing request as a header.
import { z } from 'zod';
import { PASSWORD_MAX, personSchema } from './people';

export const CSRF_HEADER = 'x-csrf-token';

export const signInSchema = z.object({
  login: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(PASSWORD_MAX),
});
/** @public The API's vocabulary for clients (the PWA's sign-in and administration screens). */
export type SignIn = z.infer<typeof signInSchema>;

export const sessionSchema = z.object({
  person: personSchema,
  organisation: z.object({ id: z.string(), shortName: z.string(), fullName: z.string() }),
  csrfToken: z.string(),
  expiresAt: z.iso.datetime(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;
