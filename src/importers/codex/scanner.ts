import type { ProblemLog } from "../problems.js";
import { keepFinal, type ResponseUsage, responseUsage } from "../response.js";
import type { LineScanner, ScanTarget } from "../scan-target.js";
import { type CodexContext, codexContext } from "./context.js";
import { scanCodexLines } from "./scan-lines.js";
import { codexTokens, countsSince, sameCounts } from "./tokens.js";
import type { CodexEvent } from "./usage-line.js";

/**
 * Reads a Codex rollout into one response per token-count event: the delta
 * from `last_token_usage`, with the model of the latest turn context. An
 * event repeating the previous running total is the same turn seen again.
 */
export function codexScanner(
  target: ScanTarget,
  lineBefore: number,
  problems: ProblemLog,
  carried: Readonly<Record<string, unknown>> | undefined,
): LineScanner {
  const context = codexContext(carried);
  const found = new Map<string, ResponseUsage>();
  let lineNo = lineBefore;
  const sink = {
    event(event: CodexEvent, at: number) {
      const response = apply(context, event, target, at);
      if (response) keepFinal(found, response);
    },
    malformed(at: number, reason: string) {
      problems.add({ kind: "malformed", file: target.path, line: at, reason });
    },
  };
  return {
    lines(buf, start, end) {
      lineNo = scanCodexLines(buf, start, end, lineNo, sink);
    },
    finish: () => ({
      responses: [...found.values()],
      lines: lineNo,
      context: { ...context },
    }),
  };
}

function apply(
  context: CodexContext,
  event: CodexEvent,
  target: ScanTarget,
  lineNo: number,
): ResponseUsage | undefined {
  if (event.kind === "session") {
    if (event.id) context.session = event.id;
    if (event.cwd) context.cwd = event.cwd;
  } else if (event.kind === "turn") {
    if (event.model) context.model = event.model;
    if (event.cwd) context.cwd = event.cwd;
  } else if (event.kind === "tokens") {
    return tokensEvent(context, event, target, lineNo);
  }
  return undefined;
}

function tokensEvent(
  context: CodexContext,
  event: Extract<CodexEvent, { kind: "tokens" }>,
  target: ScanTarget,
  lineNo: number,
): ResponseUsage | undefined {
  const before = context.total;
  if (event.total && before && sameCounts(event.total, before)) {
    return undefined;
  }
  const delta =
    event.last ??
    (event.total && before ? countsSince(event.total, before) : event.total);
  if (event.total) context.total = event.total;
  if (!delta) return undefined;
  const session = context.session ?? target.session;
  const mark = event.total
    ? `${event.total.input}:${event.total.cached}:${event.total.output}`
    : `t${event.at}`;
  return responseUsage({
    key: `codex:${session}:${mark}`,
    session,
    project: context.cwd ?? target.project,
    at: event.at,
    model: context.model ?? "unknown",
    ...codexTokens(delta),
    cost_usd: undefined,
    request_id: undefined,
    file: target.index,
    line: lineNo,
  });
}
