import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { hashPassword } from '../../platform/auth/password.ts';
import { createFieldCrypto } from '../../platform/crypto.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { maskNationalId, nationalIdCheckChar } from '../../platform/identity.ts';

/**
 * `gongyou bench benefits`: a claim rush against two API processes on a real PostgreSQL.
 * Creates a scratch database, 2,000 members with accounts and sessions (by SQL, as a
 * migration tool would), an approved campaign, then sends 10,000 claims within seconds.
 * The second round kills one API process with SIGKILL halfway; clients retry what failed
 * on the other process with the same Idempotency-Key, as a mobile app would.
 */
export interface BenefitsBenchOptions {
  databaseUrl?: string;
  members?: number;
  requests?: number;
  vouchers?: number;
  concurrency?: number;
  log?: (line: string) => void;
}

interface RoundResult {
  name: string;
  requests: number;
  seconds: number;
  claimsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  created: number;
  replayed: number;
  refused: number;
  networkErrors: number;
  retried: number;
  issued: number;
  remaining: number;
  overLimit: number;
  ackedMissing: number;
  keyConflicts: number;
  ok: boolean;
}

const bin = fileURLToPath(new URL('../../../../bin/gongyou.js', import.meta.url));

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return 0;
  }
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function waitHealthy(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`API process on port ${port} exited with ${child.exitCode}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`API process on port ${port} did not become healthy`);
}

interface Reply {
  status: number;
  body: string;
  replayed: boolean;
}

function post(
  agent: http.Agent,
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': '0' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            replayed: res.headers['idempotent-replayed'] === 'true',
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export async function runBenefitsBench(options: BenefitsBenchOptions = {}) {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const adminUrl = options.databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const memberCount = options.members ?? 2000;
  const requestCount = options.requests ?? 10_000;
  const voucherCount = options.vouchers ?? 1000;
  const concurrency = options.concurrency ?? 256;
  const dbName = `gy_bench_${process.pid}_${Date.now().toString(36)}`;
  const url = withDatabase(adminUrl, dbName);
  const secret = randomBytes(32);
  const crypto = createFieldCrypto(secret);
  const dataDir = mkdtempSync(join(tmpdir(), 'gy-bench-'));
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const children: ChildProcess[] = [];
  try {
    log(`scratch database ${dbName}: migrating and creating ${memberCount} members…`);
    const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
    await database.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rootId = randomUUID();
    const cityId = randomUUID();
    const cityPath = `/${rootId}/${cityId}/`;
    await client.query(
      `insert into organisations (id, parent_id, path, depth, name, name_key, kind) values
       ($1, null, $2, 0, '压测总工会', 'ya ce', 'national'), ($3, $1, $4, 1, '压测市总工会', 'ya ce shi', 'city')`,
      [rootId, `/${rootId}/`, cityId, cityPath],
    );
    const passwordHash = await hashPassword(randomBytes(12).toString('hex'));
    const accountIds: string[] = [];
    const memberIds: string[] = [];
    const tokens: string[] = [];
    const cols = {
      a: [] as string[],
      u: [] as string[],
      m: [] as string[],
      cipher: [] as string[],
      hash: [] as string[],
      masked: [] as string[],
      token: [] as string[],
      phone: [] as string[],
    };
    for (let i = 0; i < memberCount; i++) {
      const accountId = randomUUID();
      const memberId = randomUUID();
      const first17 = `440604199${i % 10}0101${String(i).padStart(4, '0').slice(-3)}`;
      const id = `${first17}${nationalIdCheckChar(first17)}`;
      const token = randomBytes(32).toString('base64url');
      accountIds.push(accountId);
      memberIds.push(memberId);
      tokens.push(token);
      cols.a.push(accountId);
      cols.u.push(`bench-${i}`);
      cols.m.push(memberId);
      cols.cipher.push(crypto.encrypt(id));
      cols.hash.push(crypto.lookupHash(`${id}:${i}`));
      cols.masked.push(maskNationalId(id));
      cols.token.push(createHash('sha256').update(token).digest('base64url'));
      cols.phone.push(`139${String(i).padStart(8, '0')}`);
    }
    await client.query(
      `insert into accounts (id, username, display_name, password_hash)
       select a, u, u, $3 from unnest($1::uuid[], $2::text[]) as t(a, u)`,
      [cols.a, cols.u, passwordHash],
    );
    await client.query(
      `insert into role_grants (account_id, role, org_id) select a, 'member', $2 from unnest($1::uuid[]) as t(a)`,
      [cols.a, cityId],
    );
    await client.query(
      `insert into members (id, org_id, name, name_key, gender, ethnicity, phone, id_cipher, id_hash, id_masked, join_date, account_id)
       select m, $1, '压测会员', 'ya ce hui yuan', 'male', '汉族', p, c, h, k, '2015-01-01', a
       from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[]) as t(m, p, c, h, k, a)`,
      [cityId, cols.m, cols.phone, cols.cipher, cols.hash, cols.masked, cols.a],
    );
    await client.query(
      `insert into sessions (token_hash, account_id, expires_at)
       select t, a, now() + interval '1 day' from unnest($1::text[], $2::uuid[]) as x(t, a)`,
      [cols.token, cols.a],
    );

    async function createCampaign(name: string): Promise<string> {
      const id = randomUUID();
      await client.query(
        `insert into voucher_campaigns (id, org_id, org_path, name, face_value_fen, threshold_fen, total_count, remaining,
           per_member_limit, claim_starts_at, claim_ends_at, valid_from, valid_until, eligibility, status, created_by, approved_by, approved_at)
         values ($1, $2, $3, $4, 5000, 0, $5, $5, 1, now() - interval '1 minute', now() + interval '1 day',
           now() - interval '1 minute', now() + interval '30 days', $6, 'approved', $7, $8, now())`,
        [
          id,
          cityId,
          cityPath,
          name,
          voucherCount,
          JSON.stringify({
            orgIds: [cityId],
            orgPaths: [cityPath],
            tagsAny: [],
            tagsAll: [],
            minMembershipYears: 0,
          }),
          randomUUID(),
          randomUUID(),
        ],
      );
      return id;
    }

    const ports = [4700 + (process.pid % 200), 4950 + (process.pid % 40)];
    function startApi(port: number): ChildProcess {
      const child = spawn(process.execPath, [bin, 'serve'], {
        env: {
          ...process.env,
          DATABASE_URL: url,
          PORT: String(port),
          HOST: '127.0.0.1',
          SEED_DEMO: 'never',
          SECRET_KEY: secret.toString('base64'),
          DATA_DIR: dataDir,
          LOG_LEVEL: 'error',
          NODE_ENV: 'development',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
      return child;
    }
    let apis = ports.map((port) => ({ port, child: startApi(port) }));
    await Promise.all(apis.map((a) => waitHealthy(a.port, a.child)));
    log(`two API processes on 127.0.0.1:${ports.join(', ')}`);

    async function round(name: string, killHalfway: boolean): Promise<RoundResult> {
      const campaignId = await createCampaign(name);
      // Each member sends requests/members claims; the last reuses the first key (a retry).
      const perMember = Math.max(1, Math.round(requestCount / memberCount));
      const jobs: { member: number; key: string }[] = [];
      for (let r = 0; r < perMember; r++) {
        for (let m = 0; m < memberCount; m++) {
          const key = r === perMember - 1 && perMember > 1 ? `k-${m}-0-${name}` : `k-${m}-${r}-${name}`;
          jobs.push({ member: m, key });
        }
      }
      const total = Math.min(jobs.length, requestCount);
      const agents = new Map(
        apis.map((a) => [a.port, new http.Agent({ keepAlive: true, maxSockets: concurrency })]),
      );
      const latencies: number[] = [];
      const acked = new Map<string, string>(); // key → voucher id
      const outcome = { created: 0, replayed: 0, refused: 0, networkErrors: 0, retried: 0, keyConflicts: 0 };
      let next = 0;
      let killed = false;
      const started = performance.now();
      async function send(job: { member: number; key: string }, index: number) {
        const headers = { cookie: `gy_session=${tokens[job.member]}`, 'idempotency-key': job.key };
        const path = `/api/v1/voucher-campaigns/${campaignId}/claims`;
        let target = apis[index % apis.length]!;
        for (let attempt = 0; attempt < 5; attempt++) {
          if (killed && target === apis[0]) {
            target = apis[1]!;
          }
          const t0 = performance.now();
          try {
            const reply = await post(agents.get(target.port)!, target.port, path, headers);
            latencies.push(performance.now() - t0);
            if (reply.status === 201) {
              const voucherId = (JSON.parse(reply.body) as { id: string }).id;
              const before = acked.get(job.key);
              if (before && before !== voucherId) {
                outcome.keyConflicts++;
              }
              acked.set(job.key, voucherId);
              if (reply.replayed) {
                outcome.replayed++;
              } else {
                outcome.created++;
              }
            } else {
              outcome.refused++;
            }
            return;
          } catch {
            outcome.networkErrors++;
            outcome.retried++;
            target = apis[1]!;
          }
        }
      }
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < total) {
            const index = next++;
            if (killHalfway && !killed && index >= total / 2) {
              killed = true;
              apis[0]!.child.kill('SIGKILL');
              log(`  SIGKILL API process on port ${apis[0]!.port} after ${index} requests`);
            }
            await send(jobs[index]!, index);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      for (const agent of agents.values()) {
        agent.destroy();
      }
      const issued = Number(
        (await client.query(`select count(*)::int n from vouchers where campaign_id = $1`, [campaignId]))
          .rows[0].n,
      );
      const remaining = Number(
        (await client.query(`select remaining from voucher_campaigns where id = $1`, [campaignId])).rows[0]
          .remaining,
      );
      const overLimit = Number(
        (
          await client.query(
            `select count(*)::int n from (select member_id from vouchers where campaign_id = $1 group by member_id having count(*) > 1) x`,
            [campaignId],
          )
        ).rows[0].n,
      );
      const ackedIds = [...new Set(acked.values())];
      const present = Number(
        (await client.query(`select count(*)::int n from vouchers where id = any($1::uuid[])`, [ackedIds]))
          .rows[0].n,
      );
      latencies.sort((a, b) => a - b);
      const result: RoundResult = {
        name,
        requests: total,
        seconds: Math.round(seconds * 100) / 100,
        claimsPerSecond: Math.round(total / seconds),
        p50: Math.round(percentile(latencies, 50) * 10) / 10,
        p90: Math.round(percentile(latencies, 90) * 10) / 10,
        p99: Math.round(percentile(latencies, 99) * 10) / 10,
        max: Math.round((latencies[latencies.length - 1] ?? 0) * 10) / 10,
        ...outcome,
        issued,
        remaining,
        overLimit,
        ackedMissing: ackedIds.length - present,
        ok: false,
      };
      result.ok =
        (killHalfway ? issued <= voucherCount : issued === voucherCount) &&
        issued + remaining === voucherCount &&
        overLimit === 0 &&
        result.ackedMissing === 0 &&
        result.keyConflicts === 0;
      return result;
    }

    const results: RoundResult[] = [];
    log(`round 1: ${requestCount} claims by ${memberCount} members for ${voucherCount} vouchers`);
    results.push(await round('rush', false));
    log(`round 2: the same, one API process killed with SIGKILL halfway`);
    results.push(await round('rush-sigkill', true));
    apis = apis.filter((a) => a.child.exitCode === null && a.child.signalCode === null);
    await client.end();

    const header = [
      'round',
      'req',
      's',
      'claims/s',
      'p50 ms',
      'p90 ms',
      'p99 ms',
      'max ms',
      '201',
      'replay',
      'refused',
      'net err',
      'issued',
      'over limit',
      'acked missing',
      'ok',
    ];
    const rows = results.map((r) => [
      r.name,
      r.requests,
      r.seconds,
      r.claimsPerSecond,
      r.p50,
      r.p90,
      r.p99,
      r.max,
      r.created,
      r.replayed,
      r.refused,
      r.networkErrors,
      `${r.issued}/${voucherCount}`,
      r.overLimit,
      r.ackedMissing,
      r.ok ? 'yes' : 'NO',
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
    const line = (cells: (string | number)[]) =>
      cells.map((c, i) => String(c).padStart(widths[i]!)).join('  ');
    log('');
    log(line(header));
    for (const row of rows) {
      log(line(row));
    }
    log('');
    const summary = {
      bench: 'benefits',
      members: memberCount,
      vouchers: voucherCount,
      rounds: results,
      ok: results.every((r) => r.ok),
    };
    log(JSON.stringify(summary));
    return summary;
  } finally {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    }
    await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
