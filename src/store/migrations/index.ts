import { initial } from "./001-initial.js";
import { importFiles } from "./002-import-files.js";
import type { Migration } from "./migration.js";

/** Every schema step, oldest first. Add a new file and list it here. */
export const MIGRATIONS: readonly Migration[] = Object.freeze([
  initial,
  importFiles,
]);
