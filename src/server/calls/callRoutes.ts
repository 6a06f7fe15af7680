// /api/v1/calls/events: an operator's workstation uploads the events of its calls (issue 17) and their
// wrap-ups (issue 19). Each event is stored once whatever the number of retries, a wrap-up once per save;
// the answer per call tells the workstation what it may forget, or why the server refused a call (it
// then kept everything it already had).
// /api/v1/calls/outbox: the workstation says when its outbox becomes stuck or moves again (issue 20).
// /api/v1/calls/imports: a supervisor's workstation sends the calls it imported from files (issue 19).
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  apiErrorSchema,
  callEventAcksSchema,
  callEventBatchSchema,
  callImportAcksSchema,
  callImportSchema,
  leaseRequestSchema,
  leaseSchema,
  outboxReportSchema,
  type CallAck,
  type CallImport,
} from '../../protocol';
import { sessionOf } from '../auth/guard';
import { ApiError } from '../errors';
import { actorOf, operators, routeArea, supervisors } from '../routeKit';
import { server as messages } from '../../i18n/ru/server';
import { storeCallEvents, type StoreResult } from '../storage/callEvents';
import { storeWrapUps } from '../storage/callWrapUps';
import { BoardNews } from '../supervision/boardNews';
import { RollupSettler } from '../supervision/rollupSettler';
import { acquireLease } from '../storage/leases';
import { saveOutboxReport } from '../storage/outboxReports';
import { importCalls } from '../storage/callImports';
import { admission } from './admission';

/** Whole calls from a file: a batch of imported calls is larger than a workstation's upload. */
const IMPORT_BODY_LIMIT = 2 * 1024 * 1024;
/**
 * The bodies read and stored at once (2 MB): some thirty full uploads (64 KB), or hundreds of a working day's.
 * Twenty full ones left the server and PostgreSQL each idle a third of the backlog on the load bench;
 * forty took its peak memory to 280 MB of the 300 budgeted.
 */
const UPLOAD_BYTES_AT_ONCE = 32 * 64 * 1024;
const MAX_INT = 2 ** 31 - 1;
const MAX_TIME = 8.64e15;
/** A batch for this organisation, its numbers within what the database holds, each event under its call. */
function checkBatch(organisationId: string, batch: CallImport): void {
  if (batch.organisationId !== organisationId) throw new ApiError(403, 'organisation_mismatch');
  const { calls } = batch;
  const ids = calls.map((c) => c.callId);
  // Numbers beyond what the database holds (a 32-bit sequence and version, a time a Date can be).
  const outOfRange = calls.some((c) =>
    c.events.some((e) => e.seq > MAX_INT || e.flowVersion > MAX_INT || e.at > MAX_TIME),
  );
  const misfiled = calls.some((c) => c.events.some((e) => e.callId !== c.callId));
  if (outOfRange || misfiled || new Set(ids).size !== ids.length)
    throw new ApiError(400, 'invalid_request', messages.invalidRequest(['calls']));
}

export const callRoutes = routeArea('calls', [400, 401, 403, 413], (app, { db, config, events }, declare) => {
  // The supervisors' live board refetches when calls move (issue 19).
  const board = new BoardNews(events);
  // The calls uploads kept go into the rollups soon after the answer (rollupSettler.ts).
  const rollups = new RollupSettler(db, (e) =>
    app.log.warn(
      { code: (e as { code?: unknown } | null)?.code },
      'call figures left pending for the rollups',
    ),
  );
  app.addHook('onClose', async () => {
    board.stop();
    await rollups.stop();
  });
  // Uploads and imports read and stored at once, the rest waiting unread (admission.ts), each weighed by
  // the length its body declares (a body sent in chunks, by the most its route takes).
  const gate = admission(UPLOAD_BYTES_AT_ONCE);
  const gated = {
    onRequest: (request: FastifyRequest) =>
      gate.enter(
        request,
        Math.min(
          Number(request.headers['content-length']) || Infinity,
          request.routeOptions.bodyLimit ?? config.bodyLimit,
        ),
      ),
    // Hooks answer with a promise (or call `done`): the place is given back at once either way.
    onResponse: (request: FastifyRequest) => Promise.resolve(gate.leave(request)),
    onRequestAbort: (request: FastifyRequest) => Promise.resolve(gate.leave(request)),
  };
  app.post(
    '/events',
    {
      ...gated,
      ...declare(
        operators,
        'Upload call events, grouped per call in order; each is stored once by (callId, seq)',
        {
          body: callEventBatchSchema,
          response: { 200: callEventAcksSchema },
        },
      ),
    },
    async (request) => {
      const session = sessionOf(request);
      const { organisationId, calls } = request.body;
      checkBatch(session.organisation.id, request.body);
      const who = { organisationId, personId: session.person.id };
      const now = config.now();
      const eventful = calls.filter((c) => c.events.length > 0).map(({ wrapUp: _, ...c }) => c);
      const stored =
        eventful.length > 0 ? await storeCallEvents(db, who, eventful, now, request.body.lease) : [];
      const byCall = new Map<string, StoreResult>(stored.map((r) => [r.callId, r]));
      // A wrap-up goes in once the events sent beside it are held (they come first in the call's order).
      const wrapUps = calls.flatMap((c) =>
        c.wrapUp && (c.events.length === 0 || byCall.get(c.callId)?.status === 'stored')
          ? [{ callId: c.callId, wrapUp: c.wrapUp }]
          : [],
      );
      const wrapped = await storeWrapUps(db, who, wrapUps, now);
      const results = calls.map((c): StoreResult => {
        const events = byCall.get(c.callId) ?? { callId: c.callId, status: 'stored', added: 0 };
        const wrapUp = wrapped.get(c.callId);
        // A refused wrap-up keeps the whole call queued: its events, held already, go again as a replay.
        return wrapUp?.status === 'refused' ? wrapUp : events;
      });
      if ([...wrapped.values()].some((r) => r.status === 'stored')) board.moved(organisationId);
      if (results.some((r) => r.status === 'stored' && r.added > 0)) board.moved(organisationId);
      if (stored.some((r) => r.status === 'stored' && r.reduced)) rollups.soon(organisationId);
      for (const r of results) {
        if (r.status !== 'stored') continue;
        if (r.filedCallback)
          await events.announce(organisationId, { kind: 'callbacks', callbackId: r.filedCallback });
        if (r.handover)
          await events.announce(organisationId, {
            kind: 'handover',
            handoverId: r.handover.id,
            recipientPersonId: r.handover.recipientPersonId,
          });
      }
      return {
        calls: results.map((r): CallAck =>
          r.status === 'stored'
            ? { callId: r.callId, status: r.status, added: r.added }
            : { ...r, message: messages.api[r.code] },
        ),
      };
    },
  );
  app.post(
    '/imports',
    {
      ...gated,
      ...declare(
        supervisors,
        'Send calls imported from workstation files; each is filed under the operator it names',
        {
          body: callImportSchema,
          response: { 200: callImportAcksSchema },
        },
      ),
      bodyLimit: IMPORT_BODY_LIMIT,
    },
    async (request) => {
      const { organisationId } = actorOf(request);
      checkBatch(organisationId, request.body);
      const results = await importCalls(db, organisationId, request.body.calls, config.now());
      if (results.some((r) => r.status === 'stored' && r.added > 0)) {
        board.moved(organisationId);
        rollups.soon(organisationId);
      }
      return {
        calls: results.map((r) => (r.status === 'stored' ? r : { ...r, message: messages.api[r.code] })),
      };
    },
  );
  app.post(
    '/lease',
    declare(operators, 'Hold the operator’s one active call on this device, or take it over from another', {
      body: leaseRequestSchema,
      response: { 200: leaseSchema, 409: apiErrorSchema },
    }),
    async (request) => {
      const who = { ...actorOf(request), now: config.now() };
      const result = await acquireLease(db, who, request.body.deviceId, request.body.takeOver);
      if (result.status === 'held') {
        // The device that lost the lease hears it at once (if it listens) rather than at its next upload.
        if (result.tookOver)
          await events.announce(who.organisationId, {
            kind: 'lease',
            personId: who.personId,
            deviceId: result.deviceId,
          });
        return { deviceId: result.deviceId, epoch: result.epoch };
      }
      throw new ApiError(409, 'lease_held', undefined, {}, { deviceId: result.deviceId });
    },
  );
  app.put(
    '/outbox',
    declare(operators, "Report how this workstation's outbox stands (stuck, or moving again)", {
      body: outboxReportSchema,
      response: { 204: z.null() },
    }),
    async (request, reply) => {
      const from = { sessionTokenHash: sessionOf(request).tokenHash, ...actorOf(request) };
      await saveOutboxReport(db, from, request.body, config.now().getTime());
      board.moved(from.organisationId);
      return reply.code(204).send(null);
    },
  );
});
