import { ValidationError } from "../domain/errors.js";

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Dollars, as a JSON number or a decimal string, to integer micro-dollars. */
export function dollarsToMicros(dollars: number | string): number {
  if (typeof dollars === "number") {
    if (!Number.isFinite(dollars) || dollars < 0) {
      throw new ValidationError(
        "cost_usd",
        `expected a non-negative amount of dollars, got ${dollars}`,
      );
    }
    return Math.round(dollars * 1_000_000);
  }
  return decimalToMicros(dollars);
}

function decimalToMicros(text: string): number {
  const match = DECIMAL.exec(text);
  if (!match) {
    throw new ValidationError(
      "cost_usd",
      `expected a decimal amount like 0.0123, got ${JSON.stringify(text)}`,
    );
  }
  const whole = Number(match[1]) * 1_000_000;
  const fraction = (match[2] ?? "").padEnd(7, "0");
  const micros = Number(fraction.slice(0, 6));
  const roundUp = Number(fraction[6]) >= 5 ? 1 : 0;
  return whole + micros + roundUp;
}

/** Micro-dollars as dollars, for JSON output. */
export function microsToDollars(micros: number): number {
  return micros / 1_000_000;
}
