// Bundles the command line into dist/bin/: the command, the parts it loads
// lazily, and the entries of its two worker threads, with kysely and zod
// inside. Node loads a few files much faster than the hundreds of modules
// those packages ship as (see docs/ARCHITECTURE.md). The drivers stay
// outside: better-sqlite3 is native, pg is CommonJS with a native option.
import { rmSync } from "node:fs";
import { build } from "esbuild";

/**
 * zod's namespace carries every language's messages; tokenledger writes its
 * own errors and zod's default is English, so only English is bundled.
 */
const zodInEnglish = {
  name: "zod-in-english",
  setup(builder) {
    builder.onLoad(
      { filter: /zod[\\/]v4[\\/]locales[\\/]index\.js$/ },
      (args) => ({
        contents: 'export { default as en } from "./en.js";',
        resolveDir: args.path.replace(/[\\/]index\.js$/, ""),
      }),
    );
  },
};

// Chunks are named by their content: clear out the last build's.
rmSync("dist/bin", { recursive: true, force: true });

await build({
  entryPoints: {
    tokenledger: "src/cli/main.ts",
    // Named and placed beside the chunks that start them, which find them
    // from their own import.meta.url.
    "scan-worker": "src/importers/scan-worker.ts",
    "parse-worker": "src/ingest/parse-worker.ts",
  },
  outdir: "dist/bin",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["better-sqlite3", "pg"],
  plugins: [zodInEnglish],
  sourcemap: true,
  logLevel: "warning",
});
