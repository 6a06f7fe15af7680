// Row shapes of the editor's flows: immutable published versions, one working draft per flow, and
// the archived mark. A published row is never changed; rollback publishes an old flow as a new row.
import type { FlowDefinition } from '../flows/types';

export interface FlowVersionRow {
  flowId: string;
  version: number;
  /** The flow exactly as published; its own `version` equals the row's. */
  flow: FlowDefinition;
  /** Milliseconds since the epoch. */
  publishedAt: number;
  /**
   * Where it came from: the bundled file, the editor, an imported file, a rollback to that version, or
   * the organisation's server (issue 18).
   */
  source: 'bundled' | 'editor' | 'import' | 'server' | { rollbackOf: number };
  /**
   * For a version from the server: when it takes effect, in the server's milliseconds since the epoch
   * (the workstation corrects its own clock by the offset stored with the catalogue). Absent: at once.
   */
  effectiveAt?: number;
  /** For a version from the server: the editor's change note. */
  note?: string;
}

export interface FlowDraftRow {
  flowId: string;
  /** The editor's working copy; may hold errors (an empty line) until it is published. */
  draft: FlowDefinition;
  /** The version the draft started from; null for a new flow. */
  baseVersion: number | null;
  savedAt: number;
}

export interface FlowStatusRow {
  flowId: string;
  archived: boolean;
}

/** A flow version a call ran, kept as it ran for as long as calls refer to it (schema 4). */
export interface CallFlowRow {
  flowId: string;
  version: number;
  /** The flow exactly as the call ran it; its own `version` equals the row's. */
  flow: FlowDefinition;
}
