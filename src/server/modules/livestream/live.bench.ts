import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { hashPassword } from '../../platform/auth/password.ts';
import { creditCodeCheckChar } from '../../platform/identity.ts';
import { rawRequest, runLoadInChild } from './live.load.ts';

/**
 * `gongyou bench live`: two API processes on one PostgreSQL (a scratch database), N SSE
 * viewers split across them, a pin's delivery latency, a sustained like rate with the final
 * count checked, and an application rate with nothing lost. Not a test: it prints figures.
 */
export interface LiveBenchOptions {
  databaseUrl?: string;
  viewers?: number;
  /** Seconds of sustained likes. */
  seconds?: number;
  likesPerSecond?: number;
  applicationsPerSecond?: number;
  applicationSeconds?: number;
  log?: (line: string) => void;
}

const bin = fileURLToPath(new URL('../../../../bin/gongyou.js', import.meta.url));

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function waitHealthy(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`API process on port ${port} exited with ${child.exitCode}`);
    }
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`API process on port ${port} did not become healthy`);
}

function request(
  agent: http.Agent,
  port: number,
  method: string,
  path: string,
  cookie: string | null,
  body?: unknown,
): Promise<{ status: number; body: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        agent,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

interface Viewer {
  socket: net.Socket;
  pins: number[];
  /** The last chunk that carried a `stats` event: parsed once at the end, not on every tick. */
  lastStats: string;
}

/**
 * One SSE viewer on a raw socket (no HTTP parser per chunk): only what the bench needs is
 * looked at — whether a chunk carries a `pin` event (timestamped on arrival) and the last
 * `stats` chunk. 5,000 of these share the bench process's one thread.
 */
function openViewer(port: number, sessionId: string, index: number): Promise<Viewer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const viewer: Viewer = { socket, pins: [], lastStats: '' };
    let opened = false;
    let head = '';
    let tail = '';
    socket.setEncoding('utf8');
    socket.once('connect', () => {
      socket.write(
        `GET /api/v1/live-sessions/${sessionId}/events?viewerId=bench-viewer-${index} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\naccept: text/event-stream\r\n\r\n`,
      );
    });
    socket.on('data', (chunk: string) => {
      const now = performance.now();
      if (chunk.includes('event: pin') || (tail + chunk.slice(0, 12)).includes('event: pin')) {
        viewer.pins.push(now);
      }
      if (chunk.includes('event: stats')) {
        viewer.lastStats = chunk;
      }
      tail = chunk.slice(-12);
      if (!opened) {
        head += chunk;
        if (head.length >= 12 && !head.startsWith('HTTP/1.1 200')) {
          reject(new Error(`viewer ${index}: ${head.slice(0, 40)}`));
          socket.destroy();
          return;
        }
        if (head.includes('event: snapshot')) {
          opened = true;
          head = '';
          resolve(viewer);
        }
      }
    });
    socket.on('error', (error) => {
      if (!opened) {
        reject(error);
      }
    });
  });
}

function lastLikes(viewer: Viewer): number | null {
  const all = [...viewer.lastStats.matchAll(/event: stats\ndata: \{[^}]*"likes":(\d+)/g)];
  const m = all[all.length - 1];
  return m ? Number(m[1]) : null;
}

export async function runLiveBench(options: LiveBenchOptions = {}) {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const adminUrl = options.databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const viewerCount = options.viewers ?? 5000;
  const likeSeconds = options.seconds ?? 60;
  const likeRate = options.likesPerSecond ?? 5000;
  const applyRate = options.applicationsPerSecond ?? 500;
  const applySeconds = options.applicationSeconds ?? 10;
  const dbName = `gy_live_bench_${process.pid}_${Date.now().toString(36)}`;
  const url = withDatabase(adminUrl, dbName);
  const dataDir = mkdtempSync(join(tmpdir(), 'gy-live-bench-'));
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const children: ChildProcess[] = [];
  const viewers: Viewer[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 96 });
  let client: pg.Client | null = null;
  try {
    const ports = [5100 + (process.pid % 300), 5450 + (process.pid % 300)];
    const startApi = (port: number) => {
      // GY_BENCH_CPU_PROF=<dir>: each API process writes a V8 CPU profile there when it exits.
      const profile = process.env.GY_BENCH_CPU_PROF;
      const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
      const child = spawn(process.execPath, [...flags, bin, 'serve'], {
        env: {
          ...process.env,
          DATABASE_URL: url,
          PORT: String(port),
          HOST: '127.0.0.1',
          SEED_DEMO: 'never',
          DATA_DIR: dataDir,
          LOG_LEVEL: 'error',
          NODE_ENV: 'development',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
      return child;
    };
    // The first process migrates the scratch database; the second starts on the migrated schema.
    const first = startApi(ports[0]!);
    await waitHealthy(ports[0]!, first);
    const second = startApi(ports[1]!);
    await waitHealthy(ports[1]!, second);
    log(`two API processes on 127.0.0.1:${ports.join(', ')} (database ${dbName})`);

    // Accounts and sessions are written directly (argon2 for thousands of sign-ins would measure argon2).
    client = new pg.Client({ connectionString: url });
    await client.connect();
    const rootId = randomUUID();
    const cityId = randomUUID();
    await client.query(
      `insert into organisations (id, parent_id, path, depth, name, name_key, kind) values
       ($1, null, $2, 0, '压测总工会', 'ya ce', 'national'), ($3, $1, $4, 1, '压测市总工会', 'ya ce shi', 'city')`,
      [rootId, `/${rootId}/`, cityId, `/${rootId}/${cityId}/`],
    );
    const passwordHash = await hashPassword(randomBytes(12).toString('hex'));
    const applicantCount = 100;
    const tokens: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i <= applicantCount; i++) {
      ids.push(randomUUID());
      tokens.push(randomBytes(32).toString('base64url'));
    }
    await client.query(
      `insert into accounts (id, username, display_name, password_hash)
       select a, 'live-bench-' || n, '压测' || n, $2 from unnest($1::uuid[]) with ordinality as t(a, n)`,
      [ids, passwordHash],
    );
    await client.query(
      `insert into role_grants (account_id, role, org_id)
       select a, case when n = 1 then 'union_staff' else 'job_seeker' end, $2 from unnest($1::uuid[]) with ordinality as t(a, n)`,
      [ids, cityId],
    );
    await client.query(
      `insert into sessions (token_hash, account_id, expires_at)
       select t, a, now() + interval '1 day' from unnest($1::text[], $2::uuid[]) as x(t, a)`,
      [tokens.map((t) => createHash('sha256').update(t).digest('base64url')), ids],
    );
    const staff = `gy_session=${tokens[0]}`;
    const applicants = tokens.slice(1).map((t) => `gy_session=${t}`);
    const [p1, p2] = ports as [number, number];

    const ok = async (res: Promise<{ status: number; body: string }>, status: number) => {
      const r = await res;
      if (r.status !== status) {
        throw new Error(`setup: expected ${status}, got ${r.status}: ${r.body.slice(0, 300)}`);
      }
      return JSON.parse(r.body) as Record<string, unknown>;
    };
    const body17 = `91330206${randomBytes(5)
      .toString('hex')
      .toUpperCase()
      .replace(/[IOSVZ]/g, '1')
      .slice(0, 9)}`;
    const employer = await ok(
      request(agent, p1, 'POST', '/api/v1/employers', staff, {
        orgId: cityId,
        name: '压测汽车零部件有限公司',
        creditCode: `${body17}${creditCodeCheckChar(body17)}`,
        industry: '汽车制造',
        city: '宁波市',
      }),
      201,
    );
    await ok(
      request(agent, p1, 'POST', `/api/v1/employers/${employer.id}/verification`, staff, {
        verification: 'verified',
      }),
      200,
    );
    const jobCount = Math.max(1, Math.ceil((applyRate * applySeconds) / applicantCount));
    const jobIds: string[] = [];
    for (let i = 0; i < jobCount; i++) {
      const job = await ok(
        request(agent, p1, 'POST', '/api/v1/jobs', staff, {
          employerId: employer.id,
          title: `装配工${i + 1}号岗`,
          trade: '装配工',
          city: '宁波市',
          description: '汽车零部件装配。',
          salaryMin: 6000,
          salaryMax: 8000,
          headcount: 10_000,
        }),
        201,
      );
      jobIds.push(String(job.id));
    }
    const now = Date.now();
    const session = await ok(
      request(agent, p1, 'POST', '/api/v1/live-sessions', staff, {
        title: '压测直播',
        orgIds: [cityId],
        scheduledStart: new Date(now).toISOString(),
        scheduledEnd: new Date(now + 3_600_000).toISOString(),
        jobIds,
        segments: [{ kind: 'job-intro', title: '岗位介绍' }],
      }),
      201,
    );
    const sessionId = String(session.id);
    await ok(request(agent, p1, 'POST', `/api/v1/live-sessions/${sessionId}/start`, staff, {}), 200);

    // ── viewers ──
    const connectStart = performance.now();
    const batch = 200;
    for (let i = 0; i < viewerCount; i += batch) {
      const opened = await Promise.all(
        Array.from({ length: Math.min(batch, viewerCount - i) }, (_, k) =>
          openViewer((i + k) % 2 === 0 ? p1 : p2, sessionId, i + k),
        ),
      );
      viewers.push(...opened);
    }
    const connectSeconds = (performance.now() - connectStart) / 1000;
    log(`${viewers.length} SSE viewers connected in ${connectSeconds.toFixed(1)} s`);
    await new Promise((r) => setTimeout(r, 1500));

    // ── pin ──
    const pinRounds = 3;
    const latencies: number[] = [];
    let within1s = 0;
    for (let round = 0; round < pinRounds; round++) {
      const before = viewers.map((v) => v.pins.length);
      const sentAt = performance.now();
      await ok(
        request(agent, p1, 'POST', `/api/v1/live-sessions/${sessionId}/pins`, staff, {
          jobId: jobIds[round % jobIds.length],
        }),
        201,
      );
      await new Promise((r) => setTimeout(r, 2000));
      for (const [i, v] of viewers.entries()) {
        const at = v.pins[before[i]!];
        if (at !== undefined) {
          const ms = at - sentAt;
          latencies.push(ms);
          within1s += ms <= 1000 ? 1 : 0;
        } else {
          latencies.push(Number.POSITIVE_INFINITY);
        }
      }
    }
    latencies.sort((a, b) => a - b);
    const pin = {
      deliveries: latencies.length,
      within1sShare: Math.round((within1s / latencies.length) * 10_000) / 100,
      p50: Math.round(percentile(latencies, 50)),
      p95: Math.round(percentile(latencies, 95)),
      p99: Math.round(percentile(latencies, 99)),
    };
    log(`pin: ${pin.within1sShare}% of ${pin.deliveries} deliveries within 1 s (${pinRounds} pins)`);

    // ── likes ──
    const likesBefore = Number(
      (await client.query('select likes from live_sessions where id = $1', [sessionId])).rows[0]?.likes ?? 0,
    );
    // Likes come from a load generator in a child process: raw pipelined HTTP/1.1 on keep-alive
    // connections, alternating between the two API processes (live.load.ts).
    const likeLoad = await runLoadInChild({
      ports,
      texts: [rawRequest('POST', `/api/v1/live-sessions/${sessionId}/likes`, {})],
      rate: likeRate,
      seconds: likeSeconds,
      connectionsPerPort: 16,
      maxInFlight: 128,
    });
    const accepted = likeLoad.statuses['202'] ?? 0;
    const refused = likeLoad.sent - accepted;
    const sent = likeLoad.sent;
    const likeElapsed = likeLoad.seconds;
    const lateTicks = likeLoad.maxLagMs;
    await new Promise((r) => setTimeout(r, 1500));
    const likesAfter = Number(
      (await client.query('select likes from live_sessions where id = $1', [sessionId])).rows[0]?.likes ?? 0,
    );
    const likes = {
      sent,
      accepted,
      refused,
      seconds: Math.round(likeElapsed * 10) / 10,
      achievedPerSecond: Math.round(accepted / likeElapsed),
      counted: likesAfter - likesBefore,
      exact: likesAfter - likesBefore === accepted,
      latencyMs: likeLoad.latencyMs,
      maxSenderLagMs: likeLoad.maxLagMs,
      viewersSawFinalCount: 0,
    };
    await new Promise((r) => setTimeout(r, 1500));
    likes.viewersSawFinalCount = viewers.filter((v) => lastLikes(v) === likesAfter).length;
    log(
      `likes: ${accepted} accepted in ${likes.seconds} s (${likes.achievedPerSecond}/s), counted ${likes.counted} — ${likes.exact ? 'exact' : 'MISMATCH'}${lateTicks ? ` (sender behind schedule for up to ${lateTicks} ms)` : ''}`,
    );

    // ── applications ──
    const pairs: { cookie: string; jobId: string }[] = [];
    for (const jobId of jobIds) {
      for (const cookie of applicants) {
        pairs.push({ cookie, jobId });
      }
    }
    const target = Math.min(pairs.length, applyRate * applySeconds);
    const applyLoad = await runLoadInChild({
      ports,
      texts: pairs
        .slice(0, target)
        .map((pair) =>
          rawRequest(
            'POST',
            `/api/v1/live-sessions/${sessionId}/applications`,
            { cookie: pair.cookie },
            { jobId: pair.jobId },
          ),
        ),
      rate: applyRate,
      seconds: 3600,
      total: target,
      connectionsPerPort: 16,
      maxInFlight: 64,
    });
    const created = applyLoad.statuses['201'] ?? 0;
    const failed = applyLoad.sent - created;
    const failures = new Map(
      Object.entries(applyLoad.statuses)
        .filter(([status]) => status !== '201')
        .map(([status, n]) => [Number(status), n]),
    );
    if (applyLoad.errors) {
      failures.set(0, applyLoad.errors);
    }
    const issued = applyLoad.sent;
    const applyElapsed = applyLoad.seconds;
    const stored = await client.query(
      `select (select count(*)::int from live_applications where session_id = $1) as live,
              (select count(*)::int from applications where job_id = any($2::uuid[])) as employment`,
      [sessionId, jobIds],
    );
    const row = stored.rows[0] as { live: number; employment: number };
    const applications = {
      sent: issued,
      created,
      failed,
      failures: Object.fromEntries(failures),
      seconds: Math.round(applyElapsed * 10) / 10,
      achievedPerSecond: Math.round(created / applyElapsed),
      latencyMs: applyLoad.latencyMs,
      storedInEmployment: row.employment,
      attributedToSession: row.live,
      noneLost: row.employment === created && row.live === created,
    };
    log(
      `applications: ${created} created in ${applications.seconds} s (${applications.achievedPerSecond}/s); stored ${row.employment}, attributed ${row.live} — ${applications.noneLost ? 'none lost' : 'LOST SOME'}`,
    );

    const summary = {
      bench: 'live',
      processes: 2,
      database: 'postgresql',
      viewers: viewers.length,
      connectSeconds: Math.round(connectSeconds * 10) / 10,
      pin,
      likes,
      applications,
      targets: {
        pinWithin1s99: pin.within1sShare >= 99,
        likesExact: likes.exact && likes.achievedPerSecond >= likeRate * 0.95,
        applicationsNoneLost: applications.noneLost && applications.achievedPerSecond >= applyRate * 0.95,
      },
    };
    log('');
    log('| measure | value |');
    log('| --- | --- |');
    log(`| SSE viewers (2 processes) | ${viewers.length}, connected in ${summary.connectSeconds} s |`);
    log(
      `| pin delivered within 1 s | ${pin.within1sShare}% (p50 ${pin.p50} ms, p95 ${pin.p95} ms, p99 ${pin.p99} ms) |`,
    );
    log(
      `| likes | ${likes.accepted} at ${likes.achievedPerSecond}/s for ${likes.seconds} s, counted ${likes.counted} (${likes.exact ? 'exact' : 'mismatch'}) |`,
    );
    log(
      `| viewers whose last stats showed the final count | ${likes.viewersSawFinalCount} / ${viewers.length} |`,
    );
    log(
      `| applications | ${applications.created} at ${applications.achievedPerSecond}/s, ${applications.noneLost ? 'none lost' : 'some lost'} |`,
    );
    log(JSON.stringify(summary));
    return summary;
  } finally {
    for (const v of viewers) {
      v.socket.destroy();
    }
    agent.destroy();
    await client?.end().catch(() => undefined);
    for (const child of children) {
      child.kill('SIGTERM');
    }
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null) {
              resolve();
              return;
            }
            const t = setTimeout(() => {
              c.kill('SIGKILL');
              resolve();
            }, 5000);
            c.on('exit', () => {
              clearTimeout(t);
              resolve();
            });
          }),
      ),
    );
    await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
