import { describe, expect, it } from "vitest";
import { ValidationError } from "../domain/errors.js";
import { parseObservation } from "./observation.js";

describe("parseObservation", () => {
  it("accepts a measured cycle", () => {
    const o = {
      source: "hook_correction",
      type: "url_fix",
      kind: "transcript",
      value_tokens: 11_200,
    };
    expect(parseObservation(o)).toEqual(o);
  });

  it("names the field at fault", () => {
    const bad = {
      source: "hook_correction",
      type: "url_fix",
      kind: "guess",
      value_tokens: 1,
    };
    expect(() => parseObservation(bad, "line 3")).toThrow(ValidationError);
    expect(() => parseObservation(bad, "line 3")).toThrow(/^line 3\.kind: /);
  });
});
