/**
 * The URL of the one map tile (slippy-map scheme, as OpenStreetMap-style servers serve them) that
 * holds a point, from a `{z}/{x}/{y}` template; null without a template, so nothing is requested.
 */
export function mapTileUrl(
  template: string | undefined,
  latitude: number,
  longitude: number,
  zoom = 16,
): string | null {
  if (!template) return null;
  const n = 2 ** zoom;
  const x = Math.floor(((longitude + 180) / 360) * n);
  const rad = (latitude * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return template.replace("{z}", String(zoom)).replace("{x}", String(x)).replace("{y}", String(y));
}
