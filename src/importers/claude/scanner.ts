import { totalTokens } from "../../pricing/tokens.js";
import type { ProblemLog } from "../problems.js";
import type { ResponseUsage } from "../response.js";
import {
  type LineScanner,
  responseSession,
  type ScanTarget,
} from "../scan-target.js";
import {
  type ClaudeLineSink,
  responseKey,
  scanClaudeLines,
  type UsageSource,
} from "./scan-lines.js";
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
  const sink: ClaudeLineSink = {
    wantsSessionId: target.session_from_line,
    usage(line: ClaudeUsageLine, at: number) {
      if (!line.messageId) {
        problems.unkeyed += 1;
        return;
      }
      const key = responseKey(line.messageId, line.requestId);
      if (!supersedes(key, totalTokens(line.tokens))) return;
      found.set(key, toResponse(target, line, key, at));
    },
    keyed(key, total, at, source: UsageSource, record) {
      if (!supersedes(key, total)) return;
      found.set(key, source.response(record, key, at, target));
    },
    malformed(at: number, reason: string) {
      problems.add({ kind: "malformed", file: target.path, line: at, reason });
    },
  };
  /** A later line of the same response replaces it only if larger. */
  const supersedes = (key: string, total: number) => {
    const kept = found.get(key);
    return !kept || total > totalTokens(kept);
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

/** Made directly, with `responseUsage`'s fields in its order: one shape. */
function toResponse(
  target: ScanTarget,
  line: ClaudeUsageLine,
  key: string,
  lineNo: number,
): ResponseUsage {
  const { tokens } = line;
  return {
    key,
    session: responseSession(target, line.sessionId),
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
  };
}
