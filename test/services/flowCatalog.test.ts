import { describe, expect, it } from 'vitest';
import {
  bundledFlows,
  likelyFlow,
  loadBundledFlows,
  restoreBundledFlows,
  withPublished,
} from '../../src/services/flowCatalog';
import { checkFlow } from '../../src/flows/check';
import { catalogModules } from '../operator/flowModules';

describe('flow catalogue', () => {
  it('loads every sample flow and leaves the JSON schema out', () => {
    const { flows, invalid } = bundledFlows();
    expect(invalid).toEqual([]);
    expect(flows.map((f) => f.id).sort()).toEqual([
      'inbound-appeal-status',
      'inbound-consultation',
      'inbound-internal',
      'outbound-callback',
      'outbound-case-status',
    ]);
  });

  it('preselects the broadest flow of the direction and client kind', () => {
    const { flows } = bundledFlows();
    expect(likelyFlow(flows, 'inbound', 'external')?.id).toBe('inbound-consultation');
    expect(likelyFlow(flows, 'inbound', 'internal')?.id).toBe('inbound-internal');
    expect(likelyFlow(flows, 'outbound', 'external')?.id).toBe('outbound-callback');
    // No outbound flow for internal clients: any outbound one rather than none.
    expect(likelyFlow(flows, 'outbound', 'internal')?.direction).toBe('outbound');
    expect(likelyFlow([], 'inbound', 'external')).toBeNull();
  });

  it('bundles each file as the runtime check would restore it, defaults filled in', () => {
    const checked = Object.entries(catalogModules())
      .filter(([path]) => !path.endsWith('.schema.json'))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, raw]) => checkFlow(raw, path.split('/').pop()).flow);
    expect(bundledFlows().flows).toEqual(checked);
  });
});

describe('the flows file the operator fetches at start', () => {
  const asJson = () => JSON.parse(JSON.stringify(bundledFlows())) as unknown;

  it('gives the same flows the module has, read back from JSON', async () => {
    const loaded = await loadBundledFlows(() => Promise.resolve(asJson()));
    expect(loaded.loadFailed).toBeUndefined();
    expect(loaded.flows).toEqual(bundledFlows().flows);
  });

  it('marks the catalogue as not loaded when the file cannot be fetched or is not the flows file', async () => {
    for (const fetchRaw of [
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => Promise.reject(new SyntaxError('Unexpected token < in JSON')),
      () => Promise.resolve('<!doctype html>'),
      () => Promise.resolve({ flows: 'all' }),
      () => Promise.resolve(null),
    ]) {
      expect(await loadBundledFlows(fetchRaw)).toEqual({ flows: [], invalid: [], loadFailed: true });
    }
  });

  it('leaves out a damaged flow and keeps the others', () => {
    const raw = asJson() as { flows: unknown[] };
    const [first, ...rest] = raw.flows;
    const restored = restoreBundledFlows({ flows: [{ ...(first as object), steps: null }, ...rest, 7] });
    expect(restored?.flows.map((f) => f.id)).toEqual(
      bundledFlows()
        .flows.slice(1)
        .map((f) => f.id),
    );
  });

  it('keeps the published flows usable and says the bundled ones are missing', () => {
    const published = bundledFlows().flows.slice(0, 1);
    const catalog = withPublished(
      { flows: [], invalid: [], loadFailed: true },
      { current: published, all: published, archived: new Set(), nextSwitchAt: null },
    );
    expect(catalog.flows).toEqual(published);
    expect(catalog.loadFailed).toBe(true);
  });
});
