import type { BucketRates } from "./rates.js";
import type { TokenCounts } from "./tokens.js";

const PER_MTOK = 1_000_000;

/** The cost of one request in integer micro-dollars, rounded half up. */
export function costMicros(tokens: TokenCounts, rates: BucketRates): number {
  const sum =
    tokens.input_tokens * rates.input +
    tokens.output_tokens * rates.output +
    tokens.cache_read_tokens * rates.cache_read +
    tokens.cache_write_5m_tokens * rates.cache_write_5m +
    tokens.cache_write_1h_tokens * rates.cache_write_1h;
  if (Number.isSafeInteger(sum)) return divideRounded(sum, PER_MTOK);
  return weightedMicros([
    [tokens.input_tokens, rates.input],
    [tokens.output_tokens, rates.output],
    [tokens.cache_read_tokens, rates.cache_read],
    [tokens.cache_write_5m_tokens, rates.cache_write_5m],
    [tokens.cache_write_1h_tokens, rates.cache_write_1h],
  ]);
}

/**
 * Σ tokens × rate / 1e6, exactly: integer arithmetic while it fits in a
 * double's 53 bits, BigInt beyond. Halves round away from zero.
 */
export function weightedMicros(
  parts: readonly (readonly [number, number])[],
): number {
  let sum = 0;
  for (const [tokens, rate] of parts) sum += tokens * rate;
  if (Number.isSafeInteger(sum)) {
    const size = divideRounded(Math.abs(sum), PER_MTOK);
    return sum < 0 ? -size : size;
  }
  let big = 0n;
  for (const [tokens, rate] of parts) big += BigInt(tokens) * BigInt(rate);
  const negative = big < 0n;
  const size = ((negative ? -big : big) + 500_000n) / 1_000_000n;
  return Number(negative ? -size : size);
}

/** n / d rounded half up, for a non-negative safe integer n. */
export function divideRounded(n: number, d: number): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  // The floating division can land one off near an integer; settle it.
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return r * 2 >= d ? q + 1 : q;
}
