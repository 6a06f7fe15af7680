// Issue 18: an editor exports every flow as files flows:check accepts, in one archive, and each imports
// back as it was.
import 'fake-indexeddb/auto';
import { fireEvent, render, screen } from '@testing-library/react';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppDB } from '../../src/db';
import { importFlowFile, latestFlowVersion } from '../../src/db/editor';
import { FlowList } from '../../src/editor/FlowList';
import { bundledFlows } from '../../src/services/flowCatalog';
import { checkFlowFile } from '../../src/flows/check';

const dbs: AppDB[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of dbs.splice(0)) await db.delete();
});

/** The blob the page offered for download, caught where the browser would take it. */
function catchDownloads(): Blob[] {
  const caught: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    caught.push(blob as Blob);
    return 'blob:caught';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return caught;
}

describe('exporting every flow', () => {
  it('downloads the newest version of each flow as its scripts-flows file; each passes the checker and imports back unchanged', async () => {
    const db = new AppDB(`export-all-${Math.random()}`);
    dbs.push(db);
    const caught = catchDownloads();
    render(<FlowList db={db} onOpen={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Скачать все сценарии (архив .zip)' }));
    await vi.waitFor(() => expect(caught).toHaveLength(1));

    const files = unzipSync(new Uint8Array(await (caught[0] as Blob).arrayBuffer()));
    const shipped = bundledFlows().flows;
    expect(Object.keys(files).sort()).toEqual(shipped.map((f) => `scripts-flows/${f.id}.json`).sort());
    for (const [name, bytes] of Object.entries(files)) {
      const text = strFromU8(bytes);
      expect(checkFlowFile(text, name).issues, name).toEqual([]);
      const id = name.replace(/^scripts-flows\/|\.json$/g, '');
      const before = await latestFlowVersion(db, id);
      // Loaded back, it is the next version of the same flow, word for word.
      const again = await importFlowFile(db, text, name, 0);
      expect(again.ok, name).toBe(true);
      const after = await latestFlowVersion(db, id);
      expect(after?.version).toBe((before?.version ?? 0) + 1);
      expect({ ...after?.flow, version: 0 }).toEqual({ ...before?.flow, version: 0 });
    }
  });
});
