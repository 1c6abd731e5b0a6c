/**
 * A generous bounding box per country (the seed's countries, the UK and the US), enough to catch a
 * swapped latitude/longitude or a site typed into the wrong country. Overseas territories with their
 * own country code (e.g. Réunion) are their own entries; the US box covers Alaska and Hawaii, Spain's
 * the Canary Islands.
 */
export interface BoundingBox {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

export const BOUNDING_BOXES: Record<string, BoundingBox> = {
  AT: { minLat: 46.37, maxLat: 49.02, minLon: 9.53, maxLon: 17.17 },
  BE: { minLat: 49.49, maxLat: 51.51, minLon: 2.54, maxLon: 6.41 },
  CA: { minLat: 41.67, maxLat: 83.12, minLon: -141.01, maxLon: -52.61 },
  DE: { minLat: 47.27, maxLat: 55.06, minLon: 5.86, maxLon: 15.05 },
  ES: { minLat: 27.63, maxLat: 43.8, minLon: -18.17, maxLon: 4.34 },
  FR: { minLat: 41.33, maxLat: 51.13, minLon: -5.15, maxLon: 9.57 },
  GB: { minLat: 49.86, maxLat: 60.87, minLon: -8.66, maxLon: 1.77 },
  IT: { minLat: 35.48, maxLat: 47.1, minLon: 6.62, maxLon: 18.53 },
  NL: { minLat: 50.75, maxLat: 53.56, minLon: 3.35, maxLon: 7.23 },
  US: { minLat: 18.9, maxLat: 71.4, minLon: -179.24, maxLon: -66.93 },
};

export function inLatitudeRange(latitude: number): boolean {
  return Number.isFinite(latitude) && latitude >= -90 && latitude <= 90;
}

export function inLongitudeRange(longitude: number): boolean {
  return Number.isFinite(longitude) && longitude >= -180 && longitude <= 180;
}

/** True when the point is inside the country's box, or when no box is known for the country. */
export function insideCountry(countryCode: string, latitude: number, longitude: number): boolean {
  const box = BOUNDING_BOXES[countryCode];
  if (!box) return true;
  return latitude >= box.minLat && latitude <= box.maxLat && longitude >= box.minLon && longitude <= box.maxLon;
}
