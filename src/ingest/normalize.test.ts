import { describe, expect, it } from "vitest";
import { normalizeRecord } from "./normalize.js";

const AT = "2026-03-02T10:00:00Z";
const hook = {
  kind: "intervention",
  correlation_id: "c1",
  source: "hook_correction",
  intervention_type: "url_fix",
  at: AT,
};

function message(input: unknown): string {
  try {
    normalizeRecord(input);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a validation error");
}

describe("normalizeRecord", () => {
  it("fills the specification's model where the tooling gives no figure", () => {
    const r = normalizeRecord(hook);
    expect(r).toMatchObject({
      kind: "intervention",
      type: "url_fix",
      estimated_tokens_saved: 8_000,
      confidence: 0.8,
      claim: "spec_model",
      at: "2026-03-02T10:00:00.000Z",
      day: "2026-03-02",
    });
  });

  it("keeps the tooling's own figure and marks it", () => {
    const r = normalizeRecord({ ...hook, estimated_tokens_saved: 5 });
    expect(r).toMatchObject({ estimated_tokens_saved: 5, claim: "source" });
  });

  it("gives the same id to the same content, whatever its field names", () => {
    const a = normalizeRecord(hook);
    const { intervention_type: _, ...rest } = hook;
    const b = normalizeRecord({ ...rest, type: "url_fix" });
    const c = normalizeRecord({ ...hook, at: "2026-03-02T11:00:00+01:00" });
    expect(b.id).toBe(a.id);
    expect(c.id).toBe(a.id);
    expect(
      normalizeRecord({ ...hook, intervention_type: "env_var_fix" }).id,
    ).not.toBe(a.id);
    expect(a.id.slice(0, 11)).toBe(
      Date.parse(AT).toString(16).padStart(11, "0"),
    );
  });

  it("measures context optimization from both sides", () => {
    const r = normalizeRecord({
      kind: "intervention",
      correlation_id: "c",
      source: "context_optimization",
      type: "direct_write",
      baseline_tokens: 6_000,
      actual_tokens: 2_000,
    });
    expect(r).toMatchObject({
      estimated_tokens_saved: 4_000,
      claim: "measured",
    });
  });

  it("leaves a specialist without actual tokens pending", () => {
    const r = normalizeRecord({
      kind: "intervention",
      correlation_id: "c",
      source: "agent_specialization",
      agent_name: "agent-db",
      actual_tokens: 0,
      estimated_generic_tokens: 20_000,
    });
    expect(r).toMatchObject({
      estimated_tokens_saved: null,
      claim: "pending",
      type: "agent-db",
    });
  });

  it.each([
    [
      { ...hook, kind: "event" },
      'kind: expected one of task, usage, intervention, holdout, observation, got "event"',
    ],
    [[1], "expected a JSON object, got [1]"],
    [
      { ...hook, source: "prompt_cache" },
      "prompt_cache savings are measured from usage records",
    ],
    [
      { ...hook, color: "red" },
      "color: expected no such field; this record takes kind, id, correlation_id",
    ],
    [
      { ...hook, at: "yesterday" },
      'at: expected an ISO 8601 timestamp with a time zone, like 2026-01-02T03:04:05Z, got "yesterday"',
    ],
    [
      { ...hook, at: "2026-03-02T10:00:00" },
      "at: expected an ISO 8601 timestamp with a time zone",
    ],
    [
      { ...hook, confidence: 2 },
      "confidence: expected a number from 0 to 1, got 2",
    ],
    [
      { ...hook, correlation_id: "" },
      'correlation_id: expected a non-empty string of at most 200 characters, got ""',
    ],
    [
      { ...hook, type: "url_fix", intervention_type: "path" },
      'intervention_type: expected the same value as `type` ("url_fix"), got "path"',
    ],
    [
      { kind: "intervention", correlation_id: "c", source: "hook_correction" },
      "type: expected the intervention type (as `type` or `intervention_type`), got nothing",
    ],
    [
      {
        kind: "usage",
        correlation_id: "c",
        model: "m",
        at: AT,
        input_tokens: 1.5,
        output_tokens: 0,
      },
      "input_tokens: expected a non-negative integer, got 1.5",
    ],
    [
      {
        kind: "usage",
        correlation_id: "c",
        model: "m",
        at: AT,
        input_tokens: 1,
      },
      "output_tokens: expected a non-negative integer, got nothing",
    ],
    [
      {
        kind: "usage",
        correlation_id: "c",
        model: "m",
        at: AT,
        input_tokens: 1,
        output_tokens: 1,
        cost_usd: "1,5",
      },
      'cost_usd: expected a non-negative amount of dollars, like 0.0123, got "1,5"',
    ],
    [
      { kind: "task", correlation_id: "c", project: "p", outcome: "won" },
      'outcome: expected one of "success", "failure", "partial", "abandoned", "unknown", got "won"',
    ],
    [
      { kind: "task", correlation_id: "c", project: "p\u0000q" },
      "project: expected a string without NUL characters (\\u0000)",
    ],
    [
      {
        kind: "task",
        correlation_id: "c",
        project: "p",
        started_at: "2026-02-30T10:00:00Z",
      },
      "started_at: expected an ISO 8601 timestamp with a time zone",
    ],
  ])("rejects %j with a message naming the field", (input, expected) => {
    expect(message(input)).toContain(expected);
  });

  it.each([
    [
      {
        kind: "task",
        correlation_id: "c",
        project: "p",
        started_at: "2026-03-02T10:00:00+01:00",
        outcome: "success",
      },
      "19cadc69a804cd9e7fcfb2dcb0ef808d",
    ],
    [
      {
        kind: "usage",
        correlation_id: "c",
        model: "m",
        at: "2026-03-02 10:00Z",
        input_tokens: 1,
        output_tokens: 2,
        cost_usd: "0.5",
      },
      "19cadfd890029bab3040465808b6fd00",
    ],
    [
      { kind: "holdout", correlation_id: "c", source: "prompt_cache" },
      "006b503c023919bf4d8ff255264d54e5",
    ],
    [
      {
        kind: "intervention",
        correlation_id: "c",
        source: "context_optimization",
        optimization_type: "t",
        baseline_tokens: 5,
      },
      "eb2c96993859fecaea0e472fb91c9c31",
    ],
    [
      {
        kind: "intervention",
        correlation_id: "c",
        source: "manifest_intelligence",
        actual_tokens_used: 5,
        at: "2026-02-28T00:00:00Z",
        estimated_cost_saved_usd: 0.25,
      },
      "19ca18b8000fd854226d30259cadcc6d",
    ],
  ])("gives %j the id earlier versions gave it", (input, id) => {
    // Ingesting a file again after an upgrade must not count it twice.
    expect(normalizeRecord(input).id).toBe(id);
  });

  it("converts dollars to micro-dollars exactly", () => {
    const usage = {
      kind: "usage",
      correlation_id: "c",
      model: "m",
      at: AT,
      input_tokens: 1,
      output_tokens: 1,
    };
    expect(normalizeRecord({ ...usage, cost_usd: "0.1234565" })).toMatchObject({
      cost_usd_micros: 123_457,
    });
    expect(normalizeRecord({ ...usage, cost_usd: 0.000001 })).toMatchObject({
      cost_usd_micros: 1,
    });
    expect(normalizeRecord(usage)).toMatchObject({
      cost_usd_micros: null,
      cache_read_tokens: 0,
    });
  });
});
