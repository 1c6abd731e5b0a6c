import { isValidPhoneNumber } from "libphonenumber-js/max";

const E164 = /^\+[1-9]\d{6,14}$/;
const MEMO_LIMIT = 200_000;
const memo = new Map<string, boolean>();

/**
 * R14: a valid E.164 number. libphonenumber-js takes ~10-80 µs a number, too slow for millions of
 * rows, and its patterns constrain the leading digits and the length, not the subscriber's last
 * four digits: the answer is memoised per number range (all but the last four digits, and the
 * length), so a file's calls to and from the same ranges are checked once (docs/decisions/0014).
 */
export function isValidE164(value: string): boolean {
  if (!E164.test(value)) return false;
  const range = value.slice(0, -4) + value.length;
  let valid = memo.get(range);
  if (valid === undefined) {
    valid = isValidPhoneNumber(value);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(range, valid);
  }
  return valid;
}
