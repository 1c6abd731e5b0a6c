export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "INVALID" | "CONFLICT";

/** A failure a user can be told about; anything else is a bug and is reported generically. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}
