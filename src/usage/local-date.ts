const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const OFFSET = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/;

/** Milliseconds a zone is ahead of UTC at an instant. */
type OffsetAt = (ms: number) => number;

/**
 * Calendar days in one time zone. The zone's offset is looked up twice per
 * UTC day (its first and last millisecond); on a day without a change of
 * offset every instant is placed by arithmetic alone.
 */
export class LocalCalendar {
  readonly #zone: string | undefined;
  readonly #offsetAt: OffsetAt;
  readonly #offsets = new Map<number, number | null>();
  readonly #names = new Map<number, string>();

  /** Without a zone, the process's own (the `TZ` environment variable). */
  constructor(timeZone?: string) {
    this.#zone = timeZone;
    // Setting up Intl costs more than placing thousands of requests, so
    // the process's own zone is read from Date, which knows it already.
    this.#offsetAt = timeZone === undefined ? ownOffset : zoneOffset(timeZone);
  }

  /** The zone's IANA name. */
  get timeZone(): string {
    return this.#zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  /** `YYYY-MM-DD` of an instant in this zone. */
  day(ms: number): string {
    const utcDay = Math.floor(ms / DAY_MS);
    let offset = this.#offsets.get(utcDay);
    if (offset === undefined) {
      offset = this.#steadyOffset(utcDay);
      this.#offsets.set(utcDay, offset);
    }
    const local = ms + (offset ?? this.#offsetAt(ms));
    return this.#name(Math.floor(local / DAY_MS));
  }

  /** The offset all through a UTC day, or null if it changes that day. */
  #steadyOffset(utcDay: number): number | null {
    const first = this.#offsetAt(utcDay * DAY_MS);
    return first === this.#offsetAt((utcDay + 1) * DAY_MS - 1) ? first : null;
  }

  #name(localDay: number): string {
    let name = this.#names.get(localDay);
    if (name === undefined) {
      name = new Date(localDay * DAY_MS).toISOString().slice(0, 10);
      this.#names.set(localDay, name);
    }
    return name;
  }
}

function ownOffset(ms: number): number {
  return -new Date(ms).getTimezoneOffset() * MINUTE_MS;
}

function zoneOffset(timeZone: string): OffsetAt {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    timeZoneName: "longOffset",
  });
  return (ms) => {
    const part = format
      .formatToParts(ms)
      .find((p) => p.type === "timeZoneName")?.value;
    const match = OFFSET.exec(part ?? "");
    if (!match?.[1]) return 0;
    const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
    return (match[1] === "-" ? -minutes : minutes) * MINUTE_MS;
  };
}
