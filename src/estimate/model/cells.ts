import type { InterventionSource } from "../../domain/sources.js";
import type {
  EstimateHoldout,
  EstimateInput,
  EstimateIntervention,
  EstimateObservation,
} from "../types.js";

/** Everything known about one source/type. */
export interface Cell {
  readonly key: string;
  readonly source: InterventionSource;
  readonly type: string;
  /** Interventions on treated tasks; those on held-out tasks are dropped. */
  readonly events: readonly EstimateIntervention[];
  readonly treated: readonly string[];
  readonly held: readonly string[];
  /** Held-out tasks that still recorded an intervention of this type. */
  readonly contaminated: number;
  readonly observations: readonly EstimateObservation[];
}

interface Draft {
  source: InterventionSource;
  type: string;
  events: EstimateIntervention[];
  held: Set<string>;
  observations: EstimateObservation[];
}

type Keyed = EstimateHoldout | EstimateIntervention | EstimateObservation;

export const cellKey = (source: string, type: string) => `${source}/${type}`;

function draftOf(drafts: Map<string, Draft>, item: Keyed): Draft {
  const key = cellKey(item.source, item.type);
  let draft = drafts.get(key);
  if (draft === undefined) {
    draft = {
      source: item.source,
      type: item.type,
      events: [],
      held: new Set(),
      observations: [],
    };
    drafts.set(key, draft);
  }
  return draft;
}

function finish(key: string, draft: Draft): Cell {
  const events = draft.events.filter((e) => !draft.held.has(e.correlation_id));
  const treated = [...new Set(events.map((e) => e.correlation_id))];
  const contaminated = new Set(
    draft.events
      .filter((e) => draft.held.has(e.correlation_id))
      .map((e) => e.correlation_id),
  ).size;
  return {
    key,
    source: draft.source,
    type: draft.type,
    events,
    treated,
    held: [...draft.held],
    contaminated,
    observations: draft.observations,
  };
}

/**
 * Groups the input by source/type, sorted by key so that every run visits
 * cells in the same order. A task with a holdout record counts as held out
 * even if an intervention slipped through (intention to treat).
 */
export function buildCells(input: EstimateInput): Cell[] {
  const drafts = new Map<string, Draft>();
  for (const e of input.interventions) draftOf(drafts, e).events.push(e);
  for (const h of input.holdouts) draftOf(drafts, h).held.add(h.correlation_id);
  for (const o of input.observations ?? []) {
    draftOf(drafts, o).observations.push(o);
  }
  return [...drafts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, draft]) => finish(key, draft));
}
