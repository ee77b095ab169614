import type { UnitDraws } from "../attribution/totals.js";
import type { EstimateConfig } from "../config/schema.js";
import { quantileSorted } from "../stats/sample.js";
import type { SavingsFigures } from "../types.js";

type Summary = EstimateConfig["summary"];

interface UnitSummary {
  readonly point: number;
  readonly low: number;
  readonly high: number;
  readonly conservative: number;
  readonly confidence: number;
}

/** Share of draws within ±band of the point estimate. */
function withinBand(draws: Float64Array, point: number, band: number) {
  if (draws.length === 0) return 0;
  const reach = Math.abs(point) * band;
  let inside = 0;
  for (const v of draws) if (Math.abs(v - point) <= reach) inside += 1;
  return inside / draws.length;
}

// The same draws often stand for a type, its source and the total.
const sortedCache = new WeakMap<Float64Array, Float64Array>();

function sortedOf(draws: Float64Array): Float64Array {
  let sorted = sortedCache.get(draws);
  if (sorted === undefined) {
    sorted = draws.slice().sort();
    sortedCache.set(draws, sorted);
  }
  return sorted;
}

function summarizeUnit(
  draws: Float64Array,
  point: number,
  s: Summary,
): UnitSummary {
  const sorted = sortedOf(draws);
  const round = Math.round;
  return {
    point: round(point),
    low: round(quantileSorted(sorted, s.low)),
    high: round(quantileSorted(sorted, s.high)),
    conservative: round(quantileSorted(sorted, s.conservative)),
    confidence: Number(withinBand(draws, point, s.confidenceBand).toFixed(4)),
  };
}

/** Micro-dollars as dollars with six decimals. */
export const dollars = (micros: number) => Number((micros / 1e6).toFixed(6));

/** Whole-number points, when parts must add up to a rounded total. */
export interface RoundedPoints {
  readonly tokens: number;
  readonly micros: number;
}

/** Point, interval, conservative bound and confidence, in both units. */
export function figures(
  u: UnitDraws,
  summary: Summary,
  rounded?: RoundedPoints,
): SavingsFigures {
  const t = summarizeUnit(u.tokens, u.pointTokens, summary);
  const m = summarizeUnit(u.micros, u.pointMicros, summary);
  return toFigures(
    rounded ? { ...t, point: rounded.tokens } : t,
    rounded ? { ...m, point: rounded.micros } : m,
  );
}

function toFigures(t: UnitSummary, m: UnitSummary): SavingsFigures {
  return {
    tokens_saved: t.point,
    tokens_saved_low: t.low,
    tokens_saved_high: t.high,
    conservative_low: t.conservative,
    confidence: t.confidence,
    cost_saved_usd: dollars(m.point),
    cost_saved_usd_low: dollars(m.low),
    cost_saved_usd_high: dollars(m.high),
    cost_conservative_low_usd: dollars(m.conservative),
    cost_confidence: m.confidence,
    cost_saved_micros: m.point,
    cost_saved_micros_low: m.low,
    cost_saved_micros_high: m.high,
  };
}
