import type { MatchLogic, ModelPrice } from "@pydantic/genai-prices";
import type {
  CatalogModel,
  CatalogPrice,
  CatalogProvider,
} from "./catalog-file.js";

// These follow the genai-prices package's own lookup, rule for rule;
// catalog.test.ts holds them to it over every model of the catalog.

/** Whether a (lower-cased) name satisfies a catalog match clause. */
export function matches(logic: MatchLogic, name: string): boolean {
  if ("or" in logic) return logic.or.some((l) => matches(l, name));
  if ("and" in logic) return logic.and.every((l) => matches(l, name));
  const lower = name.toLowerCase();
  if ("equals" in logic) return lower === logic.equals.toLowerCase();
  if ("starts_with" in logic) {
    return lower.startsWith(logic.starts_with.toLowerCase());
  }
  if ("ends_with" in logic)
    return lower.endsWith(logic.ends_with.toLowerCase());
  if ("contains" in logic) return lower.includes(logic.contains.toLowerCase());
  if ("regex" in logic) return regex(logic.regex).test(name);
  return false;
}

const compiled = new Map<string, RegExp>();

function regex(source: string): RegExp {
  let found = compiled.get(source);
  if (!found) {
    found = new RegExp(source);
    compiled.set(source, found);
  }
  return found;
}

/** The provider named `id` (or matching it), else the first claiming the model. */
export function findProvider(
  providers: readonly CatalogProvider[],
  model: string,
  id?: string,
): CatalogProvider | undefined {
  if (id) {
    const wanted = id.toLowerCase().trim();
    return (
      providers.find((p) => p.id === wanted) ??
      providers.find(
        (p) => p.provider_match && matches(p.provider_match, wanted),
      )
    );
  }
  return providers.find((p) => p.model_match && matches(p.model_match, model));
}

/**
 * The provider's model for a name, trying its fallback providers, then the
 * name with a compact date (`-20250514`) written with dashes.
 */
export function findModel(
  providers: readonly CatalogProvider[],
  provider: CatalogProvider,
  model: string,
): CatalogModel | undefined {
  const found = modelOf(providers, provider, model);
  if (found) return found;
  const dashed = dashDates(model);
  return dashed === model ? undefined : modelOf(providers, provider, dashed);
}

function modelOf(
  providers: readonly CatalogProvider[] | undefined,
  provider: CatalogProvider,
  model: string,
): CatalogModel | undefined {
  const own = provider.models.find((m) => matches(m.match, model));
  if (own || !providers) return own;
  for (const id of provider.fallback_model_providers ?? []) {
    const fallback = providers.find((p) => p.id === id);
    const found = fallback && modelOf(undefined, fallback, model);
    if (found) return found;
  }
  return undefined;
}

const COMPACT_DATE =
  /(-)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=-|:|$)/g;

function dashDates(model: string): string {
  return model.replace(COMPACT_DATE, (whole, dash, y, m, d) => {
    const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    const real =
      day.getUTCFullYear() === Number(y) &&
      day.getUTCMonth() === Number(m) - 1 &&
      day.getUTCDate() === Number(d);
    return real ? `${dash}${y}-${m}-${d}` : whole;
  });
}

/** The prices in force at `at`: the last listed whose condition holds. */
export function pricesAt(model: CatalogModel, at: Date): ModelPrice {
  if (!Array.isArray(model.prices)) return model.prices as ModelPrice;
  const listed = model.prices as readonly CatalogPrice[];
  for (let i = listed.length - 1; i >= 0; i--) {
    const price = listed[i] as CatalogPrice;
    if (holds(price, at)) return price.prices;
  }
  return (listed[0] as CatalogPrice).prices;
}

function holds({ when }: CatalogPrice, at: Date): boolean {
  if (!when) return true;
  if ("from_date" in when) return at >= new Date(when.from_date);
  const second =
    at.getUTCHours() * 3600 +
    at.getUTCMinutes() * 60 +
    at.getUTCSeconds() +
    at.getUTCMilliseconds() / 1000;
  const { from_second: from, until_second: until } = when;
  return until < from
    ? second >= from || second < until
    : second >= from && second < until;
}
