// An organisation's profile as the server hands it to the app: the shape of src/calls/organisation.ts.
import { z } from 'zod';

const localTime = z.string().regex(/^\d{2}:\d{2}$/);
const daySchedule = z.object({
  start: localTime,
  end: localTime,
  breakStart: localTime.optional(),
  breakEnd: localTime.optional(),
});

export const organisationIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/);

export const organisationSchema = z.object({
  id: organisationIdSchema,
  fullName: z.string(),
  shortName: z.string(),
  timeZone: z.string(),
  phone: z.string(),
  email: z.string(),
  website: z.string(),
  address: z.string(),
  workingHours: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), daySchedule),
  departments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      phone: z.string(),
      topics: z.array(z.string()),
      colleagues: z.array(
        z.object({
          id: z.string(),
          fullName: z.string(),
          position: z.string(),
          phone: z.string(),
          topics: z.array(z.string()),
          /** Their account on the server when they use Sufler (issue 17: a transfer hands the call over). */
          personId: z.string().optional(),
        }),
      ),
    }),
  ),
});
export type OrganisationProfile = z.infer<typeof organisationSchema>;
