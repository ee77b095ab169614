import { DEFAULT_ESTIMATE_CONFIG } from "../../../src/estimate/config/defaults.js";
import { effectiveVariance } from "../../../src/estimate/evidence/piece.js";
import {
  logitPrior,
  multiplierPrior,
} from "../../../src/estimate/evidence/prior.js";
import { gammaDraw, normalDraw } from "../../../src/estimate/random/draws.js";
import type { Rng } from "../../../src/estimate/random/rng.js";
import { errorCycleCost } from "../../../src/estimate/spec/cycle-costs.js";
import type {
  EstimateHoldout,
  EstimateIntervention,
  EstimateObservation,
  EstimateTask,
} from "../../../src/estimate/types.js";
import type { Replay } from "./paired-replay.js";
import { drawRate, drawShape, drawTokens } from "./population.js";

export interface EventOptions {
  /** Transcript bias and event spread beyond what the engine allows for. */
  readonly stress: boolean;
  /** Share of tasks held out; 0 for none. */
  readonly holdRate: number;
}

const TYPES = [
  "password_correction",
  "url_fix",
  "env_var_fix",
  "path_correction",
  "other",
];
const config = DEFAULT_ESTIMATE_CONFIG;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Under stress, transcript bias and cycle spread exceed the allowance. */
const STRESS = 1.5;

/**
 * True parameters drawn from the engine's own priors: each parameter has a
 * shock all types share and one of its own.
 */
function drawTruth(rng: Rng, types: readonly string[]) {
  const rho = config.sourceCorrelation;
  const costShared = normalDraw(rng);
  const chanceShared = normalDraw(rng);
  const shock = (shared: number) =>
    Math.sqrt(rho) * shared + Math.sqrt(1 - rho) * normalDraw(rng);
  const costSd = Math.sqrt(
    effectiveVariance(
      multiplierPrior(config.errorCycle.range, config.bias.prior, rho),
    ),
  );
  const p = logitPrior(
    config.wouldHaveErred.hook_correction,
    config.bias.prior,
    rho,
  );
  const pSd = Math.sqrt(effectiveVariance(p));
  return types.map((type) => ({
    type,
    cost: errorCycleCost(type) * Math.exp(costSd * shock(costShared)),
    chance: sigmoid(p.mean + pSd * shock(chanceShared)),
  }));
}

function cycleCost(rng: Rng, mean: number, cv: number): number {
  const shape = 1 / (cv * cv);
  return gammaDraw(rng, shape) * (mean / shape);
}

function transcripts(
  rng: Rng,
  t: { type: string; cost: number },
  stress: boolean,
  cv: number,
): EstimateObservation[] {
  if (rng.next() < 0.4) return [];
  const bias = (stress ? STRESS : 1) * config.bias.transcript * normalDraw(rng);
  const count = 3 + Math.floor(rng.next() * 28);
  return Array.from({ length: count }, () => ({
    source: "hook_correction" as const,
    type: t.type,
    kind: "transcript" as const,
    value_tokens: Math.round(cycleCost(rng, t.cost * Math.exp(bias), cv)),
  }));
}

/**
 * Hook corrections whose true cycle costs and error chances come from the
 * engine's priors ("the model is right"), or, under stress, with transcript
 * bias and cycle-cost spread 1.5 times what the engine allows for.
 */
export function eventReplay(rng: Rng, o: EventOptions): Replay {
  const chosen = TYPES.filter(() => rng.next() < 0.5);
  const types = chosen.length > 0 ? chosen : ["url_fix"];
  const truth = drawTruth(rng, types);
  const shape = drawShape(rng);
  const tasks: EstimateTask[] = [];
  const interventions: EstimateIntervention[] = [];
  const holdouts: EstimateHoldout[] = [];
  const cv = (o.stress ? STRESS : 1) * config.eventCv;
  const observations = truth.flatMap((t) => transcripts(rng, t, o.stress, cv));
  let truthTokens = 0;
  let truthMicros = 0;
  const overhead = config.overheadTokens.hook_correction;
  truth.forEach((t, ti) => {
    const events = 5 + Math.floor(rng.next() * 76);
    for (let i = 0; i < events; i += 1) {
      const id = `t${ti}-${i}`;
      const erred = rng.next() < t.chance;
      const saving = (erred ? cycleCost(rng, t.cost, cv) : 0) - overhead;
      const actual = drawTokens(rng, shape, 20_000);
      const rate = drawRate(rng);
      const held = rng.next() < o.holdRate;
      const tokens = held ? Math.max(1, actual + saving) : actual;
      tasks.push({
        correlation_id: id,
        project: "p",
        customer: "c",
        tokens,
        cost_usd_micros: Math.round(tokens * rate),
        started_at: null,
      });
      if (held) {
        holdouts.push({
          correlation_id: id,
          source: "hook_correction",
          type: t.type,
        });
        continue;
      }
      truthTokens += saving;
      truthMicros += saving * rate;
      interventions.push({
        id: `i-${id}`,
        correlation_id: id,
        source: "hook_correction",
        type: t.type,
        at: "2026-01-01T00:00:00.000Z",
        estimated_tokens_saved: null,
        detail: { intervention_type: t.type },
      });
    }
  });
  return {
    input: { tasks, interventions, holdouts, observations },
    truthTokens,
    truthMicros,
  };
}
