import { DEFAULT_ESTIMATE_CONFIG } from "../../../src/estimate/config/defaults.js";
import type { EstimateConfig } from "../../../src/estimate/config/schema.js";
import { estimateSavings } from "../../../src/estimate/estimate-savings.js";
import type { Rng } from "../../../src/estimate/random/rng.js";
import { createRng } from "../../../src/estimate/random/rng.js";
import type { SavingsFigures } from "../../../src/estimate/types.js";
import type { Replay } from "./paired-replay.js";

/** How often the estimates held the truth over many replays. */
export interface Coverage {
  readonly replays: number;
  /** Share of 80% intervals holding the truth. */
  readonly covered: number;
  readonly below: number;
  readonly above: number;
  /** Share of conservative bounds below the truth. */
  readonly conservativeBelow: number;
  /** Median of |estimate − truth| / |truth|. */
  readonly medianError: number;
}

interface Tally {
  covered: number;
  below: number;
  above: number;
  conservative: number;
  errors: number[];
}

function score(
  t: Tally,
  f: SavingsFigures,
  truth: number,
  unit: "tokens" | "micros",
) {
  const [low, high, point, cons] =
    unit === "tokens"
      ? [
          f.tokens_saved_low,
          f.tokens_saved_high,
          f.tokens_saved,
          f.conservative_low,
        ]
      : [
          f.cost_saved_micros_low,
          f.cost_saved_micros_high,
          f.cost_saved_micros,
          f.cost_conservative_low_usd * 1e6,
        ];
  if (truth < low) t.below += 1;
  else if (truth > high) t.above += 1;
  else t.covered += 1;
  if (cons < truth) t.conservative += 1;
  t.errors.push(Math.abs(point - truth) / Math.max(Math.abs(truth), 1));
}

function finish(t: Tally): Coverage {
  const n = t.errors.length;
  const sorted = [...t.errors].sort((a, b) => a - b);
  return {
    replays: n,
    covered: t.covered / n,
    below: t.below / n,
    above: t.above / n,
    conservativeBelow: t.conservative / n,
    medianError: sorted[Math.floor(n / 2)] ?? 0,
  };
}

const tally = (): Tally => ({
  covered: 0,
  below: 0,
  above: 0,
  conservative: 0,
  errors: [],
});

/**
 * Runs the real engine on `replays` replays drawn by `make` and scores the
 * figures of `source` against each replay's truth, in tokens and money.
 */
export function measureCoverage(
  make: (rng: Rng) => Replay,
  pick: (source: string) => boolean,
  settings: {
    seed: number;
    replays: number;
    draws: number;
    config?: EstimateConfig;
  },
): { tokens: Coverage; micros: Coverage } {
  const rng = createRng(settings.seed);
  const tokens = tally();
  const micros = tally();
  for (let r = 0; r < settings.replays; r += 1) {
    const replay = make(rng);
    const estimate = estimateSavings(
      replay.input,
      settings.config ?? DEFAULT_ESTIMATE_CONFIG,
      {
        seed: r,
        draws: settings.draws,
      },
    );
    const figures = estimate.sources.find((s) => pick(s.source)) ?? estimate;
    score(tokens, figures, replay.truthTokens, "tokens");
    score(micros, figures, replay.truthMicros, "micros");
  }
  return { tokens: finish(tokens), micros: finish(micros) };
}
