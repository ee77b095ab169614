import { normalStream } from "../random/draws.js";
import { createRng, deriveSeed } from "../random/rng.js";

/**
 * Normal shocks one source's types share, per parameter and per draw: the
 * specification's constant for one parameter tends to be wrong for every
 * type of the source alike, while different parameters err independently.
 */
export interface SourceShocks {
  at(parameter: string, draw: number): number;
}

export function sourceShocks(
  seed: number,
  source: string,
  draws: number,
): SourceShocks {
  const series = new Map<string, Float64Array>();
  return {
    at(parameter, draw) {
      let values = series.get(parameter);
      if (values === undefined) {
        const label = `common:${source}:${parameter}`;
        const normal = normalStream(createRng(deriveSeed(seed, label)));
        values = Float64Array.from({ length: draws }, normal);
        series.set(parameter, values);
      }
      return values[draw] ?? 0;
    },
  };
}

/** The shocks of one draw, by parameter; zero for the point estimate. */
export type Common = (parameter: string) => number;

export const NO_SHOCK: Common = () => 0;
