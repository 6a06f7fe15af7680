import { describe, expect, it } from 'vitest';
import { buildFlowCatalog, bundledFlows, likelyFlow } from '../../src/app/flowCatalog';
import { catalogModules } from './flowModules';

describe('flow catalogue', () => {
  it('loads every sample flow and leaves the JSON schema out', () => {
    const { flows, invalid } = buildFlowCatalog(catalogModules());
    expect(invalid).toEqual([]);
    expect(flows.map((f) => f.id).sort()).toEqual([
      'inbound-appeal-status',
      'inbound-consultation',
      'inbound-internal',
      'outbound-callback',
      'outbound-case-status',
    ]);
  });

  it('reports a broken file and keeps the good ones, whatever the broken one holds', () => {
    const modules = {
      ...catalogModules(),
      '../../scripts-flows/broken.json': { id: 'broken', version: 1 },
      '../../scripts-flows/not-an-object.json': 'text',
      '../../scripts-flows/null.json': null,
    };
    const { flows, invalid } = buildFlowCatalog(modules);
    expect(flows).toHaveLength(5);
    expect(invalid.map((i) => i.file).sort()).toEqual(['broken.json', 'not-an-object.json', 'null.json']);
    expect(invalid.every((i) => i.issues.length > 0)).toBe(true);
  });

  it('preselects the broadest flow of the direction and client kind', () => {
    const { flows } = buildFlowCatalog(catalogModules());
    expect(likelyFlow(flows, 'inbound', 'external')?.id).toBe('inbound-consultation');
    expect(likelyFlow(flows, 'inbound', 'internal')?.id).toBe('inbound-internal');
    expect(likelyFlow(flows, 'outbound', 'external')?.id).toBe('outbound-callback');
    // No outbound flow for internal clients: any outbound one rather than none.
    expect(likelyFlow(flows, 'outbound', 'internal')?.direction).toBe('outbound');
    expect(likelyFlow([], 'inbound', 'external')).toBeNull();
  });

  it('bundles the same flows through import.meta.glob', () => {
    expect(
      bundledFlows()
        .flows.map((f) => f.id)
        .sort(),
    ).toEqual(
      buildFlowCatalog(catalogModules())
        .flows.map((f) => f.id)
        .sort(),
    );
  });
});
