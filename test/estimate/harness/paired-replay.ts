import { normalDraw } from "../../../src/estimate/random/draws.js";
import type { Rng } from "../../../src/estimate/random/rng.js";
import type { EstimateInput } from "../../../src/estimate/types.js";
import { drawRate, drawShape, drawTokens } from "./population.js";

/** One replay and the saving that really happened on its treated tasks. */
export interface Replay {
  readonly input: EstimateInput;
  readonly truthTokens: number;
  readonly truthMicros: number;
}

export interface PairedOptions {
  readonly stress: boolean;
  /** Projects of 8–30 tasks, 10–50% held out: a few held-out tasks at most. */
  readonly small?: boolean;
}

interface PairedTask {
  readonly id: string;
  readonly without: number;
  readonly with: number;
  readonly rate: number;
  readonly held: boolean;
}

function drawEffect(rng: Rng, mean: number, tokens: number, stress: boolean) {
  // Under stress, big tasks save more than small ones.
  const tilt = stress ? 0.08 * Math.log(tokens / 20_000) : 0;
  const effect = mean + tilt + 0.15 * normalDraw(rng);
  return Math.min(0.95, Math.max(-0.3, effect));
}

function drawTasks(rng: Rng, o: PairedOptions): PairedTask[] {
  const shape = drawShape(rng, o.stress);
  const count = o.small
    ? 8 + Math.floor(rng.next() * 23)
    : o.stress
      ? 80 + Math.floor(rng.next() * 120)
      : 100 + Math.floor(rng.next() * 500);
  const holdRate = o.small
    ? 0.1 + 0.4 * rng.next()
    : o.stress
      ? 0.05 + 0.1 * rng.next()
      : 0.05 + 0.45 * rng.next();
  const mean = 0.6 * rng.next();
  return Array.from({ length: count }, (_, i) => {
    const without = drawTokens(rng, shape, 20_000);
    const saved = drawEffect(rng, mean, without, o.stress);
    return {
      id: `t${i}`,
      without,
      with: Math.max(1, Math.round(without * (1 - saved))),
      rate: drawRate(rng),
      held: rng.next() < holdRate,
    };
  });
}

function toInput(tasks: readonly PairedTask[]): EstimateInput {
  return {
    tasks: tasks.map((t) => {
      const tokens = t.held ? t.without : t.with;
      return {
        correlation_id: t.id,
        project: "replay",
        customer: "c",
        tokens,
        cost_usd_micros: Math.round(tokens * t.rate),
        started_at: null,
      };
    }),
    interventions: tasks.flatMap((t) =>
      t.held
        ? []
        : [
            {
              id: `i-${t.id}`,
              correlation_id: t.id,
              source: "context_optimization" as const,
              type: "direct_write",
              at: "2026-01-01T00:00:00.000Z",
              estimated_tokens_saved: null,
              detail: {},
            },
          ],
    ),
    holdouts: tasks.flatMap((t) =>
      t.held
        ? [
            {
              correlation_id: t.id,
              source: "context_optimization" as const,
              type: "direct_write",
            },
          ]
        : [],
    ),
  };
}

/**
 * A replay of paired runs, as the checker builds them: every task was run
 * with and without the tooling; treated tasks show their cost with it and
 * an intervention with only a type, held-out tasks their cost without it
 * and a holdout record.
 */
export function pairedReplay(rng: Rng, o: PairedOptions): Replay {
  const tasks = drawTasks(rng, o);
  const treated = tasks.filter((t) => !t.held);
  const truthTokens = treated.reduce((a, t) => a + t.without - t.with, 0);
  const truthMicros = treated.reduce(
    (a, t) => a + Math.round(t.without * t.rate) - Math.round(t.with * t.rate),
    0,
  );
  return { input: toInput(tasks), truthTokens, truthMicros };
}
