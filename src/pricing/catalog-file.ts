import { readFileSync } from "node:fs";
import type {
  ConditionalPrice,
  MatchLogic,
  ModelPrice,
  Provider,
} from "@pydantic/genai-prices";

/** A price that holds from a date, or during hours of every day (UTC). */
export type PriceWhen =
  | { readonly from_date: string }
  | { readonly from_second: number; readonly until_second: number };

export interface CatalogPrice {
  readonly when?: PriceWhen;
  readonly prices: ModelPrice;
}

export interface CatalogModel {
  readonly id: string;
  readonly match: MatchLogic;
  /** One price list, or prices in force one after another. */
  readonly prices: ModelPrice | readonly CatalogPrice[];
}

export interface CatalogProvider {
  readonly id: string;
  readonly provider_match?: MatchLogic;
  readonly model_match?: MatchLogic;
  readonly fallback_model_providers?: readonly string[];
  readonly models: readonly CatalogModel[];
}

/** The file `npm run build` writes from the genai-prices package. */
export interface CatalogFile {
  readonly source: string;
  readonly providers: readonly CatalogProvider[];
}

/** Beside `dist/` and `src/` alike, so built code and tests read one file. */
const FILE = new URL("../../dist/pricing/price-catalog.json", import.meta.url);

let loaded: CatalogFile | undefined;

/** The catalog, read once per process. */
export function priceCatalog(): CatalogFile {
  loaded ??= readCatalog();
  return loaded;
}

function readCatalog(): CatalogFile {
  let text: string;
  try {
    text = readFileSync(FILE, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `the price catalog ${FILE.pathname} cannot be read (${reason}); npm run build writes it`,
    );
  }
  return JSON.parse(text) as CatalogFile;
}

/**
 * The package's providers with what pricing needs and no more; times of
 * day become seconds after midnight UTC.
 */
export function slimCatalog(
  source: string,
  providers: readonly Provider[],
): CatalogFile {
  return {
    source,
    providers: providers.map((p) => ({
      id: p.id,
      ...(p.provider_match ? { provider_match: p.provider_match } : {}),
      ...(p.model_match ? { model_match: p.model_match } : {}),
      ...(p.fallback_model_providers
        ? { fallback_model_providers: p.fallback_model_providers }
        : {}),
      models: p.models.map((m) => ({
        id: m.id,
        match: m.match,
        prices: Array.isArray(m.prices)
          ? m.prices.map(slimPrice)
          : plain(m.prices),
      })),
    })),
  };
}

function slimPrice(price: ConditionalPrice): CatalogPrice {
  const c = price.constraint;
  const prices = plain(price.prices);
  if (!c) return { prices };
  if (c.type === "start_date")
    return { when: { from_date: c.start_date }, prices };
  return {
    when: {
      from_second: secondOfDay(c.start_time),
      until_second: secondOfDay(c.end_time),
    },
    prices,
  };
}

/** Tiered prices are class instances in the package; keep their data. */
function plain(prices: ModelPrice): ModelPrice {
  return JSON.parse(JSON.stringify(prices)) as ModelPrice;
}

const TIME_OF_DAY =
  /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2}):(\d{2}))$/;

/** `HH:MM:SS[.fff](Z|±HH:MM)` as seconds after midnight UTC. */
export function secondOfDay(time: string): number {
  const m = TIME_OF_DAY.exec(time);
  if (!m)
    throw new Error(
      `time of day ${JSON.stringify(time)}: not HH:MM:SS with a zone`,
    );
  const local =
    Number(m[1]) * 3600 +
    Number(m[2]) * 60 +
    Number(m[3]) +
    Number(`0.${m[4] ?? ""}`);
  const zone = m[5] === "Z" ? 0 : (Number(m[7]) * 60 + Number(m[8])) * 60;
  const offset = m[6] === "-" ? -zone : zone;
  return (local - offset + 86_400) % 86_400;
}
