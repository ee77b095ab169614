import { totalTokens } from "../../pricing/tokens.js";
import type { ProblemLog } from "../problems.js";
import { type ResponseUsage, responseUsage } from "../response.js";
import type { LineScanner, ScanTarget } from "../scan-target.js";
import { scanClaudeLines } from "./scan-lines.js";
import type { ClaudeUsageLine } from "./usage-line.js";
import { wasmLines } from "./wasm-lines.js";

/** Reads a Claude Code log into responses keyed by message and request id. */
export function claudeScanner(
  target: ScanTarget,
  lineBefore: number,
  problems: ProblemLog,
): LineScanner {
  const found = new Map<string, ResponseUsage>();
  let lineNo = lineBefore;
  const sink = {
    wantsSessionId: target.session_from_line,
    usage(line: ClaudeUsageLine, at: number) {
      if (!line.messageId) {
        problems.unkeyed += 1;
        return;
      }
      const key = responseKey(line.messageId, line.requestId);
      const kept = found.get(key);
      // A later line of the same response replaces it only if larger.
      if (kept && totalTokens(line.tokens) <= totalTokens(kept)) return;
      found.set(key, toResponse(target, line, key, at));
    },
    malformed(at: number, reason: string) {
      problems.add({ kind: "malformed", file: target.path, line: at, reason });
    },
  };
  const wasm = wasmLines();
  return {
    ...(wasm ? { space: wasm } : {}),
    lines(buf, start, end) {
      lineNo = wasm
        ? wasm.lines(buf, start, end, lineNo, sink)
        : scanClaudeLines(buf, start, end, lineNo, sink);
    },
    finish: () => ({ responses: [...found.values()], lines: lineNo }),
  };
}

/**
 * A response is keyed by `message.id` and `requestId`, or the id alone where
 * there is no request id (Bedrock). A line without a message id cannot be
 * told apart from the other lines of its response, so it is not counted.
 */
function responseKey(messageId: string, requestId: string | undefined) {
  return `claude:${messageId}:${requestId ?? ""}`;
}

function toResponse(
  target: ScanTarget,
  line: ClaudeUsageLine,
  key: string,
  lineNo: number,
): ResponseUsage {
  const { tokens } = line;
  return responseUsage({
    key,
    session: target.session_from_line
      ? (line.sessionId ?? target.session)
      : target.session,
    project: target.project,
    at: line.at,
    model: line.model,
    input_tokens: tokens.input_tokens,
    output_tokens: tokens.output_tokens,
    cache_read_tokens: tokens.cache_read_tokens,
    cache_write_5m_tokens: tokens.cache_write_5m_tokens,
    cache_write_1h_tokens: tokens.cache_write_1h_tokens,
    cost_usd: line.costUSD,
    request_id: line.requestId,
    file: target.index,
    line: lineNo,
  });
}
