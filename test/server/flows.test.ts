// Issue 18, the server's half: published flows per organisation. Every organisation starts with the
// flows the build brought; editors publish numbered, immutable versions, checked as flows:check checks
// a file; a version can be scheduled; two editors publishing from one base see the conflict; nothing
// of one organisation is visible to another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedFlow } from '../../src/protocol';
import { loadFlow } from '../calls/helpers';
import { MURMANSK, SVERDLOVSK, startTestServer, type TestServer } from './serverHarness';
import { DATABASE_KINDS } from './testDatabase';

const CONSULTATION = loadFlow('inbound-consultation.json');
const URL_OF = (flowId: string) => `/api/v1/flows/${flowId}/versions`;
const HOUR = 3_600_000;

type Catalogue = { current: PublishedFlow[]; scheduled: PublishedFlow[]; serverTime: string };

/** The consultation flow with its greeting reworded: a real editor's change. */
function edited(greeting: string): Record<string, unknown> {
  return {
    ...CONSULTATION,
    steps: CONSULTATION.steps.map((s) => (s.id === 'greeting' ? { ...s, say: greeting } : s)),
  };
}
const GREETING_V2 =
  '{{greeting}}! {{organisation.fullName}}, {{operator.position}} {{operator.fullName}}. Слушаю вас.';

describe.each(DATABASE_KINDS)('published flows on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server.close());

  const catalogue = async (org = MURMANSK, role: 'operator' | 'editor' = 'operator') => {
    const res = await server.call('GET', '/api/v1/flows', { as: await server.signInAs(org, role) });
    expect(res.statusCode).toBe(200);
    return res.json<Catalogue>();
  };
  const publish = async (body: Record<string, unknown>, flowId = CONSULTATION.id, org = MURMANSK) =>
    server.call('POST', URL_OF(flowId), { as: await server.signInAs(org, 'editor'), body });

  it('gives every organisation the bundled flows under their own version numbers', async () => {
    for (const org of [MURMANSK, SVERDLOVSK]) {
      const { current, scheduled } = await catalogue(org);
      expect(current.map((f) => f.flowId).sort()).toEqual([
        'inbound-appeal-status',
        'inbound-consultation',
        'inbound-internal',
        'outbound-callback',
        'outbound-case-status',
      ]);
      expect(scheduled).toEqual([]);
      const consultation = current.find((f) => f.flowId === CONSULTATION.id);
      expect(consultation).toMatchObject({ version: CONSULTATION.version, author: null });
      expect(consultation?.definition).toMatchObject({ id: CONSULTATION.id, version: CONSULTATION.version });
    }
  });

  it('publishes the next version with its author and note; operators get it; the old one stays', async () => {
    const res = await publish({
      definition: edited(GREETING_V2),
      baseVersion: CONSULTATION.version,
      note: 'короче приветствие',
    });
    expect(res.statusCode, res.body).toBe(201);
    const v2 = res.json<PublishedFlow>();
    expect(v2).toMatchObject({
      flowId: CONSULTATION.id,
      version: CONSULTATION.version + 1,
      note: 'короче приветствие',
      author: { name: 'Орлова Мария Игоревна' },
    });
    const { current } = await catalogue(MURMANSK, 'operator');
    const inForce = current.find((f) => f.flowId === CONSULTATION.id);
    expect(inForce?.version).toBe(CONSULTATION.version + 1);
    expect((inForce?.definition.steps as { id: string; say: string }[])[0]?.say).toBe(GREETING_V2);
    // The version a call ran on is still there, as it was.
    const old = await server.call('GET', `${URL_OF(CONSULTATION.id)}/${CONSULTATION.version}`, {
      as: await server.signInAs(MURMANSK, 'supervisor'),
    });
    expect(old.json<PublishedFlow>().definition).toMatchObject({ version: CONSULTATION.version });
    const history = await server.call('GET', URL_OF(CONSULTATION.id), {
      as: await server.signInAs(MURMANSK, 'operator'),
    });
    expect(history.json<{ versions: { version: number }[] }>().versions.map((v) => v.version)).toEqual([
      CONSULTATION.version + 1,
      CONSULTATION.version,
    ]);
    // The other organisation still has only its own.
    const theirs = (await catalogue(SVERDLOVSK)).current.find((f) => f.flowId === CONSULTATION.id);
    expect(theirs?.version).toBe(CONSULTATION.version);
  });

  it('refuses a second publication from the same base with the newer version to compare', async () => {
    const base = (await catalogue()).current.find((f) => f.flowId === CONSULTATION.id)!.version;
    const first = await publish({ definition: edited(`${GREETING_V2} Первый.`), baseVersion: base });
    expect(first.statusCode, first.body).toBe(201);
    const second = await publish({ definition: edited(`${GREETING_V2} Второй.`), baseVersion: base });
    expect(second.statusCode).toBe(409);
    const refusal = second.json<{ code: string; message: string; latest: PublishedFlow }>();
    expect(refusal.code).toBe('version_conflict');
    expect(refusal.message).toMatch(/новая версия/);
    expect(refusal.latest.version).toBe(base + 1);
    expect(JSON.stringify(refusal.latest.definition)).toContain('Первый.');
    expect((await catalogue()).current.find((f) => f.flowId === CONSULTATION.id)?.version).toBe(base + 1);
  });

  it('refuses a flow with errors in flows:check’s words and changes nothing', async () => {
    const before = await catalogue();
    const base = before.current.find((f) => f.flowId === CONSULTATION.id)!.version;
    const broken = {
      ...CONSULTATION,
      steps: CONSULTATION.steps.map((s) =>
        s.id === 'understand' ? { ...s, options: [{ id: 'yes', label: 'Да', next: 'nowhere' }] } : s,
      ),
    };
    const res = await publish({ definition: broken, baseVersion: base });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; issues: string[] }>();
    expect(body.code).toBe('flow_invalid');
    expect(body.issues.join('\n')).toMatch(/nowhere/);
    expect(body.issues.every((line) => /[а-яё]/i.test(line))).toBe(true);
    expect(await catalogue()).toEqual({ ...before, serverTime: expect.any(String) as string });
    const mismatch = await publish({ definition: { ...CONSULTATION, id: 'other' }, baseVersion: base });
    expect(mismatch.json()).toMatchObject({ code: 'flow_id_mismatch' });
  });

  it('schedules a version to take effect later: scheduled until then, in force after', async () => {
    const base = (await catalogue()).current.find((f) => f.flowId === CONSULTATION.id)!.version;
    const at = new Date(Date.parse((await catalogue()).serverTime) + 2 * HOUR).toISOString();
    const res = await publish({
      definition: edited(`${GREETING_V2} С понедельника.`),
      baseVersion: base,
      effectiveAt: at,
    });
    expect(res.statusCode, res.body).toBe(201);
    let now = await catalogue();
    expect(now.current.find((f) => f.flowId === CONSULTATION.id)?.version).toBe(base);
    expect(now.scheduled.map((f) => [f.flowId, f.version, f.effectiveAt])).toEqual([
      [CONSULTATION.id, base + 1, at],
    ]);
    // A draft from the version in force is stale: the scheduled one is the newest.
    const stale = await publish({ definition: edited(GREETING_V2), baseVersion: base });
    expect(stale.statusCode).toBe(409);
    server.advance(2 * HOUR + 1000);
    now = await catalogue();
    expect(now.current.find((f) => f.flowId === CONSULTATION.id)?.version).toBe(base + 1);
    expect(now.scheduled).toEqual([]);
    const past = await publish({
      definition: edited(GREETING_V2),
      baseVersion: base + 1,
      effectiveAt: new Date(Date.parse(now.serverTime) - HOUR).toISOString(),
    });
    expect(past.json()).toMatchObject({ code: 'effective_in_past' });
  });

  it("answers 404 for a flow or version the organisation does not have, even another's", async () => {
    const mine = await server.signInAs(SVERDLOVSK, 'editor');
    const published = await server.call('POST', URL_OF('murmansk-only'), {
      as: await server.signInAs(MURMANSK, 'editor'),
      body: { definition: { ...CONSULTATION, id: 'murmansk-only' }, baseVersion: null },
    });
    expect(published.statusCode, published.body).toBe(201);
    for (const url of [
      URL_OF('murmansk-only'),
      `${URL_OF('murmansk-only')}/1`,
      `${URL_OF(CONSULTATION.id)}/999`,
    ]) {
      const res = await server.call('GET', url, { as: mine });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toMatchObject({ code: 'flow_not_found' });
    }
    const list = await server.call('GET', '/api/v1/flows', { as: mine });
    expect(list.body).not.toContain('murmansk-only');
  });

  it('keeps each editor’s draft as typed, for them alone, and drops it once they publish', async () => {
    const editor = await server.signInAs(SVERDLOVSK, 'editor');
    const admin = await server.signInAs(SVERDLOVSK, 'administrator');
    const DRAFT = `${URL_OF(CONSULTATION.id).replace('/versions', '')}/draft`;
    const base = (await catalogue(SVERDLOVSK)).current.find((f) => f.flowId === CONSULTATION.id)!.version;
    // A draft with an error in it is saved all the same: nothing typed is lost.
    const typed = edited('');
    const saved = await server.call('PUT', DRAFT, { as: editor, body: { draft: typed, baseVersion: base } });
    expect(saved.statusCode, saved.body).toBe(204);
    const mine = await server.call('GET', DRAFT, { as: editor });
    expect(mine.json()).toMatchObject({ draft: typed, baseVersion: base });
    // Another editor of the same centre has their own (none yet); another centre's editor has none.
    expect((await server.call('GET', DRAFT, { as: admin })).statusCode).toBe(404);
    const elsewhere = await server.call('GET', DRAFT, { as: await server.signInAs(MURMANSK, 'editor') });
    expect(elsewhere.json()).toMatchObject({ code: 'draft_not_found' });
    // Typing on overwrites it; an operator may neither read nor write drafts.
    const again = edited(`${GREETING_V2} Черновик.`);
    await server.call('PUT', DRAFT, { as: editor, body: { draft: again, baseVersion: base } });
    expect((await server.call('GET', DRAFT, { as: editor })).json()).toMatchObject({ draft: again });
    const operator = await server.signInAs(SVERDLOVSK, 'operator');
    expect((await server.call('GET', DRAFT, { as: operator })).statusCode).toBe(403);
    expect(
      (await server.call('PUT', DRAFT, { as: operator, body: { draft: again, baseVersion: base } }))
        .statusCode,
    ).toBe(403);
    // Publishing it ends the draft.
    const published = await server.call('POST', URL_OF(CONSULTATION.id), {
      as: editor,
      body: { definition: again, baseVersion: base },
    });
    expect(published.statusCode, published.body).toBe(201);
    expect((await server.call('GET', DRAFT, { as: editor })).statusCode).toBe(404);
  });
});
