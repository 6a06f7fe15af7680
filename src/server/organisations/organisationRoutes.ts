// /api/v1/organisations/current: the signed-in person's organisation, as the app's calls need it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { directorySchema, organisationSchema } from '../../protocol';
import type { ServerDeps } from '../context';
import { ApiError } from '../errors';
import { actorOf, routeDeclarations } from '../routeKit';
import { findOrganisationProfile, listColleagues } from '../storage/accounts';

const declare = routeDeclarations('organisations', [401, 403]);

export const organisationRoutes: FastifyPluginAsyncZod<ServerDeps> = (app, { db }) => {
  app.get(
    '/current',
    declare(
      'signedIn',
      'My organisation: contacts, hours, transfer directory',
      { response: { 200: organisationSchema } },
      [401],
    ),
    async (request) => {
      const profile = organisationSchema.safeParse(
        await findOrganisationProfile(db, actorOf(request).organisationId),
      );
      if (!profile.success) throw new ApiError(500, 'internal');
      return profile.data;
    },
  );
  app.get(
    '/current/people',
    declare(
      // Those who transfer calls and watch the callbacks queue: they name colleagues.
      ['operator', 'supervisor'],
      'My organisation’s people (names, positions, roles): whom a call can be handed over to',
      { response: { 200: directorySchema } },
    ),
    async (request) => ({ people: await listColleagues(db, actorOf(request).organisationId) }),
  );
  // Routes are registered synchronously; Fastify takes a promise from an async plugin.
  return Promise.resolve();
};
