import { describe, expect, it } from "vitest";
import { LocalCalendar } from "./local-date.js";

function formatted(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(ms);
}

describe("LocalCalendar", () => {
  it.each([
    "UTC",
    "Europe/Paris",
    "America/Los_Angeles",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
  ])("agrees with Intl every 7 minutes across DST changes in %s", (zone) => {
    const calendar = new LocalCalendar(zone);
    const start = Date.parse("2025-03-08T00:00:00Z");
    for (let ms = start; ms < start + 40 * 86_400_000; ms += 7 * 60_000) {
      expect(calendar.day(ms)).toBe(formatted(ms, zone));
    }
    const autumn = Date.parse("2025-10-24T00:00:00Z");
    for (let ms = autumn; ms < autumn + 12 * 86_400_000; ms += 7 * 60_000) {
      expect(calendar.day(ms)).toBe(formatted(ms, zone));
    }
  });

  it.each(["Europe/Paris", "America/Los_Angeles", "Australia/Lord_Howe"])(
    "agrees with Intl in the process's own zone, set to %s",
    (zone) => {
      const before = process.env.TZ;
      process.env.TZ = zone;
      try {
        const calendar = new LocalCalendar();
        expect(calendar.timeZone).toBe(zone);
        const start = Date.parse("2025-03-08T00:00:00Z");
        for (let ms = start; ms < start + 40 * 86_400_000; ms += 7 * 60_000) {
          expect(calendar.day(ms)).toBe(formatted(ms, zone));
        }
      } finally {
        if (before === undefined) delete process.env.TZ;
        else process.env.TZ = before;
      }
    },
  );

  it("turns the month where the zone does", () => {
    expect(
      new LocalCalendar("Asia/Tokyo").day(Date.parse("2025-01-31T16:00:00Z")),
    ).toBe("2025-02-01");
  });
});
