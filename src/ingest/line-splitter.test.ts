import { describe, expect, it } from "vitest";
import { LineSplitter } from "./line-splitter.js";

describe("LineSplitter", () => {
  it("numbers lines across chunks and keeps a final line without newline", () => {
    const s = new LineSplitter();
    const bytes = Buffer.from('\ufeff{"a":1}\r\n{"b":"é"}\n\nlast');
    const lines = [];
    for (let i = 0; i < bytes.length; i += 3)
      lines.push(...s.push(bytes.subarray(i, i + 3)));
    lines.push(...s.end());
    expect(lines).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 2, text: '{"b":"é"}' },
      { number: 3, text: "" },
      { number: 4, text: "last" },
    ]);
  });
});
