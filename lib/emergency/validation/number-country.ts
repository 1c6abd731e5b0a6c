/**
 * R13: E112 routes a call to the answering point of the caller's location, so a number's location
 * must be in the number's country; the same holds for E911. Numbers of a country with no emergency
 * regime need no location.
 */
export function locationCountryProblem(
  number: { e164: string; countryCode: string },
  locationCountryCode: string,
): string | null {
  if (number.countryCode === locationCountryCode) return null;
  return `${number.e164} is a ${number.countryCode} number: its emergency location must be in ${number.countryCode}, not ${locationCountryCode}`;
}
