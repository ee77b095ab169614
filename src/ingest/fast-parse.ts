import type { z } from "zod";

/** What a compiled field returns when only zod can say what to make of it. */
const UNSURE: unique symbol = Symbol("unsure");

type Field = (value: unknown) => unknown;
type Def = z.core.$ZodTypeDef & Record<string, unknown>;
type CheckDef = z.core.$ZodCheckDef & Record<string, unknown>;

interface Key {
  readonly name: string;
  readonly parse: Field;
  /** What an absent key becomes: left out, a default, or zod's error. */
  readonly absent: "omit" | "default" | "required";
  readonly schema: z.core.$ZodType;
}

/**
 * Compiles a strict zod object schema into a parser for the inputs that
 * pass it, which returns exactly what `safeParse` would return as data, or
 * `undefined` when zod must look at the input (it is invalid, or uses a
 * construct the compiler does not know). So zod stays the one definition of
 * what is valid and the only author of error messages; this only skips its
 * bookkeeping on the common path. Returns null for a schema it cannot
 * compile.
 */
export function fastParser<S extends z.ZodType>(
  schema: S,
): ((input: unknown) => z.output<S> | undefined) | null {
  const def = defOf(schema);
  if (def.type !== "object" || hasChecks(def)) return null;
  if (defOf(def.catchall as z.core.$ZodType).type !== "never") return null;
  const keys = compileShape(def.shape as Record<string, z.core.$ZodType>);
  if (!keys) return null;
  const shape = new Shape(keys);
  return (input) => shape.parse(input) as z.output<S> | undefined;
}

class Shape {
  private readonly byName: ReadonlyMap<string, Key>;
  private readonly required: number;
  private readonly defaults: readonly Key[];

  constructor(keys: readonly Key[]) {
    this.byName = new Map(keys.map((k) => [k.name, k]));
    this.required = keys.filter((k) => k.absent === "required").length;
    this.defaults = keys.filter((k) => k.absent === "default");
  }

  /** Walks the input's keys, not the shape's: records use few of theirs. */
  parse(input: unknown): object | undefined {
    if (typeof input !== "object" || input === null || Array.isArray(input))
      return undefined;
    const raw = input as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    let required = 0;
    for (const name in raw) {
      const key = this.byName.get(name);
      const value = raw[name];
      if (key === undefined || value === undefined) return undefined;
      const parsed = key.parse(value);
      if (parsed === UNSURE) return undefined;
      out[name] = parsed;
      if (key.absent === "required") required += 1;
    }
    if (required !== this.required) return undefined;
    // Read each time: zod makes a default afresh (called, or copied) per parse.
    for (const key of this.defaults) {
      if (!(key.name in out))
        out[key.name] = (
          defOf(key.schema) as { defaultValue?: unknown }
        ).defaultValue;
    }
    return out;
  }
}

function compileShape(shape: Record<string, z.core.$ZodType>): Key[] | null {
  const keys: Key[] = [];
  for (const [name, schema] of Object.entries(shape)) {
    const def = defOf(schema);
    const wrapped = def.type === "optional" || def.type === "default";
    if (wrapped && hasChecks(def)) return null;
    const inner = wrapped ? (def.innerType as z.core.$ZodType) : schema;
    const parse = compile(inner);
    if (!parse) return null;
    const absent =
      def.type === "optional"
        ? "omit"
        : def.type === "default"
          ? "default"
          : "required";
    keys.push({ name, parse, absent, schema });
  }
  return keys;
}

function compile(schema: z.core.$ZodType): Field | null {
  const def = defOf(schema);
  switch (def.type) {
    case "string":
      return withChecks(def, (v) => typeof v === "string");
    case "number":
      return withChecks(
        def,
        (v) => typeof v === "number" && Number.isFinite(v),
      );
    case "boolean":
      return withChecks(def, (v) => typeof v === "boolean");
    case "literal":
    case "enum":
      return oneOf(def);
    case "union":
      return firstOf(def);
    case "pipe":
      return piped(def);
    default:
      return null;
  }
}

function withChecks(def: Def, type: (v: unknown) => boolean): Field | null {
  const checks: Check[] = [];
  for (const check of (def.checks ?? []) as z.core.$ZodCheck[]) {
    const c = checkOf(check);
    if (!c) return null;
    checks.push(c);
  }
  return (v) => {
    if (!type(v)) return UNSURE;
    for (const c of checks) if (!c(v as never)) return UNSURE;
    return v;
  };
}

type Check = (v: never) => boolean;

/** One check as a predicate, when its meaning is known exactly. */
function checkOf(check: z.core.$ZodCheck): Check | null {
  const def = check._zod.def as CheckDef;
  switch (def.check) {
    case "min_length": {
      const min = def.minimum as number;
      return (v: string) => v.length >= min;
    }
    case "max_length": {
      const max = def.maximum as number;
      return (v: string) => v.length <= max;
    }
    case "string_format":
      return def.format === "regex" ? matching(def.pattern as RegExp) : null;
    case "number_format":
      return def.format === "safeint"
        ? (v: number) => Number.isSafeInteger(v)
        : null;
    case "greater_than": {
      const min = def.value as number;
      return def.inclusive ? (v: number) => v >= min : (v: number) => v > min;
    }
    case "less_than": {
      const max = def.value as number;
      return def.inclusive ? (v: number) => v <= max : (v: number) => v < max;
    }
    case "custom":
      return refined(def.fn as (v: unknown) => unknown);
    default:
      return null;
  }
}

function matching(pattern: RegExp): Check {
  return (v: string) => {
    pattern.lastIndex = 0;
    return pattern.test(v);
  };
}

function refined(fn: (v: unknown) => unknown): Check {
  return (v: never) => {
    const ok = fn(v);
    return !(ok instanceof Promise) && Boolean(ok);
  };
}

function oneOf(def: Def): Field | null {
  if (hasChecks(def)) return null;
  const values = new Set<unknown>(
    def.type === "enum"
      ? Object.values(def.entries as Record<string, unknown>)
      : (def.values as unknown[]),
  );
  return (v) => (values.has(v) ? v : UNSURE);
}

/**
 * zod takes the first option that passes. Only options that answer
 * exactly (a primitive with known checks) are allowed, so "unsure" from
 * one of them means zod rejects it too and the next one may be tried.
 */
function firstOf(def: Def): Field | null {
  if (hasChecks(def)) return null;
  const options = (def.options as z.core.$ZodType[]).map((o) =>
    ["string", "number", "boolean"].includes(defOf(o).type) ? compile(o) : null,
  );
  if (options.some((o) => o === null)) return null;
  const parsers = options as Field[];
  return (v) => {
    for (const parse of parsers) {
      const out = parse(v);
      if (out !== UNSURE) return out;
    }
    return UNSURE;
  };
}

/** A checked value handed to a transform, like `timestamp`. */
function piped(def: Def): Field | null {
  const into = defOf(def.out as z.core.$ZodType);
  if (hasChecks(def) || into.type !== "transform" || hasChecks(into))
    return null;
  const first = compile(def.in as z.core.$ZodType);
  if (!first) return null;
  const transform = into.transform as (v: unknown, ctx: unknown) => unknown;
  return (v) => {
    const checked = first(v);
    if (checked === UNSURE) return UNSURE;
    const ctx = { value: checked, issues: [] as unknown[] };
    const out = transform(checked, ctx);
    return out instanceof Promise || ctx.issues.length > 0 ? UNSURE : out;
  };
}

function defOf(schema: z.core.$ZodType): Def {
  return schema._zod.def as Def;
}

function hasChecks(def: Def): boolean {
  return ((def.checks as unknown[] | undefined) ?? []).length > 0;
}
