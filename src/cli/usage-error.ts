import { TokenledgerError } from "../domain/errors.js";

/** The command line itself is wrong: a flag, an argument, a missing value. */
export class UsageError extends TokenledgerError {
  override readonly name = "UsageError";
}
