/** ISO 8601 with a zone; the time may stop at minutes, seconds or a fraction. */
const ZONED =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** How `Date#toISOString` writes a time, and how most records send it. */
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * An ISO 8601 timestamp with a time zone that `Date.parse` understands, on
 * a day the calendar has: `Date.parse` would roll February 30 over to
 * March 2 and 24:00 over to the next day, so those are refused here.
 */
export function isTimestamp(stamp: string): boolean {
  if (!ZONED.test(stamp)) return false;
  if (isCanonical(stamp)) return true;
  return isOnCalendar(stamp) && !Number.isNaN(Date.parse(stamp));
}

function isOnCalendar(s: string): boolean {
  const month = digits(s, 5);
  const day = digits(s, 8);
  const year = digits(s, 0) * 100 + digits(s, 2);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    digits(s, 11) <= 23
  );
}

/**
 * A timestamp `isTimestamp` accepts, as `Date#toISOString` writes it.
 * Formatting a date costs more than all the rest of checking a record, so
 * one already in that form is returned as it is.
 */
export function utcIso(stamp: string): string {
  return isCanonical(stamp) ? stamp : new Date(stamp).toISOString();
}

let lastStamp = "";
let lastMs = 0;

/**
 * `Date.parse` of a timestamp `isTimestamp` accepts, computed directly
 * when it is in `toISOString` form. A record's id and each of its time
 * columns need it, so the last answer is kept.
 */
export function epochMs(stamp: string): number {
  if (stamp !== lastStamp) {
    lastMs = parsedMs(stamp);
    lastStamp = stamp;
  }
  return lastMs;
}

function parsedMs(stamp: string): number {
  if (!isCanonical(stamp)) return Date.parse(stamp);
  const days = daysSince1970(
    digits(stamp, 0) * 100 + digits(stamp, 2),
    digits(stamp, 5),
    digits(stamp, 8),
  );
  const seconds =
    digits(stamp, 11) * 3600 + digits(stamp, 14) * 60 + digits(stamp, 17);
  const ms = digits(stamp, 20) * 10 + stamp.charCodeAt(22) - 48;
  return (days * 86_400 + seconds) * 1000 + ms;
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar. */
function daysSince1970(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear =
    Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 +
    Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) +
    dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Already what `toISOString` would give. */
function isCanonical(s: string): boolean {
  if (!CANONICAL.test(s)) return false;
  const month = digits(s, 5);
  const day = digits(s, 8);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(digits(s, 0) * 100 + digits(s, 2), month) &&
    digits(s, 11) <= 23 &&
    digits(s, 14) <= 59 &&
    digits(s, 17) <= 59
  );
}

function digits(s: string, at: number): number {
  return (s.charCodeAt(at) - 48) * 10 + s.charCodeAt(at + 1) - 48;
}

function daysIn(year: number, month: number): number {
  if (month === 2) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
