/** A stream of uniform numbers in the open interval (0, 1). */
export interface Rng {
  next(): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));

/** xoshiro128** seeded through splitmix32; identical on every platform. */
export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  const s = Uint32Array.of(init(), init(), init(), init());
  return {
    next() {
      const out = Math.imul(rotl(Math.imul(s[1] as number, 5), 7), 9) >>> 0;
      const t = (s[1] as number) << 9;
      s[2] = (s[2] as number) ^ (s[0] as number);
      s[3] = (s[3] as number) ^ (s[1] as number);
      s[1] = (s[1] as number) ^ (s[2] as number);
      s[0] = (s[0] as number) ^ (s[3] as number);
      s[2] = (s[2] as number) ^ t;
      s[3] = rotl(s[3] as number, 11);
      return (out + 0.5) / 4_294_967_296;
    },
  };
}

/** A seed for a named sub-stream, so streams do not shift one another. */
export function deriveSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i += 1) {
    hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
  }
  return Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
}
