/**
 * A WebAssembly module `npm run build` compiles into dist/wasm/. Found
 * from dist/ and src/ alike (this file sits two folders deep in each), and
 * from the bundled command line in dist/bin/.
 */
export function wasmFile(name: string): URL {
  return new URL(`../../dist/wasm/${name}`, import.meta.url);
}
