// Next.js prints a warning with a full stack for every POST that names a server action it does not
// know (a tab from an older deployment, a probe, the hostile-input sweep). It already answers 404, so
// the stacks are noise that buries real errors: count them and print one line a minute instead.
const UNKNOWN_ACTION = /^(Failed to find Server Action|The Server Reference ID did not match)/;

export function summarizeUnknownActionWarnings(
  intervalMs = 60_000,
  write: (line: string) => void = (line) => process.stderr.write(line + "\n"),
) {
  const original = console.warn;
  let count = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (count) write(`[classound] ${count} request(s) named a server action that does not exist (answered 404)`);
    count = 0;
    timer = undefined;
  };
  console.warn = (...args: unknown[]) => {
    if (args.length === 1 && args[0] instanceof Error && UNKNOWN_ACTION.test(args[0].message)) {
      count++;
      timer ??= setTimeout(flush, intervalMs).unref();
      return;
    }
    original.apply(console, args);
  };
  return () => {
    if (timer) clearTimeout(timer);
    flush();
    console.warn = original;
  };
}
