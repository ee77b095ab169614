/** A plain text table: the first column left-aligned, the rest right. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) =>
        i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0),
      )
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

export function integer(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** Dollars to the cent; an amount that rounds to no cent has no sign. */
export function dollars(x: number): string {
  const cents = Math.round(Math.abs(x) * 100);
  const sign = x < 0 && cents > 0 ? "-" : "";
  return `${sign}$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
