import { describe, expect, it } from "vitest";
import { arrayLiteral } from "./array-literal.js";

describe("arrayLiteral", () => {
  it("quotes text, escapes quotes and backslashes, and writes NULL", () => {
    expect(
      arrayLiteral(["a", 'say "hi"', "c:\\d", null, 3, true, "NULL", ""]),
    ).toBe('{"a","say \\"hi\\"","c:\\\\d",NULL,3,t,"NULL",""}');
  });
});
