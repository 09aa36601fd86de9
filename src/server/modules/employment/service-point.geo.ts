/**
 * The 15-minute service circle: straight-line (great-circle) distance, and the distance one
 * covers in N minutes. Speeds assumed: walking 5 km/h, e-bike 15 km/h (an urban average with
 * stops, below the 25 km/h legal top speed of GB 17761-2018). Pure.
 */
export const TRAVEL_MODES = ['walk', 'ebike'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

export const SPEED_KMH: Record<TravelMode, number> = { walk: 5, ebike: 15 };

const EARTH_RADIUS_M = 6_371_008.8;

export function haversineMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function reachMetres(minutes: number, mode: TravelMode): number {
  return (SPEED_KMH[mode] * 1000 * minutes) / 60;
}

export function minutesFor(metres: number, mode: TravelMode): number {
  return (metres / 1000 / SPEED_KMH[mode]) * 60;
}

/** A latitude/longitude box that contains the circle, for an index-friendly first filter in SQL. */
export function boundingBox(centre: { lat: number; lng: number }, metres: number) {
  const dLat = metres / 111_320;
  const cos = Math.max(0.01, Math.cos((centre.lat * Math.PI) / 180));
  const dLng = metres / (111_320 * cos);
  return {
    minLat: centre.lat - dLat,
    maxLat: centre.lat + dLat,
    minLng: centre.lng - dLng,
    maxLng: centre.lng + dLng,
  };
}

/** Points within reach, nearest first, each with its distance in whole metres. */
export function withinReach<T extends { lat: number; lng: number }>(
  points: readonly T[],
  centre: { lat: number; lng: number },
  metres: number,
): (T & { distanceMetres: number })[] {
  return points
    .map((p) => ({ ...p, distanceMetres: Math.round(haversineMetres(centre, p)) }))
    .filter((p) => p.distanceMetres <= metres)
    .sort((a, b) => a.distanceMetres - b.distanceMetres);
}
