// /api/v1/organisations/current: the signed-in person's organisation, as the app's calls need it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema, directorySchema, organisationSchema } from '../../protocol';
import { sessionOf } from '../auth/guard';
import type { ServerDeps } from '../context';
import { ApiError } from '../errors';
import { findOrganisationProfile, listColleagues } from '../storage/accounts';

export const organisationRoutes: FastifyPluginAsyncZod<ServerDeps> = (app, { db }) => {
  app.get(
    '/current',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: 'My organisation: contacts, hours, transfer directory',
        tags: ['organisations'],
        response: { 200: organisationSchema, 401: apiErrorSchema },
      },
    },
    async (request) => {
      const profile = organisationSchema.safeParse(
        await findOrganisationProfile(db, sessionOf(request).organisation.id),
      );
      if (!profile.success) throw new ApiError(500, 'internal');
      return profile.data;
    },
  );
  app.get(
    '/current/people',
    {
      // Those who transfer calls and watch the callbacks queue: they name colleagues.
      config: { access: ['operator', 'supervisor'] },
      schema: {
        summary: 'My organisation’s people (names, positions, roles): whom a call can be handed over to',
        tags: ['organisations'],
        response: { 200: directorySchema, 401: apiErrorSchema, 403: apiErrorSchema },
      },
    },
    async (request) => ({ people: await listColleagues(db, sessionOf(request).organisation.id) }),
  );
  // Routes are registered synchronously; Fastify takes a promise from an async plugin.
  return Promise.resolve();
};
