import { createHash } from "node:crypto";
import type { TaskInput, UsageInput } from "../domain/records.js";
import type { ProjectName } from "./project-map.js";
import type { ResponseUsage } from "./response.js";

const MAX_ID = 200;

/**
 * The usage record of one response. Its id is the response's key, so a
 * response read again (a later increment, another import) keeps its id and
 * the store can keep the larger counts.
 */
export function toUsageRecord(response: ResponseUsage): UsageInput {
  return {
    kind: "usage",
    id: recordId(response.key),
    correlation_id: response.session,
    model: response.model,
    at: new Date(response.at).toISOString(),
    input_tokens: response.input_tokens,
    output_tokens: response.output_tokens,
    cache_read_tokens: response.cache_read_tokens,
    cache_write_5m_tokens: response.cache_write_5m_tokens,
    cache_write_1h_tokens: response.cache_write_1h_tokens,
    ...(response.cost_usd === undefined ? {} : { cost_usd: response.cost_usd }),
    ...(response.request_id ? { request_id: response.request_id } : {}),
  };
}

/**
 * One task per session, spanning its first to its last response. An
 * incremental import sees only new responses, so a store should widen a
 * task it already has rather than replace its span.
 */
export function toTaskRecords(
  responses: Iterable<ResponseUsage>,
  agent: string,
  name: (project: string) => ProjectName,
): TaskInput[] {
  const spans = new Map<string, Span>();
  for (const response of responses) {
    const span = spans.get(response.session);
    if (!span) spans.set(response.session, { first: response, last: response });
    else if (response.at < span.first.at) span.first = response;
    else if (response.at > span.last.at) span.last = response;
  }
  return [...spans].map(([session, { first, last }]) => ({
    kind: "task",
    id: recordId(`task:${agent}:${session}`),
    correlation_id: session,
    ...name(first.project),
    agent,
    started_at: new Date(first.at).toISOString(),
    ended_at: new Date(last.at).toISOString(),
  }));
}

interface Span {
  first: ResponseUsage;
  last: ResponseUsage;
}

/** The key itself when short enough, else a hash of it. */
export function recordId(key: string): string {
  if (key.length <= MAX_ID) return key;
  return `sha256:${createHash("sha256").update(key).digest("hex")}`;
}
