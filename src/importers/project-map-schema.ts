import { z } from "zod";

/**
 * Maps log folders to project and customer names: a Claude project folder
 * (`-home-me-src-shop`) or a Codex working directory (full path or last
 * segment). Example: `{ "-home-me-src-shop": { "project": "shop",
 * "customer": "acme" } }`.
 */
export const projectMapSchema = z.record(
  z.string().min(1),
  z.strictObject({
    project: z.string().min(1).max(255).optional(),
    customer: z.string().min(1).max(255).optional(),
  }),
);
