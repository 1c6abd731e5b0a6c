import type { CellError } from "./read-workbook";

interface BandAt {
  minUsers: number;
  maxUsers: number | null;
  /** Where the band's users are written, for the error. */
  at: Omit<CellError, "message">;
}

const usersOf = (from: number, to: number) => (from === to ? `${from}` : `${from}–${to}`);

/**
 * R4 prices a PBX by the one band its user count falls in, so the bands must cover every count once:
 * from 1 user, each starting the user after the previous one ends, the last one open (“251+”). A gap
 * leaves a PBX that can be neither quoted nor approved; an overlap lets row order pick the price.
 */
export function bandSequenceErrors(bands: readonly BandAt[]): CellError[] {
  const errors: CellError[] = [];
  const sorted = [...bands].sort((a, b) => a.minUsers - b.minUsers);
  let nextUser = 1;
  for (const [i, band] of sorted.entries()) {
    if (nextUser === Infinity) {
      errors.push({
        ...band.at,
        message: `This band overlaps the open top band before it; only the last band is open.`,
      });
      continue;
    }
    if (band.minUsers !== nextUser) {
      const what =
        band.minUsers > nextUser
          ? `leaves PBXs of ${usersOf(nextUser, band.minUsers - 1)} users without a price`
          : `overlaps the band before it`;
      errors.push({ ...band.at, message: `This band ${what}: it should start at ${nextUser} users.` });
    }
    const last = i === sorted.length - 1;
    if (last && band.maxUsers !== null)
      errors.push({ ...band.at, message: `The top band must be open-ended, like “${band.minUsers}+”.` });
    nextUser = band.maxUsers === null ? Infinity : Math.max(nextUser, band.maxUsers + 1);
  }
  return errors;
}
