import type { InterventionRecord } from "../../domain/normalized.js";
import {
  INTERVENTION_SOURCES,
  type InterventionSource,
} from "../../domain/sources.js";
import type { InterventionEncoder } from "../encoded-batch.js";
import {
  detailValues,
  ledgerValues,
  manifestInjectionValues,
  type SqlValue,
} from "../rows.js";
import { arrayLiteral } from "./array-literal.js";
import { BinaryArray } from "./binary-array.js";
import {
  detailTypes,
  INJECTION_TYPES,
  LEDGER_TYPES,
} from "./intervention-types.js";
import type { PgArrayType } from "./unnest.js";

/** A batch's interventions as binary arrays, one per column. */
export interface PostgresRows {
  readonly ledger: readonly Uint8Array[];
  readonly detail: Readonly<Record<InterventionSource, readonly Uint8Array[]>>;
  /** The intervention's id, then `MANIFEST_INJECTION_COLUMNS`. */
  readonly injections: readonly Uint8Array[];
  /** Each correlation id of the interventions once, as an array literal. */
  readonly correlations: string;
}

export class PostgresEncoder implements InterventionEncoder<PostgresRows> {
  private readonly ledger = columns(LEDGER_TYPES);
  private readonly detail = Object.fromEntries(
    INTERVENTION_SOURCES.map((s) => [s, columns(detailTypes(s))]),
  ) as Record<InterventionSource, BinaryArray[]>;
  private readonly injections = columns(INJECTION_TYPES);
  private readonly correlations = new Set<string>();

  add(r: InterventionRecord): void {
    push(this.ledger, ledgerValues(r));
    push(this.detail[r.source], detailValues(r, "postgres"));
    const injection = manifestInjectionValues(r, "postgres");
    if (injection) push(this.injections, [r.id, ...injection]);
    this.correlations.add(r.correlation_id);
  }

  finish(): PostgresRows {
    const bytes = (list: BinaryArray[]) => list.map((c) => c.finish());
    const detail = {} as Record<InterventionSource, Uint8Array[]>;
    for (const s of INTERVENTION_SOURCES) detail[s] = bytes(this.detail[s]);
    return {
      ledger: bytes(this.ledger),
      detail,
      injections: bytes(this.injections),
      correlations: arrayLiteral([...this.correlations]),
    };
  }
}

function columns(types: readonly PgArrayType[]): BinaryArray[] {
  return types.map((t) => new BinaryArray(t));
}

function push(columns: readonly BinaryArray[], values: readonly SqlValue[]) {
  for (let i = 0; i < values.length; i++)
    columns[i]?.push(values[i] as SqlValue);
}
