import { currentRequestId } from "./request-context";

export type LogLevel = "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

/** An error as JSON can carry it: JSON.stringify writes `{}` for an Error. */
function errorFields(error: Error): LogFields {
  const { code } = error as { code?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(code === undefined ? {} : { code }),
    stack: error.stack,
    ...(error.cause === undefined
      ? {}
      : { cause: error.cause instanceof Error ? errorFields(error.cause) : error.cause }),
  };
}

const replacer = (_key: string, value: unknown) =>
  value instanceof Error ? errorFields(value) : typeof value === "bigint" ? value.toString() : value;

/**
 * One JSON object per line: `time`, `level`, `msg`, the request id of the request being served (when
 * there is one), then the fields. Errors anywhere in the fields keep their stack.
 */
export function formatLogLine(level: LogLevel, msg: string, fields: LogFields = {}, now = new Date()): string {
  const requestId = currentRequestId();
  return `${JSON.stringify({ time: now.toISOString(), level, msg, ...(requestId ? { requestId } : {}), ...fields }, replacer)}\n`;
}

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** A logger writing to `write` (stdout by default: the platform collects it, twelve-factor style). */
export function createLogger(write: (line: string) => void = (line) => void process.stdout.write(line)): Logger {
  const at = (level: LogLevel) => (msg: string, fields?: LogFields) => write(formatLogLine(level, msg, fields));
  return { info: at("info"), warn: at("warn"), error: at("error") };
}

export const log = createLogger();
