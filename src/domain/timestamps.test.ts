import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { epochMs, isTimestamp, utcIso } from "./timestamps.js";

const ZONED =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** Strings shaped like timestamps, with every field now and then off. */
const stamps = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 60 }),
    fc.integer({ min: 0, max: 60 }),
    fc.integer({ min: 0, max: 999 }),
    fc.constantFrom("Z", "z", "+01:00", "-0530", ""),
    fc.constantFrom("T", " "),
  )
  .map(([y, mo, d, h, mi, s, ms, zone, sep]) => {
    const p = (n: number, w = 2) => String(n).padStart(w, "0");
    return `${p(y, 4)}-${p(mo)}-${p(d)}${sep}${p(h)}:${p(mi)}:${p(s)}.${p(ms, 3)}${zone}`;
  });

/** Whether the stamp's own date and hour exist, before any zone shift. */
function onCalendar(s: string): boolean {
  const [year, month, day, hour] = [
    s.slice(0, 4),
    s.slice(5, 7),
    s.slice(8, 10),
    s.slice(11, 13),
  ].map(Number) as [number, number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour <= 23
  );
}

describe("timestamps", () => {
  it("accept what a zoned ISO pattern and Date.parse accept, on real days", () => {
    fc.assert(
      fc.property(fc.oneof(stamps, fc.string()), (s) => {
        const expected =
          ZONED.test(s) && !Number.isNaN(Date.parse(s)) && onCalendar(s);
        expect(isTimestamp(s)).toBe(expected);
      }),
      { numRuns: 5_000, seed: 1 },
    );
  });

  it("normalize exactly as Date#toISOString does", () => {
    fc.assert(
      fc.property(stamps.filter(isTimestamp), (s) => {
        expect(utcIso(s)).toBe(new Date(s).toISOString());
      }),
      { numRuns: 5_000, seed: 2 },
    );
    expect(utcIso("2026-02-28 23:30-01:00")).toBe("2026-03-01T00:30:00.000Z");
  });

  it("refuse days and hours Date.parse would roll over", () => {
    for (const s of [
      "2026-02-30T00:00:00Z",
      "2026-04-31T12:00:00.000Z",
      "2025-02-29T00:00:00+01:00",
      "2026-01-01T24:00:00Z",
    ]) {
      expect(isTimestamp(s)).toBe(false);
    }
    expect(isTimestamp("2024-02-29T00:00:00+01:00")).toBe(true);
  });

  it("give the time Date.parse gives", () => {
    fc.assert(
      fc.property(stamps.filter(isTimestamp), (s) => {
        expect(epochMs(s)).toBe(Date.parse(s));
      }),
      { numRuns: 5_000, seed: 3 },
    );
  });
});
