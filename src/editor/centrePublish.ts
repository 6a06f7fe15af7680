// The editor's link to the organisation's server (issue 18): while an editor or an administrator is
// signed in, a draft is saved on the server as it is typed (beside the local copy, which stays for
// offline), and publishing goes through POST /api/v1/flows/:flowId/versions with the version the draft
// started from. A conflict comes back with the newer version, for the editor to compare and decide.
import type { AppDB } from '../db';
import { storeServerFlowVersion } from '../db/centre';
import type { FlowDefinition } from '../flows/types';
import type { FlowDraft, PublishedFlow } from '../protocol';
import { rememberedSession } from '../services/account/serverProbe';
import { api, ApiRefusal } from '../services/account/session';
import { versionOf } from '../services/centreFlows/flowUpdates';

/** Whether this editor publishes to the centre: someone who may publish is signed in to a server. */
export function publishesToCentre(): boolean {
  const roles = rememberedSession()?.person.roles ?? [];
  return roles.includes('editor') || roles.includes('administrator');
}

export type CentrePublishResult =
  | { kind: 'published'; version: number; effectiveAt: string }
  /** Someone published since the draft's base: their version, to compare with. */
  | { kind: 'conflict'; latest: FlowDefinition; author: string | null; message: string }
  | { kind: 'refused'; message: string; issues: string[] };

const draftUrl = (flowId: string) => `/flows/${encodeURIComponent(flowId)}/draft`;

/**
 * Publishes `flow` as the version after `baseVersion` (null: a new flow). The published version is stored
 * here at once (the centre's announcement brings it too); a refusal changes nothing.
 */
export async function publishToCentre(
  db: AppDB,
  flow: FlowDefinition,
  baseVersion: number | null,
  note: string,
  effectiveAt: number | null,
): Promise<CentrePublishResult> {
  try {
    const published = await api<PublishedFlow>('POST', `/flows/${encodeURIComponent(flow.id)}/versions`, {
      definition: flow,
      baseVersion,
      note,
      ...(effectiveAt === null ? {} : { effectiveAt: new Date(effectiveAt).toISOString() }),
    });
    const stored = versionOf(published);
    if (stored) await storeServerFlowVersion(db, stored);
    return { kind: 'published', version: published.version, effectiveAt: published.effectiveAt };
  } catch (error) {
    if (!(error instanceof ApiRefusal)) return { kind: 'refused', message: '', issues: [] };
    const body = error.body;
    if (error.code === 'version_conflict' && body.latest) {
      const latest = versionOf(body.latest);
      if (latest) {
        await storeServerFlowVersion(db, latest);
        return {
          kind: 'conflict',
          latest: latest.flow,
          author: body.latest.author?.name ?? null,
          message: error.message,
        };
      }
    }
    return { kind: 'refused', message: error.message, issues: body.issues ?? [] };
  }
}

/** Saves the draft on the server as typed; a failure leaves the local copy to carry it (offline). */
export async function saveCentreDraft(flow: FlowDefinition, baseVersion: number | null): Promise<void> {
  await api('PUT', draftUrl(flow.id), { draft: flow, baseVersion }).catch(() => undefined);
}

/** The editor's draft of this flow as last saved on the server (from another workstation), if any. */
export async function centreDraft(flowId: string): Promise<FlowDraft | null> {
  return api<FlowDraft>('GET', draftUrl(flowId)).catch(() => null);
}

/** Drops the editor's draft on the server too (they discarded it, or took the newer version). */
export async function discardCentreDraft(flowId: string): Promise<void> {
  await api('DELETE', draftUrl(flowId)).catch(() => undefined);
}
