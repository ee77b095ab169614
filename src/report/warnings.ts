import type { SourceEstimate } from "../estimate/index.js";

/** A sentence for each source/type whose holdout split is off its rate. */
export function sampleRatioWarnings(
  sources: readonly SourceEstimate[],
): string[] {
  const out: string[] = [];
  for (const s of sources) {
    for (const t of s.types) {
      const r = t.sample_ratio;
      if (!r?.mismatch) continue;
      const seen = r.held / Math.max(1, r.held + r.treated);
      out.push(
        `holdout split of ${s.source}/${t.type} is off: ${r.held} held and ` +
          `${r.treated} treated (${pct(seen)} held, configured ${pct(r.expected_hold_fraction)}; ` +
          `p = ${r.p_value.toExponential(1)}). Check that holdouts are recorded ` +
          "for every withheld task, or that the configured rate matches the hooks'.",
      );
    }
  }
  return out;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
