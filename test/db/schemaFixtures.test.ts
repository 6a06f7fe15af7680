/*
 * Released schema versions: a database left by any earlier version opens with today's code, nothing lost.
 *
 * The rule: test/fixtures/db/schema-vN.json is the database exactly as schema version N left it (its
 * IndexedDB store definitions as the browser reports them, and realistic rows for every table). A released
 * fixture is history: never edit it, and never edit a released `version(N).stores(...)` in src/db/db.ts.
 * When version N+1 is added to db.ts, keep every schema-vN.json and add schema-v(N+1).json the day N+1 is
 * released: run that build in Chromium through a first run, a finished call with a callback and a call
 * left on hold, then dump the raw database (each store's keyPath, autoIncrement and indexes; its rows by
 * getAll) and trim it to a few rows per table. schema-v1.json was made that way; schema-v2.json by
 * makeSchemaV2.ts beside it (the v1 database upgraded, then used by version 2 through its repositories),
 * schema-v3.json to schema-v5.json likewise by makeSchemaV3.ts to makeSchemaV5.ts. Typed arrays
 * (schema 3's packs) are written as { "$typed": "Float64Array", "$bytes": "<base64>" }.
 * test/e2e/hostile.e2e.ts seeds schema-v1.json into a real Chromium profile and opens the app over it.
 * This file runs over every fixture in the folder: each one is built with the raw IndexedDB API (not
 * through db.ts), opened with openAppDb(), and read back through the public repository functions.
 *
 * Rows hold JSON; a Blob (the knowledge-base search index) is written as { "$blob": "<base64>" }.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie, { type Version } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeCall } from '../../src/analytics';
import { AppDB } from '../../src/db/db';
import { findActiveCall, loadCall, loadPublishedFlows, loadSettings, openAppDb } from '../../src/db';
import { listOpenCallbacks } from '../../src/db/callbacksRepository';
import { listCallsBetween } from '../../src/db/callHistory';
import { getDraft, listFlows, listFlowVersions } from '../../src/db/flowsRepository';
import { listArticleEdits } from '../../src/db/articlesRepository';
import { activeKbInfo, loadActiveBundle, loadActiveIndex } from '../../src/db/kbRepository';
import type {
  CallChangeRow,
  CallEventRow,
  CallFactsRow,
  CallPackRow,
  CallRow,
  CallbackRow,
  OrganisationRow,
  OutboxRow,
} from '../../src/db/callsTables';
import { nextUpload } from '../../src/db/outbox';
import { listColleagues, loadCentreQueue, type CentreQueueRow, type ColleagueRow } from '../../src/db/centre';
import { PACK_VERSION, unpackCalls } from '../../src/db/callPack';
import { FACTS_VERSION, factsKey, loadSupervisedCalls } from '../../src/db/supervisorRepository';
import { flowVersion, lookupIn } from '../../src/db/flowCatalogue';
import type { CallFlowRow, FlowDraftRow, FlowVersionRow } from '../../src/db/flowsTables';
import type { ArticleEditRow } from '../../src/db/articlesTables';
import type { KbArticleRow, KbBundleRow } from '../../src/db/kbTables';
import { buildRaw, revive, type SchemaFixture, type StoreDef } from '../fixtures/db/rawDb';
import { FLOWS } from '../fixtures/analytics/calls';

const DIR = join(import.meta.dirname, '../fixtures/db');
const FIXTURES = readdirSync(DIR)
  .filter((f) => /^schema-v\d+\.json$/.test(f))
  .map((file) => ({ file, fixture: JSON.parse(readFileSync(join(DIR, file), 'utf8')) as SchemaFixture }));

/** Dexie's store spec ("[a+b], c, &d, *e") in the form IndexedDB reports it. */
function toIdb(spec: string): StoreDef {
  const keyPathOf = (s: string) => (s.startsWith('[') ? s.slice(1, -1).split('+') : s);
  const [primary = '', ...rest] = spec.split(',').map((s) => s.trim());
  const autoIncrement = primary.startsWith('++');
  const pk = primary.replace(/^\+\+/, '');
  return {
    keyPath: pk === '' ? null : keyPathOf(pk),
    autoIncrement,
    indexes: rest
      .filter(Boolean)
      .map((s) => {
        const unique = s.startsWith('&');
        const multiEntry = s.startsWith('*');
        const bare = s.replace(/^[&*]/, '');
        // Dexie names an index by its spec, brackets and all: "[callerPhone+startedAt]".
        return { name: bare, keyPath: keyPathOf(bare), unique, multiEntry };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The store specs db.ts declares, per Dexie version, caught as the AppDB constructor declares them. */
function declaredSchemas(): Map<number, Record<string, string>> {
  const declared = new Map<number, Record<string, string>>();
  // Dexie's typings give its prototype as any; it is the Dexie instance prototype.
  const proto = Dexie.prototype as Dexie;
  const original = proto.version;
  proto.version = function (this: Dexie, n: number): Version {
    const version = original.call(this, n);
    const stores = version.stores.bind(version);
    version.stores = (spec: Record<string, string | null>) => {
      const kept = Object.entries(spec).filter((e): e is [string, string] => e[1] !== null);
      declared.set(n, { ...declared.get(n), ...Object.fromEntries(kept) });
      return stores(spec);
    };
    return version;
  };
  try {
    new AppDB('schema-declaration-probe');
  } finally {
    proto.version = original;
  }
  return declared;
}

const rowsOf = <T>(fx: SchemaFixture, table: string) => (fx.rows[table] ?? []) as T[];

/** A stored event with the organisation its start names put back in place, as the engine wrote it. */
function whole(e: CallEventRow, organisations: Map<string, OrganisationRow>): CallEventRow {
  if (e.event.type !== 'call.started') return e;
  const { organisationRef, ...start } = e.event.start as typeof e.event.start & { organisationRef?: string };
  const kept = organisationRef === undefined ? undefined : organisations.get(organisationRef);
  if (!kept) return e;
  return { ...e, event: { ...e.event, start: { ...start, organisation: kept.organisation } } };
}

let n = 0;
const opened: AppDB[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

describe.each(FIXTURES)('$file', ({ fixture: fx }) => {
  it('is the schema db.ts still declares for that version (a released version is never edited)', () => {
    const versions = declaredSchemas();
    expect(
      versions.get(fx.dexieVersion),
      `db.ts no longer declares version(${fx.dexieVersion})`,
    ).toBeDefined();
    // A version lists only the tables it adds or changes: the schema then is every version up to it.
    const declared = [...versions]
      .filter(([n]) => n <= fx.dexieVersion)
      .sort(([a], [b]) => a - b)
      .reduce<Record<string, string>>((all, [, specs]) => ({ ...all, ...specs }), {});
    const asIdb = Object.fromEntries(Object.entries(declared).map(([name, spec]) => [name, toIdb(spec)]));
    expect(asIdb).toEqual(fx.stores);
    expect(fx.idbVersion).toBe(fx.dexieVersion * 10);
  });

  it('has rows for every table', () => {
    for (const table of Object.keys(fx.stores)) expect(rowsOf(fx, table).length, table).toBeGreaterThan(0);
  });

  it('opens with the current code and every row reads back unchanged through the repositories', async () => {
    const name = `schema-fixture-${++n}`;
    await buildRaw(name, fx);
    const result = await openAppDb(name);
    if (!result.ok) throw new Error(`did not open: ${result.problem}`);
    const db = result.db;
    opened.push(db);

    const settings = await loadSettings(db);
    const stored = new Map(
      rowsOf<{ key: string; value: unknown }>(fx, 'settings').map((r) => [r.key, r.value]),
    );
    expect(settings.operator).toEqual(stored.get('operator'));
    expect(settings.organisation).toEqual(stored.get('organisation'));

    const calls = rowsOf<CallRow>(fx, 'calls');
    // From schema 2 a call's first event names its organisation, kept once: the log reads back whole.
    const organisations = new Map(rowsOf<OrganisationRow>(fx, 'organisations').map((o) => [o.ref, o]));
    const events = rowsOf<CallEventRow>(fx, 'callEvents').map((e) => whole(e, organisations));
    const listed = await listCallsBetween(db, 0, Number.MAX_SAFE_INTEGER);
    expect(listed.map((c) => c.id).sort()).toEqual(calls.map((c) => c.id).sort());
    for (const call of calls) {
      const loaded = await loadCall(db, call.id);
      expect(loaded?.row).toEqual(call);
      expect(loaded?.log).toEqual(events.filter((e) => e.callId === call.id).sort((a, b) => a.seq - b.seq));
      expect(loaded?.log.length).toBe(call.lastSeq + 1);
    }
    const active = calls.find((c) => c.status === 'active');
    const resumed = await findActiveCall(db);
    expect(resumed?.row).toEqual(active);
    expect(resumed?.log.at(-1)?.after).toEqual(events.filter((e) => e.callId === active?.id).at(-1)?.after);

    // Figures a supervisor kept are taken as they are while the call stays unchanged.
    const kept = rowsOf<CallFactsRow>(fx, 'callFacts');
    const versions = rowsOf<FlowVersionRow>(fx, 'flowVersions');
    const packRows = rowsOf<CallPackRow>(fx, 'callPacks').map((p) => revive(p) as CallPackRow);
    // Figures an older build reduced are reduced again, on the flows the calls ran (the fixture's);
    // today's figures are taken as they are, with no flow to reduce on.
    const current =
      kept.every((k) => k.key.startsWith(`${FACTS_VERSION}|`)) &&
      packRows.every((p) => p.factsVersion === FACTS_VERSION);
    const bundled = current ? () => null : lookupIn(FLOWS);
    if (kept.length > 0) {
      const supervised = await loadSupervisedCalls(db, { from: 0, to: Number.MAX_SAFE_INTEGER }, bundled);
      for (const k of kept) {
        const row = calls.find((c) => c.id === k.id);
        if (!row || factsKey(row) !== k.key) continue;
        // The queue's callback is laid over the kept figures at every reading.
        const { callback: _, ...got } = supervised.find((c) => c.row.id === k.id)?.facts ?? {};
        const { callback: __, ...want } = k.facts;
        expect(got).toEqual(want);
      }
    }

    // From schema 3 a month's calls are packed: a packed call reads back as packed, and a call marked
    // changed since reads back as its row now says.
    const packs = packRows.filter((p) => p.v === PACK_VERSION);
    if (packRows.length > packs.length) {
      // Packed in an older layout: the months are read again from the rows, every call as its row says.
      const supervised = await loadSupervisedCalls(db, { from: 0, to: Number.MAX_SAFE_INTEGER }, bundled);
      for (const row of calls.filter((c) => c.status === 'ended'))
        expect(supervised.find((x) => x.row.id === row.id)?.row, row.id).toEqual(row);
    }
    if (packs.length > 0) {
      const marked = new Set(rowsOf<CallChangeRow>(fx, 'callChanges').map((c) => c.id));
      const supervised = await loadSupervisedCalls(db, { from: 0, to: Number.MAX_SAFE_INTEGER }, bundled);
      const packed = packs
        .filter((p) => p.part === 'facts')
        .flatMap((f) => {
          const r = packs.find((p) => p.month === f.month && p.rev === f.rev && p.part === 'rows');
          if (!r) throw new Error('a month packed without its rows');
          return unpackCalls({ v: f.v, count: f.count, facts: f.half, rows: r.half });
        })
        .filter((c) => !marked.has(c.row.id));
      expect(packed.length).toBeGreaterThan(0);
      for (const c of packed) {
        const got = supervised.find((x) => x.row.id === c.row.id);
        expect(got?.row).toEqual(c.row);
        // Reduced again, a call finds the version it ran in the catalogue: the editor's, or the build's.
        const log = events.filter((e) => e.callId === c.row.id).sort((a, b) => a.seq - b.seq);
        const ran = (id: string, v: number) => lookupIn(versions.map((r) => r.flow))(id, v) ?? bundled(id, v);
        const want = current
          ? c.facts
          : analyzeCall(c.row, log, ran(c.row.flowId, c.row.flowVersion), c.facts.callback);
        expect(got?.facts).toEqual(want);
      }
      for (const id of marked)
        expect(supervised.find((x) => x.row.id === id)?.row).toEqual(calls.find((c) => c.id === id));
    }

    const callbacks = rowsOf<CallbackRow>(fx, 'callbacks');
    expect(await listOpenCallbacks(db)).toEqual(callbacks.filter((c) => c.status === 'open'));

    // From schema 5 the events waiting for the server read back as the sync client sends them: whole,
    // in order per call, for the person they were queued for.
    const waiting = rowsOf<OutboxRow>(fx, 'outbox');
    for (const personId of new Set(waiting.map((w) => w.personId))) {
      const mine = waiting.filter((w) => w.personId === personId);
      const owner = { personId, organisationId: mine[0]?.organisationId ?? '' };
      const batch = await nextUpload(db, owner, { maxEvents: 10_000, maxBytes: Infinity });
      const sent = batch.flatMap((c) => c.events);
      expect(sent.map((e) => [e.callId, e.seq])).toEqual(mine.map((w) => [w.callId, w.seq]));
      for (const e of sent) expect(e).toEqual(events.find((x) => x.callId === e.callId && x.seq === e.seq));
    }

    // From schema 6 the organisation's directory and the last-known callbacks queue read back whole.
    const colleagues = rowsOf<ColleagueRow>(fx, 'colleagues');
    for (const org of new Set(colleagues.map((c) => c.organisationId)))
      expect(await listColleagues(db, org)).toEqual(
        colleagues.filter((c) => c.organisationId === org).sort((a, b) => a.name.localeCompare(b.name, 'ru')),
      );
    for (const queue of rowsOf<CentreQueueRow>(fx, 'centreQueue'))
      expect(await loadCentreQueue(db, queue.personId)).toEqual(queue);

    const flows = await listFlows(db);
    for (const id of new Set(versions.map((v) => v.flowId))) {
      const mine = versions.filter((v) => v.flowId === id).sort((a, b) => a.version - b.version);
      expect(await listFlowVersions(db, id)).toEqual(mine);
      expect(flows.find((f) => f.id === id)?.versions).toEqual(mine.map((v) => v.version));
    }
    // From schema 4 the flow version each call ran is kept: the catalogue finds it without the build.
    const ran = rowsOf<CallFlowRow>(fx, 'callFlows');
    for (const r of ran) expect(await flowVersion(db, r.flowId, r.version, () => null)).toEqual(r.flow);
    const published = await loadPublishedFlows(db);
    const keys = new Set([...versions, ...ran].map((v) => `${v.flowId}@${v.version}`));
    expect(published.all).toHaveLength(keys.size);
    for (const draft of rowsOf<FlowDraftRow>(fx, 'flowDrafts')) {
      expect(await getDraft(db, draft.flowId)).toEqual(draft);
      expect(flows.find((f) => f.id === draft.flowId)?.hasDraft).toBe(true);
    }

    expect(await listArticleEdits(db)).toEqual(
      rowsOf<ArticleEditRow>(fx, 'articleEdits').map((e) => e.article),
    );

    const [bundle] = rowsOf<KbBundleRow>(fx, 'kbBundles');
    expect(await activeKbInfo(db)).toEqual({
      version: bundle?.version,
      builtAt: bundle?.builtAt,
      articleCount: bundle?.articleCount,
    });
    const articles = rowsOf<KbArticleRow>(fx, 'kbArticles').map(({ version: _v, ...a }) => a);
    const kb = await loadActiveBundle(db);
    expect(kb?.articles.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      articles.sort((a, b) => a.id.localeCompare(b.id)),
    );
    const index = await loadActiveIndex(db);
    expect(index?.index).toBeInstanceOf(Blob);
    // The stored index comes back byte for byte (if the engine's format moved on, kbSync rebuilds it).
    const [storedIndex] = rowsOf<{ index: unknown }>(fx, 'kbIndexes');
    const expected = revive(storedIndex?.index);
    if (!(index?.index instanceof Blob) || !(expected instanceof Blob))
      throw new Error('index is not a Blob');
    expect(new Uint8Array(await index.index.arrayBuffer())).toEqual(
      new Uint8Array(await expected.arrayBuffer()),
    );
  });
});
