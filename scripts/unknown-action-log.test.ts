import { afterEach, expect, it, vi } from "vitest";
import { summarizeUnknownActionWarnings } from "./unknown-action-log";

afterEach(() => vi.useRealTimers());

it("turns Next's unknown-action stacks into one counted line and lets every other warning through", () => {
  vi.useFakeTimers();
  const passedThrough: unknown[][] = [];
  const previous = console.warn;
  console.warn = (...args: unknown[]) => void passedThrough.push(args);
  const lines: string[] = [];
  const restore = summarizeUnknownActionWarnings(60_000, (line) => lines.push(line));
  try {
    for (let i = 0; i < 3; i++)
      console.warn(
        new Error('Failed to find Server Action "7f01". This request might be from an older or newer deployment.'),
      );
    console.warn(new Error("The Server Reference ID did not match the expected format."));
    console.warn(new Error("Something else broke"));
    console.warn("a plain warning");
    expect(lines).toEqual([]);
    vi.advanceTimersByTime(60_000);
    expect(lines).toEqual(["[classound] 4 request(s) named a server action that does not exist (answered 404)"]);
    expect(passedThrough.map((args) => (args[0] instanceof Error ? args[0].message : args[0]))).toEqual([
      "Something else broke",
      "a plain warning",
    ]);
  } finally {
    restore();
    console.warn = previous;
  }
});
