import { describe, expect, it } from "vitest";
import { dollars, integer } from "./table.js";

describe("dollars", () => {
  it("writes cents with thousands separators and a leading minus", () => {
    expect(dollars(1234.5)).toBe("$1,234.50");
    expect(dollars(-2.856777)).toBe("-$2.86");
    expect(dollars(0)).toBe("$0.00");
  });

  it("gives no sign to an amount that rounds to no cent", () => {
    expect(dollars(-0.0013)).toBe("$0.00");
    expect(dollars(-0.005)).toBe("-$0.01");
  });
});

describe("integer", () => {
  it("rounds and separates thousands", () => {
    expect(integer(1_234_567.6)).toBe("1,234,568");
  });
});
