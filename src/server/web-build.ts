import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const webRoot = join(root, 'dist/web');
const sources = ['src/web', 'index.html', 'admin.html', 'vite.config.ts', 'public'];

function newestMtime(path: string): number {
  if (!existsSync(path)) {
    return 0;
  }
  const stat = statSync(path);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
}

/** True when dist/web is missing or older than any web source. */
export function isWebBuildStale(): boolean {
  const built = join(webRoot, 'index.html');
  if (!existsSync(built)) {
    return true;
  }
  const builtAt = statSync(built).mtimeMs;
  return sources.some((s) => newestMtime(join(root, s)) > builtAt);
}

/**
 * Builds the web app with Vite in a child process. `npm start` runs this beside the
 * server's start-up, so the API answers at once and the pages appear when the build is done.
 */
export function buildWeb(log: (message: string) => void): Promise<boolean> {
  return new Promise((resolve) => {
    log('building the web app (vite build)…');
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: root,
        // Pages are always built for production: vite keeps a NODE_ENV it inherits, and antd's
        // development and test builds differ (ids, warnings, class names).
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.on('exit', (code) => {
      log(
        code === 0
          ? `web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`
          : `web build failed (exit ${code})`,
      );
      resolve(code === 0);
    });
  });
}
