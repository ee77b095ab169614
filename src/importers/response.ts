import { type TokenCounts, totalTokens } from "../pricing/tokens.js";

/**
 * One model response read from a log, with its final usage. `key` names
 * the response wherever it is seen again, so it is counted once.
 */
export interface ResponseUsage extends TokenCounts {
  readonly key: string;
  readonly session: string;
  /** The project folder (Claude) or working directory (Codex). */
  readonly project: string;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly model: string;
  /** The cost the log itself states, in dollars. */
  readonly cost_usd: number | undefined;
  readonly request_id: string | undefined;
  /** File position in sorted order, then line: ties go to the first. */
  readonly file: number;
  readonly line: number;
}

/**
 * A response with its fields always in this order, whoever made it (a
 * scanner, or a copy from another thread): the code that reads thousands
 * of them then sees one shape of object and stays fast.
 */
export function responseUsage(r: ResponseUsage): ResponseUsage {
  return {
    key: r.key,
    session: r.session,
    project: r.project,
    at: r.at,
    model: r.model,
    input_tokens: r.input_tokens,
    output_tokens: r.output_tokens,
    cache_read_tokens: r.cache_read_tokens,
    cache_write_5m_tokens: r.cache_write_5m_tokens,
    cache_write_1h_tokens: r.cache_write_1h_tokens,
    cost_usd: r.cost_usd,
    request_id: r.request_id,
    file: r.file,
    line: r.line,
  };
}

/**
 * Whether `candidate` should replace `current`. Streamed lines of one
 * response repeat its usage with a growing output count, so the largest
 * is the final one; among equals the first seen stays.
 */
export function supersedes(
  candidate: ResponseUsage,
  current: ResponseUsage,
): boolean {
  const a = totalTokens(candidate);
  const b = totalTokens(current);
  if (a !== b) return a > b;
  if (candidate.file !== current.file) return candidate.file < current.file;
  return candidate.line < current.line;
}

/** Adds a response to a map by key, keeping the one that supersedes. */
export function keepFinal(
  into: Map<string, ResponseUsage>,
  response: ResponseUsage,
): void {
  const current = into.get(response.key);
  if (!current || supersedes(response, current)) {
    into.set(response.key, response);
  }
}
