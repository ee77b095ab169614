import type { ResponseUsage } from "../importers/response.js";
import type { PriceBook } from "../pricing/price-book.js";
import type { PlacedResponse } from "./group.js";

/** Places one response, given the loaded price book. */
export type PlaceOne = (
  response: ResponseUsage,
  book: PriceBook,
) => PlacedResponse;

/**
 * Names, dates and prices responses as their files are read, once the price
 * book has loaded, so that this work overlaps reading instead of following
 * it. A response later superseded by a larger copy was placed for nothing,
 * which is rare and cheap.
 */
export class EarlyPlacing {
  readonly #placed = new Map<ResponseUsage, PlacedResponse>();
  readonly #placeOne: PlaceOne;
  readonly #loading: Promise<PriceBook>;
  #book: PriceBook | undefined;
  #backlog: (readonly ResponseUsage[])[] = [];

  constructor(book: Promise<PriceBook>, placeOne: PlaceOne) {
    this.#placeOne = placeOne;
    this.#loading = book.then((loaded) => {
      this.#book = loaded;
      for (const responses of this.#backlog) this.add(responses);
      this.#backlog = [];
      return loaded;
    });
    // A failed load surfaces from `placed()`; until then it is not unhandled.
    this.#loading.catch(() => undefined);
  }

  add(responses: readonly ResponseUsage[]): void {
    const book = this.#book;
    if (!book) {
      this.#backlog.push(responses);
      return;
    }
    for (const response of responses) {
      this.#placed.set(response, this.#placeOne(response, book));
    }
  }

  /** The final responses placed, each placed now if it was not yet. */
  async placed(final: Iterable<ResponseUsage>): Promise<PlacedResponse[]> {
    const book = await this.#loading;
    const all: PlacedResponse[] = [];
    for (const response of final) {
      all.push(this.#placed.get(response) ?? this.#placeOne(response, book));
    }
    return all;
  }
}
