/** Token counts as Codex reports them; `input` includes `cached`. */
export interface CodexCounts {
  readonly input: number;
  readonly cached: number;
  /** Includes `reasoning`: Codex's total is input + output. */
  readonly output: number;
  readonly reasoning: number;
}

/** What one Codex rollout line turned out to be. */
export type CodexEvent =
  | { readonly kind: "session"; readonly id?: string; readonly cwd?: string }
  | { readonly kind: "turn"; readonly model?: string; readonly cwd?: string }
  | {
      readonly kind: "tokens";
      /** Epoch milliseconds. */
      readonly at: number;
      readonly total?: CodexCounts;
      readonly last?: CodexCounts;
    }
  | { readonly kind: "other" }
  | { readonly kind: "malformed"; readonly reason: string };

const OTHER: CodexEvent = Object.freeze({ kind: "other" });

/** Reads a parsed rollout line: session meta, turn context or token count. */
export function readCodexObject(value: unknown): CodexEvent {
  if (!isRecord(value))
    return { kind: "malformed", reason: "expected a JSON object" };
  const payload = isRecord(value.payload) ? value.payload : undefined;
  if (!payload) return OTHER;
  if (value.type === "session_meta") {
    return {
      kind: "session",
      ...optional("id", payload.id),
      ...optional("cwd", payload.cwd),
    };
  }
  if (value.type === "turn_context") {
    return {
      kind: "turn",
      ...optional("model", payload.model),
      ...optional("cwd", payload.cwd),
    };
  }
  if (value.type === "event_msg" && payload.type === "token_count") {
    return tokenEvent(value.timestamp, payload.info);
  }
  return OTHER;
}

function tokenEvent(timestamp: unknown, info: unknown): CodexEvent {
  // Rate-limit-only updates carry `info: null`.
  if (!isRecord(info)) return OTHER;
  const at = typeof timestamp === "string" ? Date.parse(timestamp) : Number.NaN;
  if (Number.isNaN(at)) {
    return {
      kind: "malformed",
      reason: `timestamp must be an ISO 8601 time, got ${String(timestamp)}`,
    };
  }
  const total = counts(info.total_token_usage);
  const last = counts(info.last_token_usage);
  return {
    kind: "tokens",
    at,
    ...(total ? { total } : {}),
    ...(last ? { last } : {}),
  };
}

function counts(value: unknown): CodexCounts | undefined {
  if (!isRecord(value)) return undefined;
  return {
    input: count(value.input_tokens),
    cached: count(value.cached_input_tokens),
    output: count(value.output_tokens),
    reasoning: count(value.reasoning_output_tokens),
  };
}

function optional<K extends string>(key: K, value: unknown) {
  return (typeof value === "string" && value !== "" ? { [key]: value } : {}) as
    | { [P in K]: string }
    | Record<string, never>;
}

function count(value: unknown): number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0
    ? value
    : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
