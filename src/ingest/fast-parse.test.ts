import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  holdoutSchema,
  interventionSchemas,
  observationSchema,
  taskSchema,
  usageSchema,
} from "../domain/records.js";
import { fastParser } from "./fast-parse.js";

const SCHEMAS: Record<string, z.ZodObject> = {
  task: taskSchema,
  usage: usageSchema,
  holdout: holdoutSchema,
  observation: observationSchema,
  ...interventionSchemas,
};

type Def = Record<string, unknown> & { type: string };
const defOf = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;

const STAMPS = [
  "2026-03-02T10:00:00Z",
  "2026-03-02T10:00:00.000Z",
  "2026-03-02 10:00+01:00",
  "2026-03-02T10:00:00.123456-0530",
  "2024-02-29T23:59:59.999Z",
  // accepted by Date.parse and rolled over
  "2026-02-29T10:00:00.000Z",
  "2026-04-31T00:00:00.000Z",
  "2026-01-01T24:00:00.000Z",
];

const NOT_STAMPS = ["2026-13-01T00:00:00.000Z", "2026-03-02T10:00:00", "now"];

/** Mostly values a field of this kind accepts, now and then not quite. */
function near(schema: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 20, arbitrary: likely(schema) },
    { weight: 1, arbitrary: unlikely },
  );
}

const unlikely = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom("", "1,5", "x".repeat(201), "x".repeat(256), "other"),
  fc.constantFrom(...NOT_STAMPS),
  fc.integer({ min: -3, max: 30_000 }),
  fc.double({ min: -1, max: 2, noNaN: true }),
  fc.constantFrom(2 ** 53, 1e21, 0.5, true, null, [], {}),
);

function likely(schema: unknown): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "default":
      return likely(def.innerType);
    case "pipe":
      return fc.constantFrom(...STAMPS);
    case "union":
      return fc.oneof(...(def.options as unknown[]).map(likely));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as object));
    case "boolean":
      return fc.boolean();
    case "number":
      return numberIn(def);
    default:
      return fc.oneof(
        fc.string({ minLength: 1, maxLength: 6 }),
        fc.constantFrom("0.0125", "12"),
      );
  }
}

function numberIn(def: Def): fc.Arbitrary<number> {
  const checks = ((def.checks as unknown[]) ?? []).map(defOf);
  const bound = (check: string, fallback: number) =>
    (checks.find((c) => c.check === check)?.value as number) ?? fallback;
  const min = bound("greater_than", -1e6);
  const max = Math.min(bound("less_than", 1e6), 1e6);
  return checks.some((c) => c.check === "number_format")
    ? fc.integer({ min, max })
    : fc.double({ min, max, noNaN: true });
}

/** Records with any subset of the schema's keys, now and then a stranger. */
function inputs(schema: z.ZodObject): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(
    Object.entries(schema.shape).map(([k, s]) => [k, near(s)]),
  );
  const required = Object.entries(schema.shape)
    .filter(([, s]) => !["optional", "default"].includes(defOf(s).type))
    .map(([k]) => k);
  const record = fc.oneof(
    { weight: 3, arbitrary: fc.record(fields, { requiredKeys: required }) },
    { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
  );
  const extra = fc.oneof(
    { weight: 10, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("color", "__proto__", "constructor", "ID"),
    },
  );
  return fc.tuple(record, extra, fc.jsonValue()).map(([r, key, value]) => {
    const text = JSON.stringify(r);
    const extraField =
      key === null
        ? ""
        : `${text === "{}" ? "" : ","}"${key}":${JSON.stringify(value ?? null)}`;
    return JSON.parse(`${text.slice(0, -1)}${extraField}}`);
  });
}

describe.each(Object.entries(SCHEMAS))("fastParser(%s)", (_, schema) => {
  const fast = fastParser(schema);

  it("compiles", () => {
    expect(fast).not.toBeNull();
  });

  it("accepts exactly what zod accepts, with the same data", () => {
    let valid = 0;
    fc.assert(
      fc.property(inputs(schema), (input) => {
        const zod = schema.safeParse(input);
        const quick = fast?.(input);
        if (zod.success) valid += 1;
        expect(quick !== undefined).toBe(zod.success);
        if (zod.success) expect(quick).toStrictEqual(zod.data);
      }),
      { numRuns: 2_000, seed: 42 },
    );
    expect(valid).toBeGreaterThan(100);
  });
});

describe("fastParser", () => {
  it("leaves what JSON cannot hold to zod", () => {
    const fast = fastParser(taskSchema);
    const task = { kind: "task", correlation_id: "c", project: "p" };
    expect(fast?.({ ...task, agent: undefined })).toBeUndefined();
    expect(fast?.(task)).toStrictEqual(taskSchema.parse(task));
  });
});
