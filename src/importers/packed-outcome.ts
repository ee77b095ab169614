import { type ResponseUsage, responseUsage } from "./response.js";
import type { ScanOutcome } from "./scan-target.js";

/**
 * A scan outcome as one thread sends it to another: its responses as
 * columns, with the few names they repeat (session, project, model) sent
 * once. Copying thousands of small objects between threads costs both
 * threads more than the scan of a file; numbers in one array cost little.
 */
export interface PackedOutcome {
  readonly outcome: Omit<ScanOutcome, "responses">;
  readonly keys: readonly string[];
  /** "" where a response has no request id. */
  readonly requestIds: readonly string[];
  readonly names: readonly string[];
  /**
   * Per response: time, the five token counts, cost (NaN for none), file,
   * line, and the positions in `names` of its session, project and model.
   */
  readonly numbers: Float64Array<ArrayBuffer>;
}

const FIELDS = 12;

/** The outcome packed; `numbers.buffer` can be transferred. */
export function packOutcome(outcome: ScanOutcome): PackedOutcome {
  const { responses, ...rest } = outcome;
  const names = new Map<string, number>();
  const nameOf = (name: string) => {
    let at = names.get(name);
    if (at === undefined) {
      at = names.size;
      names.set(name, at);
    }
    return at;
  };
  const numbers = new Float64Array(responses.length * FIELDS);
  let at = 0;
  for (const r of responses) {
    numbers[at++] = r.at;
    numbers[at++] = r.input_tokens;
    numbers[at++] = r.output_tokens;
    numbers[at++] = r.cache_read_tokens;
    numbers[at++] = r.cache_write_5m_tokens;
    numbers[at++] = r.cache_write_1h_tokens;
    numbers[at++] = r.cost_usd ?? Number.NaN;
    numbers[at++] = r.file;
    numbers[at++] = r.line;
    numbers[at++] = nameOf(r.session);
    numbers[at++] = nameOf(r.project);
    numbers[at++] = nameOf(r.model);
  }
  return {
    outcome: rest,
    keys: responses.map((r) => r.key),
    requestIds: responses.map((r) => r.request_id ?? ""),
    names: [...names.keys()],
    numbers,
  };
}

/** The outcome again, its responses made in this thread. */
export function unpackOutcome(packed: PackedOutcome): ScanOutcome {
  const { keys, requestIds, names, numbers } = packed;
  const responses: ResponseUsage[] = [];
  for (let i = 0; i < keys.length; i++) {
    const n = (field: number) => numbers[i * FIELDS + field] as number;
    const cost = n(6);
    responses.push(
      responseUsage({
        key: keys[i] as string,
        session: names[n(9)] as string,
        project: names[n(10)] as string,
        at: n(0),
        model: names[n(11)] as string,
        input_tokens: n(1),
        output_tokens: n(2),
        cache_read_tokens: n(3),
        cache_write_5m_tokens: n(4),
        cache_write_1h_tokens: n(5),
        cost_usd: Number.isNaN(cost) ? undefined : cost,
        request_id: requestIds[i] || undefined,
        file: n(7),
        line: n(8),
      }),
    );
  }
  return { ...packed.outcome, responses };
}
