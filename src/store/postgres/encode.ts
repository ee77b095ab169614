import type { InterventionRecord } from "../../domain/normalized.js";
import {
  INTERVENTION_SOURCES,
  type InterventionSource,
} from "../../domain/sources.js";
import type { InterventionEncoder } from "../encoded-batch.js";
import {
  detailColumns,
  detailValues,
  LEDGER_COLUMNS,
  ledgerValues,
  MANIFEST_INJECTION_COLUMNS,
  manifestInjectionValues,
  type SqlValue,
} from "../rows.js";
import { ArrayLiteral } from "./array-literal.js";

/** A batch's interventions as array literals, one per column. */
export interface PostgresRows {
  readonly ledger: readonly string[];
  readonly detail: Readonly<Record<InterventionSource, readonly string[]>>;
  /** The intervention's id, then `MANIFEST_INJECTION_COLUMNS`. */
  readonly injections: readonly string[];
  /** Each correlation id of the interventions once. */
  readonly correlations: string;
}

export class PostgresEncoder implements InterventionEncoder<PostgresRows> {
  private readonly ledger = columns(LEDGER_COLUMNS.length);
  private readonly detail = Object.fromEntries(
    INTERVENTION_SOURCES.map((s) => [s, columns(detailColumns(s).length)]),
  ) as Record<InterventionSource, ArrayLiteral[]>;
  private readonly injections = columns(MANIFEST_INJECTION_COLUMNS.length + 1);
  private readonly correlations = new Set<string>();

  add(r: InterventionRecord): void {
    push(this.ledger, ledgerValues(r));
    push(this.detail[r.source], detailValues(r, "postgres"));
    const injection = manifestInjectionValues(r, "postgres");
    if (injection) push(this.injections, [r.id, ...injection]);
    this.correlations.add(r.correlation_id);
  }

  finish(): PostgresRows {
    const text = (list: ArrayLiteral[]) => list.map(String);
    const detail = {} as Record<InterventionSource, string[]>;
    for (const s of INTERVENTION_SOURCES) detail[s] = text(this.detail[s]);
    const ids = new ArrayLiteral();
    for (const id of this.correlations) ids.push(id);
    return {
      ledger: text(this.ledger),
      detail,
      injections: text(this.injections),
      correlations: ids.toString(),
    };
  }
}

function columns(width: number): ArrayLiteral[] {
  return Array.from({ length: width }, () => new ArrayLiteral());
}

function push(columns: readonly ArrayLiteral[], values: readonly SqlValue[]) {
  for (let i = 0; i < values.length; i++) columns[i]?.push(values[i]);
}
