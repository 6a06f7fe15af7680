// The flows the build brings (scripts-flows/): checked as flows:check checks them, and given to every
// organisation that holds no flow yet, under their own version numbers, so a call made on a bundled
// version finds that version on the server too.
import { resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { listFlowFiles } from '../../cli/cliUtil';
import { readDiskText } from '../../cli/sourceFiles';
import { checkFlowFile } from '../../flows/check';
import type { FlowDefinition } from '../../flows/types';
import { insertFlowVersion, organisationsWithoutFlows } from '../storage/flowVersions';
import type { Database } from '../storage/schema';

const FLOW_FILE_MAX_BYTES = 1024 * 1024;

/** The valid flows of a folder of flow files (a file with an error is left out, as the app's loader does). */
export function loadBundledFlows(dir: string): FlowDefinition[] {
  const root = resolve(dir, '..');
  const folder = resolve(dir).slice(root.length + 1);
  return listFlowFiles(folder, root).flatMap((file) => {
    const read = readDiskText(resolve(root, file), FLOW_FILE_MAX_BYTES);
    const flow = read.ok ? checkFlowFile(read.text, file).flow : undefined;
    return flow ? [flow] : [];
  });
}

/** Gives the bundled flows to every organisation without flows; returns how many organisations got them. */
export async function seedBundledFlows(
  db: Kysely<Database>,
  flows: readonly FlowDefinition[],
  now: Date,
): Promise<number> {
  const organisations = await organisationsWithoutFlows(db);
  for (const organisationId of organisations)
    await db.transaction().execute(async (trx) => {
      for (const flow of flows)
        await insertFlowVersion(trx, {
          organisationId,
          flowId: flow.id,
          version: flow.version,
          title: flow.title,
          definition: flow as unknown as Record<string, unknown>,
          authorPersonId: null,
          note: '',
          publishedAt: now,
          effectiveAt: now,
        });
    });
  return organisations.length;
}
