import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Needle } from "./needle.js";

/** Byte strings made of few letters, so that a needle occurs often. */
const text = fc.string({
  unit: fc.constantFrom("a", "b", "\n"),
  maxLength: 60,
});

describe("Needle", () => {
  it("searches forward as indexOf does, from positions that mostly rise", () => {
    fc.assert(
      fc.property(
        text,
        fc.constantFrom("ab", "ba", "bb", "a\n"),
        fc.array(fc.nat(70), { maxLength: 12 }),
        (hay, word, steps) => {
          const buf = Buffer.from(hay);
          const search = new Needle(word).in(buf);
          let from = 0;
          for (const step of steps) {
            from = Math.max(0, from + (step % 9) - 2);
            expect(search.next(from)).toBe(buf.indexOf(word, from));
            const to = from + (step % 13);
            const inside = buf.subarray(0, to).indexOf(word, from);
            expect(search.within(from, to)).toBe(
              inside >= 0 && inside + word.length <= to ? inside : -1,
            );
          }
        },
      ),
    );
  });

  it("searches backward within a range, and tells a match where it is", () => {
    const buf = Buffer.from('x"usage":{ "usage":{\n"usage":{');
    const needle = new Needle('"usage":{');
    expect(needle.lastWithin(buf, 0, 21)).toBe(11);
    expect(needle.lastWithin(buf, 0, 19)).toBe(1);
    expect(needle.lastWithin(buf, 2, 19)).toBe(-1);
    expect(needle.isAt(buf, 11)).toBe(true);
    expect(needle.isAt(buf, 10)).toBe(false);
    expect(needle.isAt(buf, 26)).toBe(false);
  });
});
