import { isValidPhoneNumber } from "libphonenumber-js/max";

/**
 * R14: is this number range valid? libphonenumber-js takes ~10-80 µs a number, too slow for
 * millions of rows, and its patterns constrain the leading digits and the length, not the
 * subscriber's last four digits: its verdict on one number of a range (all but the last four
 * digits, and the length) is the verdict on the range (docs/decisions/0014). The import asks
 * this only for the ranges a batch brings that its connection has no verdict for yet (the
 * verdicts are kept in SQL, docs/decisions/0026), so a file's rows are checked by a join, and
 * libphonenumber-js runs once per range. `sample` has already passed the E.164 format check.
 */
export function isValidNumberRange(sample: string): boolean {
  return isValidPhoneNumber(sample);
}
