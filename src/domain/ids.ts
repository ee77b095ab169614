declare const brand: unique symbol;

/** A nominal type: a string that has been checked to be a particular id. */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };

export type CorrelationId = Brand<string, "CorrelationId">;
export type RecordId = Brand<string, "RecordId">;
export type ModelName = Brand<string, "ModelName">;
/** A calendar day, `YYYY-MM-DD`, in UTC unless a report says otherwise. */
export type Day = Brand<string, "Day">;

export function dayOf(iso: string): Day {
  return iso.slice(0, 10) as Day;
}
