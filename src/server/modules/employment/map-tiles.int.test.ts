import { afterAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';
import { readEnv } from '../../platform/env.ts';

const opened: Harness[] = [];
afterAll(async () => {
  await Promise.all(opened.map((h) => h.close()));
});

async function reference(env: Record<string, string> = {}) {
  const h = await createHarness({ env });
  opened.push(h);
  const res = await h.request(null, { method: 'GET', url: '/api/v1/employment/reference' });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('the map tile server (MAP_TILE_*)', () => {
  it('is null without MAP_TILE_URL, so the pages show lists only', async () => {
    expect((await reference()).map).toBeNull();
  });

  it('is given to anyone (maps are public) with its attribution, subdomains and zoom', async () => {
    const body = await reference({
      MAP_TILE_URL: 'https://t{s}.tianditu.example/vec_w/wmts?tk=KEY&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}',
      MAP_TILE_ATTRIBUTION: '© 天地图',
      MAP_TILE_SUBDOMAINS: '0,1,2,3',
      MAP_TILE_MAX_ZOOM: '17',
    });
    expect(body.map).toEqual({
      tileUrl: 'https://t{s}.tianditu.example/vec_w/wmts?tk=KEY&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}',
      attribution: '© 天地图',
      subdomains: ['0', '1', '2', '3'],
      maxZoom: 17,
    });
  });

  it('refuses at start a URL that is not a tile template, naming the variable', () => {
    expect(() => readEnv({ MAP_TILE_URL: 'https://tiles.example/map.png' })).toThrow(
      /MAP_TILE_URL: must contain/,
    );
    expect(() => readEnv({ MAP_TILE_URL: 'ftp://tiles.example/{z}/{x}/{y}.png' })).toThrow(/MAP_TILE_URL/);
    expect(() => readEnv({ MAP_TILE_URL: '/tiles/{z}/{x}/{y}.png', MAP_TILE_SUBDOMAINS: 'a b' })).toThrow(
      /MAP_TILE_SUBDOMAINS/,
    );
    expect(readEnv({ MAP_TILE_URL: '/tiles/{z}/{x}/{y}.png' }).MAP_TILE_URL).toBe('/tiles/{z}/{x}/{y}.png');
    // An empty variable is no tile server, not a bad one.
    expect(readEnv({ MAP_TILE_URL: '', MAP_TILE_SUBDOMAINS: '' }).MAP_TILE_URL).toBeUndefined();
  });
});
