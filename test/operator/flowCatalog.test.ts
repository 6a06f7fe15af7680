import { describe, expect, it } from 'vitest';
import { bundledFlows, likelyFlow } from '../../src/app/flowCatalog';
import { checkFlow } from '../../src/flows/check';
import { catalogModules } from './flowModules';

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
