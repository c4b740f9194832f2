export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'duplicate'
  | 'conflict'
  | 'db_open'
  | 'db_too_new'
  | 'import'
  /** Another connection (an import) holds the database; the same call may be tried again later. */
  | 'busy'
  | 'unknown_method'
  /** The browser shell does not know this browser (any more): open the launch address again. */
  | 'session'
  | 'internal';

/** An error meant for the user: a code for programs, a Dutch message for people, and the field it concerns. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** Messages per field, when several fields are wrong at once. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorValue {
  code: ErrorCode;
  message: string;
  field?: string;
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorValue };
