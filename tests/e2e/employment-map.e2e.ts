import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openBrowser, screenshot, seriousA11yViolations } from './support/browser.ts';

// A second server, this one with MAP_TILE_URL set, its tiles served by this test on 127.0.0.1
// (the shared e2e server has no tile server: employment.e2e.ts checks the list-only page there).
const root = fileURLToPath(new URL('../..', import.meta.url));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 256×256 map-paper tile: a light ground with a faint grid, so a screenshot shows the tiles. */
function tilePng(): Buffer {
  const size = 256;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const line = x % 64 === 0 || y % 64 === 0;
      const [r, g, b] = line ? [200, 214, 200] : [238, 243, 233];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function visit(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousA11yViolations(page, name), `axe on ${name}`).toEqual([]);
}

describe('service points on a map from a configured tile server (MAP_TILE_URL)', () => {
  let tiles: Server;
  let tileRequests = 0;
  let app: ChildProcess;
  let dataDir: string;
  let baseUrl: string;
  let output = '';

  beforeAll(async () => {
    const png = tilePng();
    tiles = createHttpServer((request, response) => {
      if (/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(request.url ?? '')) {
        tileRequests += 1;
        response.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
        response.end(png);
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
    const address = tiles.address();
    const tilePort = typeof address === 'object' && address ? address.port : 0;

    const port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'gongyou-e2e-map-'));
    app = spawn(process.execPath, ['bin/gongyou.js', 'serve'], {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'always',
        NODE_ENV: 'development',
        MAP_TILE_URL: `http://127.0.0.1:${tilePort}/tiles/{z}/{x}/{y}.png`,
        MAP_TILE_ATTRIBUTION: '测试底图',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (c: Buffer) => {
      output = (output + c.toString('utf8')).slice(-10_000);
    };
    app.stdout?.on('data', collect);
    app.stderr?.on('data', collect);
    baseUrl = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 110_000;
    for (;;) {
      if (app.exitCode !== null || Date.now() > deadline) {
        throw new Error(`the map server did not start:\n${output}`);
      }
      const ok = await fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  afterAll(async () => {
    if (app && app.exitCode === null) {
      const exited = new Promise<void>((resolve) => app.once('exit', () => resolve()));
      app.kill('SIGTERM');
      await exited;
    }
    await new Promise<void>((resolve) => (tiles ? tiles.close(() => resolve()) : resolve()));
    if (dataDir) {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('shows the nearby points and the person on the map above the list, on a phone', async () => {
    const session: BrowserSession = await openBrowser({ phone: true });
    try {
      const phone = session.page;
      await phone.goto(`${baseUrl}/index.html`);
      await phone.getByLabel('账号').fill('13985210001');
      await phone.getByLabel('密码').fill('gongyou-demo');
      await phone.getByRole('button', { name: '登录' }).click();
      await phone.getByRole('heading', { name: '我的服务' }).waitFor();

      await phone.goto(`${baseUrl}/service-points`);
      await phone.getByRole('option', { name: '磨憨' }).click();
      await phone.getByText(/共 \d+ 个服务站点/).waitFor();
      const list = phone.getByRole('list', { name: '附近的服务站点' });
      await list.getByText('磨憨镇就业服务站').waitFor();
      const listed = await list.getByRole('listitem').count();

      const map = phone.getByRole('region', { name: '附近服务站点地图' });
      await expect.poll(() => map.getAttribute('class')).toContain('leaflet-container');
      // One marker per listed point (named by the point), and the person's dot.
      await expect.poll(() => map.locator('.leaflet-marker-icon').count()).toBe(listed);
      await map.getByRole('button', { name: '磨憨镇就业服务站' }).waitFor();
      await map.locator('path.gy-map-me').waitFor();
      // Tiles came from the configured server and loaded; the attribution is shown.
      await expect
        .poll(() =>
          map
            .locator('img.leaflet-tile-loaded')
            .count()
            .then((n) => n > 0),
        )
        .toBe(true);
      expect(tileRequests).toBeGreaterThan(0);
      await map.getByText('测试底图').waitFor();
      // The marker images come from the bundle (vite inlines small ones), not from another host.
      const src = await map.locator('.leaflet-marker-icon').first().getAttribute('src');
      expect(src).toMatch(/^(data:image\/png;base64,|\/assets\/marker-icon)/);
      await visit(phone, 'employment-service-points-map');
    } finally {
      await session.close();
    }
  });

  it('shows the map of the service points in the console', async () => {
    const session = await openBrowser();
    try {
      const page = session.page;
      await page.goto(`${baseUrl}/admin`);
      await page.getByLabel('账号').fill('mengla-staff');
      await page.getByLabel('密码').fill('gongyou-demo');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByRole('navigation').getByRole('link', { name: '就业服务站点' }).click();
      await page.getByRole('cell', { name: /磨憨镇就业服务站/ }).waitFor();
      const map = page.getByRole('region', { name: '站点分布图' });
      await expect.poll(() => map.locator('.leaflet-marker-icon').count()).toBeGreaterThan(2);
      await expect
        .poll(() =>
          map
            .locator('img.leaflet-tile-loaded')
            .count()
            .then((n) => n > 0),
        )
        .toBe(true);
      await visit(page, 'employment-console-service-points-map');
    } finally {
      await session.close();
    }
  });
});
