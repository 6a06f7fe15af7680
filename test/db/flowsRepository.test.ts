import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { allFlowVersions, withPublished, type FlowCatalog } from '../../src/services/flowCatalog';
import { AppDB } from '../../src/db/db';
import { loadPublishedFlows } from '../../src/db';
import {
  createDraftFrom,
  getDraft,
  importFlowFile,
  listFlows,
  listFlowVersions,
  publishDraft,
  republishVersion,
  saveDraft,
  seedBundledFlows,
  setArchived,
} from '../../src/db/flowsRepository';
import { flowFileText, updateStep } from '../../src/flows/edit';
import { restoreFlow } from '../../src/flows/restore';
import type { FlowDefinition } from '../../src/flows/types';

const fixtureText = readFileSync('test/fixtures/flows/valid-minimal.json', 'utf8');
function minimal(): FlowDefinition {
  const r = restoreFlow(JSON.parse(fixtureText));
  if (!r.ok) throw new Error('fixture broken');
  return r.flow;
}

let n = 0;
const open: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`flows-test-${++n}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

const sayOf = (flow: FlowDefinition | undefined, step: string) => flow?.steps.find((s) => s.id === step)?.say;

describe('flows repository', () => {
  it('keeps a draft with errors across a reopen of the database', async () => {
    const db = freshDb();
    const draft = updateStep(minimal(), 'needs', { say: '' });
    await saveDraft(db, draft, 1, 1000);
    db.close();
    const again = new AppDB(db.name);
    open.push(again);
    const row = await getDraft(again, draft.id);
    expect(sayOf(row?.draft, 'needs')).toBe('');
    expect(row?.baseVersion).toBe(1);
  });

  it('refuses to publish a draft with errors and keeps the draft', async () => {
    const db = freshDb();
    await seedBundledFlows(db, [minimal()], 0);
    await saveDraft(db, updateStep(minimal(), 'needs', { say: '{{caller.nmae}}' }), 1, 1);
    const result = await publishDraft(db, 'fixture-minimal', 2);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.code)).toContain('template.unknownVariable');
    expect((await listFlowVersions(db, 'fixture-minimal')).map((v) => v.version)).toEqual([1]);
    expect(await getDraft(db, 'fixture-minimal')).toBeDefined();
  });

  it('publishes version N+1 immutably; rollback republishes an old flow as a newer version', async () => {
    const db = freshDb();
    await seedBundledFlows(db, [minimal()], 0);
    await saveDraft(db, updateStep(minimal(), 'needs', { say: 'Слушаю вас внимательно.' }), 1, 1);
    expect(await publishDraft(db, 'fixture-minimal', 2)).toEqual({ ok: true, version: 2 });
    expect(await getDraft(db, 'fixture-minimal')).toBeUndefined();

    const v2 = (await loadPublishedFlows(db)).current[0];
    expect(v2?.version).toBe(2);
    expect(sayOf(v2, 'needs')).toBe('Слушаю вас внимательно.');

    expect(await republishVersion(db, 'fixture-minimal', 1, 3)).toEqual({ ok: true, version: 3 });
    const versions = await listFlowVersions(db, 'fixture-minimal');
    expect(versions.map((v) => [v.version, v.source])).toEqual([
      [1, 'bundled'],
      [2, 'editor'],
      [3, { rollbackOf: 1 }],
    ]);
    expect(sayOf(versions[2]?.flow, 'needs')).toBe(sayOf(minimal(), 'needs'));
    // Version 2 is still there, unchanged.
    expect(sayOf(versions[1]?.flow, 'needs')).toBe('Слушаю вас внимательно.');
  });

  it('an invalid import changes nothing; a valid one becomes the next version', async () => {
    const db = freshDb();
    await seedBundledFlows(db, [minimal()], 0);
    const broken = fixtureText
      .replace('"start": "greeting"', '"start": "nowhere"')
      .replace('"title"', '"titel"');
    const bad = await importFlowFile(db, broken, 'broken.json', 1);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.issues.length).toBeGreaterThan(0);
    expect(await listFlows(db)).toEqual([
      { id: 'fixture-minimal', title: minimal().title, versions: [1], status: 'published', hasDraft: false },
    ]);
    const notJson = await importFlowFile(db, '{ "id": ', 'cut.json', 1);
    expect(!notJson.ok && notJson.issues[0]?.code).toBe('file.invalidJson');

    const good = await importFlowFile(
      db,
      flowFileText(updateStep(minimal(), 'needs', { say: 'Новая' })),
      'x.json',
      2,
    );
    expect(good).toMatchObject({ ok: true, version: 2, flowId: 'fixture-minimal' });
  });

  it('exports a version that reads back as the same flow', () => {
    const text = flowFileText(minimal());
    expect(text.startsWith('{\n  "$schema": "./flow.schema.json",')).toBe(true);
    const back = restoreFlow(JSON.parse(text));
    expect(back.ok && back.flow).toEqual(minimal());
  });

  it('creates a new flow from a sample, archives and lists statuses', async () => {
    const db = freshDb();
    await seedBundledFlows(db, [minimal()], 0);
    expect(await createDraftFrom(db, minimal(), 'copy-flow', 'Копия', 1)).toBe(true);
    expect(await createDraftFrom(db, minimal(), 'fixture-minimal', 'Занято', 1)).toBe(false);
    await setArchived(db, 'fixture-minimal', true);
    const list = await listFlows(db);
    expect(list.map((f) => [f.id, f.status, f.hasDraft])).toEqual([
      ['copy-flow', 'draft', true],
      ['fixture-minimal', 'archived', false],
    ]);
    expect((await loadPublishedFlows(db)).current).toEqual([]);
  });

  it("the operator's catalogue takes the newer published version and leaves archived flows out", async () => {
    const db = freshDb();
    const bundled: FlowCatalog = { flows: [minimal()], invalid: [] };
    await seedBundledFlows(db, bundled.flows, 0);
    await saveDraft(db, updateStep(minimal(), 'needs', { say: 'Опубликованная реплика' }), 1, 1);
    await publishDraft(db, 'fixture-minimal', 2);
    const published = await loadPublishedFlows(db);
    const catalog = withPublished(bundled, published);
    expect(catalog.flows.map((f) => f.version)).toEqual([2]);
    expect(sayOf(catalog.flows[0], 'needs')).toBe('Опубликованная реплика');
    expect(
      allFlowVersions(bundled, published)
        .map((f) => f.version)
        .sort(),
    ).toEqual([1, 2]);

    await setArchived(db, 'fixture-minimal', true);
    expect(withPublished(bundled, await loadPublishedFlows(db)).flows).toEqual([]);
    // Without storage the bundled flows are served as they are.
    expect(withPublished(bundled, null)).toBe(bundled);
  });

  it('leaves a published row damaged since out of the catalogue and keeps the rest', async () => {
    const db = freshDb();
    const bundled: FlowCatalog = { flows: [minimal()], invalid: [] };
    await seedBundledFlows(db, bundled.flows, 0);
    await saveDraft(db, updateStep(minimal(), 'needs', { say: 'Версия 2' }), 1, 1);
    await publishDraft(db, 'fixture-minimal', 2);
    const v2 = await db.flowVersions.get(['fixture-minimal', 2]);
    if (!v2) throw new Error('version 2 not stored');
    const { phrases: _, ...noPhrases } = v2.flow;
    const brokenStep = { ...v2.flow, steps: v2.flow.steps.map((st, i) => (i === 0 ? { id: st.id } : st)) };
    for (const damaged of [noPhrases, brokenStep, { ...v2.flow, start: 'nowhere' }, null]) {
      await db.flowVersions.put({ ...v2, flow: damaged as FlowDefinition }); // as a faulty disk leaves it
      const published = await loadPublishedFlows(db);
      expect(published.all.map((f) => f.version)).toEqual([1]);
      expect(withPublished(bundled, published).flows.map((f) => f.version)).toEqual([1]);
    }
  });
});
