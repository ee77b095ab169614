/** The project and customer a log folder belongs to. */
export interface ProjectName {
  readonly project: string;
  readonly customer?: string;
}

/**
 * Project and customer names by log folder: a Claude project folder
 * (`-home-me-src-shop`) or a Codex working directory (full path or last
 * segment). Validate one read from a file with `projectMapSchema`.
 */
export type ProjectMap = Readonly<
  Record<string, { readonly project?: string; readonly customer?: string }>
>;

/** The names for a folder; unmapped folders keep their own name. */
export function nameProject(
  map: ProjectMap | undefined,
  ...folders: readonly string[]
): ProjectName {
  const fallback = folders[0] || "unknown";
  for (const folder of folders) {
    const entry = map?.[folder];
    if (entry) {
      return {
        project: entry.project ?? fallback,
        ...(entry.customer ? { customer: entry.customer } : {}),
      };
    }
  }
  return { project: fallback };
}
