import type { ProjectName } from "../importers/project-map.js";
import type { ResponseUsage } from "../importers/response.js";
import type { PriceBook } from "../pricing/price-book.js";
import { type Pricing, priceUsage } from "../pricing/price-usage.js";

/**
 * Prices responses as their files are read, once the price book has
 * loaded, so that pricing overlaps reading instead of following it.
 * Responses later superseded by a larger copy are priced for nothing,
 * which is rare and cheap.
 */
export class EarlyPricing {
  readonly #priced = new Map<ResponseUsage, Pricing>();
  readonly #name: (folder: string) => ProjectName;
  readonly #loading: Promise<PriceBook>;
  #book: PriceBook | undefined;
  #backlog: (readonly ResponseUsage[])[] = [];

  constructor(book: Promise<PriceBook>, name: (folder: string) => ProjectName) {
    this.#name = name;
    this.#loading = book.then((loaded) => {
      this.#book = loaded;
      for (const responses of this.#backlog) this.add(responses);
      this.#backlog = [];
      return loaded;
    });
    // A failed load surfaces from `pricer()`; until then it is not unhandled.
    this.#loading.catch(() => undefined);
  }

  add(responses: readonly ResponseUsage[]): void {
    const book = this.#book;
    if (!book) {
      this.#backlog.push(responses);
      return;
    }
    for (const response of responses) {
      const customer = this.#name(response.project).customer;
      this.#priced.set(response, priceUsage(response, book, customer));
    }
  }

  /** The pricing of a response, priced now if it was not yet. */
  async pricer(): Promise<(response: ResponseUsage) => Pricing> {
    const book = await this.#loading;
    return (response) => {
      const known = this.#priced.get(response);
      if (known) return known;
      const customer = this.#name(response.project).customer;
      return priceUsage(response, book, customer);
    };
  }
}
