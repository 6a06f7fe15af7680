// /api/v1/organisations/current: the signed-in person's organisation, as the app's calls need it.
import { directorySchema, organisationSchema } from '../../protocol';
import { ApiError } from '../errors';
import { actorOf, routeArea } from '../routeKit';
import { findOrganisationProfile, listColleagues } from '../storage/accounts';

export const organisationRoutes = routeArea('organisations', [401, 403], (app, { db }, declare) => {
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
});
