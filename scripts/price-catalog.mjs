// Writes dist/pricing/price-catalog.json from the genai-prices package, as
// part of the build: reading that JSON costs a few milliseconds where
// loading the package's module costs some tens.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { waitForUpdate } from "@pydantic/genai-prices";
import { slimCatalog } from "../dist/pricing/catalog-file.js";

const require = createRequire(import.meta.url);
// The package exports no package.json; it sits above its dist/.
const entry = require.resolve("@pydantic/genai-prices");
const manifest = JSON.parse(
  readFileSync(join(dirname(entry), "..", "package.json"), "utf8"),
);
const catalog = slimCatalog(
  `${manifest.name}@${manifest.version}`,
  await waitForUpdate(),
);
const out = new URL("../dist/pricing/price-catalog.json", import.meta.url);
writeFileSync(out, JSON.stringify(catalog));
