import type { TokenCounts } from "../../pricing/tokens.js";
import { claudeTokens } from "./tokens.js";

/** The fields of a Claude Code log line that carries a response's usage. */
export interface ClaudeUsageLine {
  readonly messageId: string | undefined;
  readonly requestId: string | undefined;
  readonly model: string;
  /** Epoch milliseconds of the line's `timestamp`. */
  readonly at: number;
  readonly sessionId: string | undefined;
  readonly tokens: TokenCounts;
  readonly costUSD: number | undefined;
}

/** What one line turned out to be. */
export type LineReading =
  | { readonly kind: "usage"; readonly line: ClaudeUsageLine }
  | { readonly kind: "other" }
  | { readonly kind: "malformed"; readonly reason: string };

const OTHER: LineReading = Object.freeze({ kind: "other" });

/**
 * Reads a parsed log line. Only a top-level `message.usage` counts: usage
 * nested elsewhere (a sub-agent's replay inside a `progress` line, a tool
 * result's summary) repeats a response counted from its own line.
 */
export function readClaudeObject(value: unknown): LineReading {
  if (!isRecord(value)) return malformed("expected a JSON object");
  const message = value.message;
  if (!isRecord(message) || !isRecord(message.usage)) return OTHER;
  const usage = message.usage;
  if (!isCount(usage.input_tokens)) return badCount(usage, "input_tokens");
  if (!isCount(usage.output_tokens)) return badCount(usage, "output_tokens");
  const timestamp = value.timestamp;
  const at = typeof timestamp === "string" ? Date.parse(timestamp) : Number.NaN;
  if (Number.isNaN(at)) {
    return malformed(
      `timestamp must be an ISO 8601 time, got ${JSON.stringify(timestamp)}`,
    );
  }
  return { kind: "usage", line: toLine(value, message, usage, at) };
}

function toLine(
  value: Record<string, unknown>,
  message: Record<string, unknown>,
  usage: Record<string, unknown>,
  at: number,
): ClaudeUsageLine {
  return {
    messageId: text(message.id),
    requestId: text(value.requestId),
    model: text(message.model) ?? "unknown",
    at,
    sessionId: text(value.sessionId),
    tokens: claudeTokens(usage),
    costUSD: isDollars(value.costUSD) ? value.costUSD : undefined,
  };
}

function badCount(usage: Record<string, unknown>, field: string) {
  return malformed(
    `message.usage.${field} must be a non-negative integer, ` +
      `got ${JSON.stringify(usage[field])}`,
  );
}

function malformed(reason: string): LineReading {
  return { kind: "malformed", reason };
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function isCount(value: unknown): boolean {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

function isDollars(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
