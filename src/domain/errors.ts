/**
 * The small error vocabulary of tokenledger. Domain code throws these; the
 * CLI and the HTTP server translate them at one boundary each.
 */
export class TokenledgerError extends Error {
  override readonly name: string = "TokenledgerError";
}

/** Input that does not fit its schema; `where` names the file, line or field. */
export class ValidationError extends TokenledgerError {
  override readonly name = "ValidationError";
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(where ? `${where}: ${message}` : message);
  }
}

/** A record that contradicts one already stored. */
export class ConflictError extends TokenledgerError {
  override readonly name = "ConflictError";
}

export class NotFoundError extends TokenledgerError {
  override readonly name = "NotFoundError";
}

/** A bad setting: a flag, an environment variable or a config file. */
export class ConfigError extends TokenledgerError {
  override readonly name = "ConfigError";
}

/** A file or stream that cannot be read. */
export class InputError extends TokenledgerError {
  override readonly name = "InputError";
}
