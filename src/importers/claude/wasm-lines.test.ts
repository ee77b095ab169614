import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  TRANSCRIPTS,
  VIEWER_ROOT,
} from "../../../test/importers/fixture-roots.js";
import { totalTokens } from "../../pricing/tokens.js";
import { type ResponseUsage, responseUsage } from "../response.js";
import { scanFile } from "../scan-file.js";
import { responseSession, type ScanTarget } from "../scan-target.js";
import {
  type ClaudeLineSink,
  responseKey,
  scanClaudeLines,
} from "./scan-lines.js";
import type { ClaudeUsageLine } from "./usage-line.js";
import { wasmLines } from "./wasm-lines.js";

/** What a scan leaves: each response kept, and the bad lines. */
interface Folded {
  readonly kept: Record<string, ResponseUsage>;
  readonly unkeyed: number;
  readonly malformed: string[];
  readonly lines: number;
}

type Scan = (
  buf: Buffer,
  start: number,
  end: number,
  before: number,
  sink: ClaudeLineSink,
) => number;

const js: Scan = scanClaudeLines;
const wasm: Scan = (buf, start, end, before, sink) => {
  const lines = wasmLines();
  if (!lines) throw new Error("WebAssembly vector instructions are missing");
  return lines.lines(buf, start, end, before, sink);
};

function targetOf(sessionFromLine: boolean): ScanTarget {
  return {
    importer: "claude",
    path: "t.jsonl",
    size: 0,
    index: 3,
    project: "p",
    session: "file-session",
    session_from_line: sessionFromLine,
    incremental: false,
    resume: null,
  };
}

/** A usage line's response, as the scanner makes it. */
function asResponse(
  target: ScanTarget,
  usage: ClaudeUsageLine,
  key: string,
  line: number,
): ResponseUsage {
  return responseUsage({
    key,
    session: responseSession(target, usage.sessionId),
    project: target.project,
    at: usage.at,
    model: usage.model,
    ...usage.tokens,
    cost_usd: usage.costUSD,
    request_id: usage.requestId,
    file: target.index,
    line,
  });
}

/**
 * Scans `text` in chunks of `linesPerChunk` lines, as files are read, into
 * a sink that takes keyed lines if `byKey`.
 */
function fold(
  scan: Scan,
  text: string,
  wantsSessionId: boolean,
  linesPerChunk = Number.POSITIVE_INFINITY,
  byKey = false,
): Folded {
  const target = targetOf(wantsSessionId);
  const kept: Folded["kept"] = {};
  const malformed: string[] = [];
  let unkeyed = 0;
  const keep = (key: string, total: number, make: () => ResponseUsage) => {
    const old = kept[key];
    if (old && total <= totalTokens(old)) return;
    const response = make();
    expect(Object.keys(response)).toEqual(Object.keys(responseUsage(response)));
    expect(totalTokens(response)).toBe(total);
    kept[key] = response;
  };
  const sink: ClaudeLineSink = {
    wantsSessionId,
    usage(usage, line) {
      if (!usage.messageId) {
        unkeyed += 1;
        return;
      }
      const key = responseKey(usage.messageId, usage.requestId);
      keep(key, totalTokens(usage.tokens), () =>
        asResponse(target, usage, key, line),
      );
    },
    ...(byKey
      ? {
          keyed: (key, total, line, source, record) =>
            keep(key, total, () => source.response(record, key, line, target)),
        }
      : {}),
    malformed(line, reason) {
      malformed.push(`${line}: ${reason}`);
    },
  };
  let lines = 0;
  for (const chunk of chunks(Buffer.from(text), linesPerChunk)) {
    lines = scan(chunk, 0, chunk.length, lines, sink);
  }
  return { kept, unkeyed, malformed, lines };
}

function* chunks(buf: Buffer, linesPerChunk: number): Generator<Buffer> {
  let start = 0;
  while (start < buf.length) {
    let end = start;
    for (let n = 0; n < linesPerChunk && end < buf.length; n++) {
      const newline = buf.indexOf(10, end);
      end = newline < 0 ? buf.length : newline + 1;
    }
    yield buf.subarray(start, end);
    start = end;
  }
}

function expectSame(text: string, linesPerChunk?: number) {
  for (const wantsSessionId of [false, true]) {
    const expected = fold(js, text, wantsSessionId, linesPerChunk);
    for (const byKey of [false, true]) {
      const found = fold(wasm, text, wantsSessionId, linesPerChunk, byKey);
      expect(found).toEqual(expected);
    }
  }
}

function logsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return logsUnder(path);
    return name.endsWith(".jsonl") ? [path] : [];
  });
}

const REAL = logsUnder(TRANSCRIPTS).filter((p) => !p.includes("codex"));
/** A Claude Code 1.0 response line, whose fields the variants below edit. */
const VIEWER_LOG = join(
  VIEWER_ROOT,
  "projects/sample-project/fe5e1c67-53e7-4862-81ae-d0e013e3270b.jsonl",
);
const LINE = readFileSync(VIEWER_LOG, "utf8")
  .split("\n")
  .find((line) => line.includes('"usage":{"input_tokens":'));
if (!LINE) throw new Error("no usage line in the fixtures");

/** The real line with `from` replaced by `to`. */
function edited(from: string | RegExp, to: string): string {
  const line = LINE?.replace(from, to) ?? "";
  if (line === LINE) throw new Error(`${String(from)} is not in the line`);
  return line;
}

describe("the WebAssembly line scanner", () => {
  it("reads every real log as the JavaScript scanner does", () => {
    expect(REAL.length).toBeGreaterThan(10);
    for (const path of REAL) {
      const text = readFileSync(path, "utf8");
      expectSame(text);
      expectSame(text, 7);
    }
  });

  it("agrees on lines written in other ways", () => {
    const variants = [
      edited('"model":"', '"model":"\\u0063'),
      edited(/"id":"msg_/, '"id":"\\"msg_'),
      edited('"timestamp":"2025', '"timestamp":"\\u0032025'),
      edited(/"timestamp":"[^"]+"/, '"timestamp":"2025-02-30T00:00:00Z"'),
      edited(
        /"timestamp":"[^"]+"/,
        '"timestamp":"2025-02-28T23:59:59.123456Z"',
      ),
      edited(/"timestamp":"[^"]+"/, '"timestamp":"2025-02-28T10:00:00+02:00"'),
      edited(/"timestamp":"[^"]+"/, '"timestamp":"1969-12-31T23:59:59.9Z"'),
      edited(/"timestamp":"[^"]+"/, '"timestamp":"2025-13-01T00:00:00Z"'),
      edited(/"timestamp":"[^"]+"/, '"timestamp":"2025-09-03T00:52:,5Z"'),
      edited(/"timestamp":"[^"]+"/, '"timestamp":"+02025-09-03T00:52:05Z"'),
      edited(/"timestamp":"[^"]+"/, '"timestamp":"2025-09-03T-1:52:05Z"'),
      edited(/"timestamp":"[^"]+"/, '"timestamp":"2025-06-01T24:00:00Z"'),
      edited(/"timestamp":"[^"]+"/, '"timestamp":"2025-06-01T24:30:00Z"'),
      edited(/"timestamp":"[^"]+"/, '"timestamp":1750000000000'),
      edited(/,"timestamp":"[^"]+"/, ""),
      edited('"input_tokens":3', '"input_tokens":3.0'),
      edited('"input_tokens":3', '"input_tokens":-3'),
      edited('"input_tokens":3', '"input_tokens":03'),
      edited('"input_tokens":3', '"input_tokens":3e2'),
      edited('"input_tokens":3', '"input_tokens":12345678901234567'),
      edited('"output_tokens":3', '"output_tokens":"3"'),
      edited('"output_tokens":3,', ""),
      edited('"cache_creation_input_tokens":1331,', ""),
      edited(
        '"cache_creation_input_tokens":1331',
        '"cache_creation_input_tokens":null',
      ),
      edited(
        '"ephemeral_1h_input_tokens":0',
        '"ephemeral_1h_input_tokens":500',
      ),
      edited(
        '"ephemeral_1h_input_tokens":0',
        '"ephemeral_1h_input_tokens":2000',
      ),
      edited(/"cache_creation":\{[^}]*\}/, '"cache_creation":[]'),
      edited('"service_tier":"standard"', '"input_tokens":9'),
      edited('"requestId":', '"costUSD":0.25,"requestId":'),
      edited('"parentUuid":', '"costUSD":1e-3,"parentUuid":'),
      edited('"parentUuid":', '"costUSD":-1,"parentUuid":'),
      edited('"type":"assistant"', '"type":"user"'),
      edited('"type":"assistant"', '"type":"assistant","type":"assistant"'),
      edited('"type":"assistant"', '"type":"summary"'),
      edited(',"type":"assistant"', ""),
      edited('"requestId":"', '"requestId":""'),
      edited(/"requestId":"[^"]+"/, '"requestId":7'),
      edited(/"id":"[^"]+"/, '"id":""'),
      edited(/"id":"[^"]+",/, ""),
      edited(/"model":"[^"]+"/, '"model":""'),
      edited(/"model":"[^"]+"/, '"model":"modèle-😀"'),
      edited('"message":{', '"message" : { '),
      edited('"message":{', '"message":{"content":"x","usage":{},'),
      edited('"content":[', '"content":["usage",{"usage":{"input_tokens":1}},'),
      edited(
        /"content":\[[^\]]*\]/,
        '"content":"\\"usage\\":{\\"input_tokens\\":5}"',
      ),
      edited('"stop_reason":null', '"stop_reason":nul'),
      edited(
        '"stop_reason":null',
        '"stop_reason":[[[[{"a":[1,2,{"b":true}]}]]]]',
      ),
      edited(
        '"stop_reason":null',
        `"stop_reason":${"[".repeat(80)}${"]".repeat(80)}`,
      ),
      edited('"stop_reason":null', '"stop_reason":"a\tb"'),
      edited('"stop_reason":null', '"stop_reason":"\\x"'),
      edited(/"sessionId":"[^"]+"/, '"sessionId":"s\\u00e9"'),
      edited(/"sessionId":"[^"]+"/, '"sessionId":null'),
      edited(/\}$/, "} "),
      edited(/\}$/, "}x"),
      edited(/\}$/, "}}"),
      edited(/\}$/, ""),
      edited(/^\{/, " \t{"),
      edited(/^\{/, "["),
      `${LINE}\n${LINE}\n${LINE}`,
      `${LINE}\r`,
      '{"type":"user","message":{"usage":{"input_tokens":1}}}',
      '{"message":{"id":"m","model":"x","usage":{"output_tokens":1,"input_tokens":2}},"type":"assistant","timestamp":"2025-01-01T00:00:00Z"}',
      "not json",
      "",
      "{}",
      '{"type":"progress"',
    ];
    for (const variant of variants) {
      expectSame(variant);
      expectSame(`${variant}\n${LINE}\n${variant}\n`);
    }
  });

  it("agrees on real lines cut or garbled anywhere", () => {
    const line = LINE ?? "";
    const junk = fc.constantFrom(
      ...['"', "\\", "{", "}", "[", "]", ",", ":", " ", "\t", "é"],
      ...["0", "1", ".", "e", "-", "Z", "T", "u", "n", "a"],
    );
    fc.assert(
      fc.property(
        fc.nat(line.length),
        fc.nat(40),
        fc.array(junk, { maxLength: 3 }),
        (at, cut, inserted) => {
          const garbled =
            line.slice(0, at) + inserted.join("") + line.slice(at + cut);
          expectSame(`${garbled}\n${line}\n`);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("names more models than its table holds, and keys too long to hold", () => {
    const models = Array.from({ length: 70 }, (_, i) =>
      edited(/"model":"[^"]+"/, `"model":"model-${i}${"x".repeat(i * 2)}"`),
    );
    expectSame(`${models.join("\n")}\n${models.join("\n")}`);
    expectSame(edited(/"id":"msg_/, `"id":"msg_${"y".repeat(300)}`));
  });

  it("grows its memory for a line longer than it holds, and goes on", () => {
    const dir = mkdtempSync(join(tmpdir(), "tl-wasm-"));
    const huge = JSON.stringify({
      type: "user",
      message: { role: "user", content: "x".repeat(9 * 1024 * 1024) },
    });
    const other = edited(/"id":"msg_[^"]+"/, '"id":"msg_after_the_long_line"');
    const files = [
      [`${LINE}\n${huge}\n${other}\n`, 2],
      [`${other}\n`, 1],
    ] as const;
    files.forEach(([text, responses], index) => {
      const path = join(dir, `${index}.jsonl`);
      writeFileSync(path, text);
      const outcome = scanFile({
        importer: "claude",
        path,
        size: text.length,
        index,
        project: "p",
        session: "s",
        session_from_line: false,
        incremental: true,
        resume: null,
      });
      expect(outcome.problems.malformed_lines).toBe(0);
      expect(outcome.responses).toHaveLength(responses);
      expect(outcome.state?.offset).toBe(Buffer.byteLength(text));
      expect(outcome.responses.at(-1)?.key).toMatch(/after_the_long_line/);
    });
  });

  it("numbers lines across chunks and more lines than its records hold", () => {
    const text = `${"x\n".repeat(5000)}${LINE}\n${"{}\n".repeat(3)}x`;
    expectSame(text);
    expectSame(text, 1234);
    expect(fold(wasm, text, false).malformed).toHaveLength(5001);
  });
});
