import { describe, expect, it } from 'vitest';
import {
  isPriorityOrigin,
  keywordsOf,
  normalizeCity,
  normalizeProvince,
  splitList,
} from './employment.text.ts';
import { provinceCodeOf } from './registration.service.ts';
import { boundingBox, haversineMetres, minutesFor, reachMetres, withinReach } from './service-point.geo.ts';

describe('service circle geometry', () => {
  it('measures great-circle distance', () => {
    // 磨憨 to 勐腊: about 35 km in a straight line.
    const d = haversineMetres({ lat: 21.19, lng: 101.69 }, { lat: 21.48, lng: 101.56 });
    expect(d).toBeGreaterThan(34_000);
    expect(d).toBeLessThan(36_000);
    expect(haversineMetres({ lat: 29.87, lng: 121.55 }, { lat: 29.87, lng: 121.55 })).toBe(0);
  });

  it('turns minutes into metres at 5 km/h walking and 15 km/h by e-bike', () => {
    expect(reachMetres(15, 'walk')).toBe(1250);
    expect(reachMetres(15, 'ebike')).toBe(3750);
    expect(minutesFor(3750, 'ebike')).toBeCloseTo(15);
  });

  it('keeps the points inside the circle, nearest first, with whole metres', () => {
    const centre = { lat: 21.2, lng: 101.6 };
    const points = [
      { id: 'far', lat: 21.48, lng: 101.56 },
      { id: 'near', lat: 21.205, lng: 101.603 },
      { id: 'mid', lat: 21.22, lng: 101.61 },
    ];
    const hits = withinReach(points, centre, 3750);
    expect(hits.map((h) => h.id)).toEqual(['near', 'mid']);
    expect(Number.isInteger(hits[0]!.distanceMetres)).toBe(true);
    const box = boundingBox(centre, 3750);
    for (const h of hits) {
      expect(h.lat).toBeGreaterThanOrEqual(box.minLat);
      expect(h.lng).toBeLessThanOrEqual(box.maxLng);
    }
  });
});

describe('employment text', () => {
  it('normalises cities and provinces', () => {
    expect(normalizeCity('宁波市')).toBe('宁波');
    expect(normalizeCity('宁波')).toBe('宁波');
    expect(normalizeCity('沙市')).toBe('沙市');
    expect(normalizeProvince('贵州省')).toBe('贵州');
    expect(normalizeProvince('广西壮族自治区')).toBe('广西');
    expect(normalizeProvince('黔')).toBe('贵州');
  });

  it('marks priority origins by province', () => {
    expect(isPriorityOrigin('贵州省', ['贵州'])).toBe(true);
    expect(isPriorityOrigin('贵州', ['黔'])).toBe(true);
    expect(isPriorityOrigin('云南省', ['贵州'])).toBe(false);
    expect(isPriorityOrigin(null, ['贵州'])).toBe(false);
  });

  it('splits list cells and query keywords', () => {
    expect(splitList('包吃住、五险一金,夜班补贴')).toEqual(['包吃住', '五险一金', '夜班补贴']);
    expect(keywordsOf('ＣＮＣ  数控')).toEqual(['cnc', '数控']);
  });

  it('finds a province code by name, short name or code', () => {
    expect(provinceCodeOf('贵州')).toBe('520000');
    expect(provinceCodeOf('贵州省')).toBe('520000');
    expect(provinceCodeOf('52')).toBe('520000');
    expect(provinceCodeOf('火星')).toBeNull();
  });
});
