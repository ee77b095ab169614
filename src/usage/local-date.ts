const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const OFFSET = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/;

/**
 * Calendar days in one time zone. The zone's offset is looked up twice per
 * UTC day (its first and last millisecond); on a day without a change of
 * offset every instant is placed by arithmetic alone.
 */
export class LocalCalendar {
  readonly timeZone: string;
  readonly #offsetFormat: Intl.DateTimeFormat;
  readonly #offsets = new Map<number, number | null>();
  readonly #names = new Map<number, string>();

  constructor(timeZone?: string) {
    this.timeZone =
      timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    this.#offsetFormat = new Intl.DateTimeFormat("en-US", {
      timeZone: this.timeZone,
      timeZoneName: "longOffset",
    });
  }

  /** `YYYY-MM-DD` of an instant in this zone. */
  day(ms: number): string {
    const utcDay = Math.floor(ms / DAY_MS);
    let offset = this.#offsets.get(utcDay);
    if (offset === undefined) {
      offset = this.#steadyOffset(utcDay);
      this.#offsets.set(utcDay, offset);
    }
    return this.#name(Math.floor((ms + (offset ?? this.#offset(ms))) / DAY_MS));
  }

  /** `YYYY-MM` of an instant in this zone. */
  month(ms: number): string {
    return this.day(ms).slice(0, 7);
  }

  /** The offset all through a UTC day, or null if it changes that day. */
  #steadyOffset(utcDay: number): number | null {
    const first = this.#offset(utcDay * DAY_MS);
    return first === this.#offset((utcDay + 1) * DAY_MS - 1) ? first : null;
  }

  #offset(ms: number): number {
    const part = this.#offsetFormat
      .formatToParts(ms)
      .find((p) => p.type === "timeZoneName")?.value;
    const match = OFFSET.exec(part ?? "");
    if (!match?.[1]) return 0;
    const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
    return (match[1] === "-" ? -minutes : minutes) * MINUTE_MS;
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
