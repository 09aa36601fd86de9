import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';
import { isNull } from 'drizzle-orm';
import { organisations } from './modules/org/org.tables.ts';
import { resolveScope } from './platform/auth/scope.ts';
import { systemContext } from './platform/service-context.ts';
import { startRuntime } from './runtime.ts';
import { seedDemo } from './seed/seed.ts';
import { buildWeb, isWebBuildStale } from './web-build.ts';

const program = new Command();
program.name('gongyou').description('Gongyou 工友 — service platform for trade unions');

program
  .command('serve')
  .description('Run the API and the web app (embedded PGlite unless DATABASE_URL is set)')
  .option(
    '--build-web',
    'build the web app first when its sources are newer than dist/web (in parallel with start-up)',
  )
  .action(async (options: { buildWeb?: boolean }) => {
    if (options.buildWeb && isWebBuildStale()) {
      // Not awaited: the API starts meanwhile and the pages show a "building" notice until done.
      void buildWeb((m) => process.stdout.write(`  ${m}\n`));
    }
    const runtime = await startRuntime({ serveWeb: true });
    const { env, database, app } = runtime;
    const shouldSeed =
      env.SEED_DEMO === 'always' || (env.SEED_DEMO === 'auto' && env.NODE_ENV !== 'production');
    if (shouldSeed) {
      const { seeded } = await seedDemo(app, database, (line) => process.stdout.write(`  ${line}\n`));
      if (seeded) {
        app.server.log.info('demo data seeded (accounts use the password gongyou-demo)');
      }
    }
    const address = await app.server.listen({ port: env.PORT, host: env.HOST });
    const shown = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
    process.stdout.write(
      `\n  Gongyou 工友 is running (${database.kind})\n  Worker app:  ${shown}/\n  Console:     ${shown}/admin\n  API docs:    ${shown}/api/docs\n\n`,
    );
    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) {
        return;
      }
      closing = true;
      app.server.log.info({ signal }, 'shutting down');
      await runtime.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  });

program
  .command('migrate')
  .description('Apply database migrations and exit')
  .action(async () => {
    const runtime = await startRuntime({ logger: false });
    await runtime.close();
    process.stdout.write('migrations applied\n');
  });

program
  .command('seed')
  .description('Load the demo data into an empty database')
  .action(async () => {
    const runtime = await startRuntime({ logger: false });
    const { seeded } = await seedDemo(runtime.app, runtime.database, (line) =>
      process.stdout.write(`${line}\n`),
    );
    await runtime.close();
    process.stdout.write(seeded ? 'demo data seeded\n' : 'database not empty: nothing seeded\n');
  });

/** The CLI acts as the whole federation (the root organisation), as a system operator would. */
async function rootScope(
  runtime: Awaited<ReturnType<typeof startRuntime>>,
  permission: 'member:import' | 'member:export' | 'employment:import' | 'employment:export',
) {
  const rows = await runtime.database.db
    .select({ id: organisations.id, path: organisations.path })
    .from(organisations)
    .where(isNull(organisations.parentId));
  const root = rows[0];
  if (!root) {
    throw new Error(
      'The database has no organisations yet: run `gongyou seed` or import organisations first.',
    );
  }
  return resolveScope([{ role: 'union_staff', orgId: root.id, orgPath: root.path, orgName: '' }], permission);
}

const importCommand = program.command('import').description('Import records from a file');
importCommand
  .command('members')
  .argument('<file>', '.xlsx or .csv with the columns of the member template')
  .option('--valid-rows-only', 'import the valid rows even when some rows have errors')
  .action(async (file: string, options: { validRowsOnly?: boolean }) => {
    const runtime = await startRuntime({ logger: false });
    try {
      const scope = await rootScope(runtime, 'member:import');
      const report = await runtime.app.modules.org.members.importFile(
        systemContext('cli'),
        scope,
        { data: await readFile(file), filename: basename(file) },
        { validRowsOnly: options.validRowsOnly === true, locale: 'zh-CN' },
      );
      for (const e of report.errors) {
        process.stdout.write(`row ${e.row}\t${e.field}\t${e.message}\n`);
      }
      process.stdout.write(
        `${report.total} rows: ${report.imported} imported, ${report.rejected} rejected\n`,
      );
      process.exitCode = report.rejected > 0 && report.imported === 0 ? 1 : 0;
    } finally {
      await runtime.close();
    }
  });

/** Employment imports keep new employers / profiles at an organisation named with --org (default: the root). */
async function employmentImport(
  kind: 'jobs' | 'workers',
  file: string,
  options: { org?: string; validRowsOnly?: boolean; visible?: boolean },
) {
  const runtime = await startRuntime({ logger: false });
  try {
    const scope = await rootScope(runtime, 'employment:import');
    const rows = await runtime.database.db
      .select({ id: organisations.id, name: organisations.name, parentId: organisations.parentId })
      .from(organisations);
    const home = options.org
      ? rows.find((o) => o.name === options.org)
      : rows.find((o) => o.parentId === null);
    if (!home) {
      throw new Error(`No organisation named ${options.org ?? '(root)'}`);
    }
    const ctx = systemContext('cli');
    const input = { data: await readFile(file), filename: basename(file) };
    const common = {
      orgId: home.id,
      validRowsOnly: options.validRowsOnly === true,
      locale: 'zh-CN' as const,
    };
    const transfer = runtime.app.modules.employment.transfer;
    const report =
      kind === 'jobs'
        ? await transfer.importJobs(ctx, scope, input, common)
        : await transfer.importProfiles(ctx, scope, input, { ...common, visible: options.visible === true });
    for (const e of report.errors) {
      process.stdout.write(`row ${e.row}\t${e.field}\t${e.message}\n`);
    }
    process.stdout.write(`${report.total} rows: ${report.imported} imported, ${report.rejected} rejected\n`);
    process.exitCode = report.rejected > 0 && report.imported === 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}

importCommand
  .command('jobs')
  .argument('<file>', '.xlsx / .csv with the job template headers, or .jsonl in the match-dev dataset format')
  .option('--org <name>', 'organisation that serves employers not yet registered (default: the root)')
  .option('--valid-rows-only', 'import the valid rows even when some rows have errors')
  .action((file: string, options: { org?: string; validRowsOnly?: boolean }) =>
    employmentImport('jobs', file, options),
  );

importCommand
  .command('workers')
  .argument(
    '<file>',
    '.xlsx / .csv with the profile template headers, or .jsonl in the match-dev dataset format',
  )
  .option('--org <name>', 'organisation where the profiles are kept (default: the root)')
  .option('--valid-rows-only', 'import the valid rows even when some rows have errors')
  .option('--visible', 'make the imported profiles visible to employers (hidden by default)')
  .action((file: string, options: { org?: string; validRowsOnly?: boolean; visible?: boolean }) =>
    employmentImport('workers', file, options),
  );

const exportCommand = program.command('export').description('Export records to a file');
exportCommand
  .command('members')
  .argument('<file>', 'the .xlsx file to write')
  .action(async (file: string) => {
    const runtime = await startRuntime({ logger: false });
    try {
      const scope = await rootScope(runtime, 'member:export');
      const data = await runtime.app.modules.org.members.exportFile(systemContext('cli'), scope, {});
      await writeFile(file, data);
      process.stdout.write(`wrote ${file}\n`);
    } finally {
      await runtime.close();
    }
  });

// Benchmarks: one `bench` parent command, one subcommand per module.
const benchCommand = program
  .command('bench')
  .description('Measure a module against its targets (not a test)');
benchCommand
  .command('benefits')
  .description(
    'Claim rush on two API processes against a real PostgreSQL (creates and drops a scratch database)',
  )
  .option('--database-url <url>', 'PostgreSQL server to use', 'postgres://postgres@127.0.0.1:5432/postgres')
  .action(async (options: { databaseUrl: string }) => {
    const { runBenefitsBench } = await import('./modules/benefits/index.ts');
    const summary = await runBenefitsBench({ databaseUrl: options.databaseUrl });
    process.exitCode = summary.ok ? 0 : 1;
  });
benchCommand
  .command('live')
  .description(
    'Recruitment livestream on two API processes: SSE viewers, pin latency, sustained likes, applications (scratch database)',
  )
  .option('--database-url <url>', 'PostgreSQL server to use', 'postgres://postgres@127.0.0.1:5432/postgres')
  .option('--viewers <n>', 'concurrent SSE viewers', '5000')
  .option('--seconds <n>', 'seconds of sustained likes', '60')
  .option('--likes-per-second <n>', 'like rate', '5000')
  .option('--applications-per-second <n>', 'application rate', '500')
  .option('--application-seconds <n>', 'seconds of applications', '10')
  .action(
    async (options: {
      databaseUrl: string;
      viewers: string;
      seconds: string;
      likesPerSecond: string;
      applicationsPerSecond: string;
      applicationSeconds: string;
    }) => {
      const { runLiveBench } = await import('./modules/livestream/index.ts');
      const summary = await runLiveBench({
        databaseUrl: options.databaseUrl,
        viewers: Number(options.viewers),
        seconds: Number(options.seconds),
        likesPerSecond: Number(options.likesPerSecond),
        applicationsPerSecond: Number(options.applicationsPerSecond),
        applicationSeconds: Number(options.applicationSeconds),
      });
      process.exitCode = Object.values(summary.targets).every(Boolean) ? 0 : 1;
    },
  );

benchCommand
  .command('match')
  .description(
    'Matching engine against orama, minisearch, flexsearch and PostgreSQL full-text search on one seeded synthetic corpus',
  )
  .option('--jobs <n>', 'postings in the corpus', '100000')
  .option('--workers <n>', 'worker profiles in the corpus', '1000000')
  .option('--seed <n>', 'corpus seed', '42')
  .option('--database-url <url>', 'PostgreSQL server for the full-text peer (scratch database, dropped)')
  .option('--queries <n>', 'queries per direction', '1000')
  .option('--peer-queries <n>', 'queries per direction for the peers (default: all, 200 above 200k profiles)')
  .option(
    '--engines <list>',
    'peers to run, comma-separated: orama,minisearch,flexsearch,postgres (default: all)',
  )
  .action(
    async (options: {
      jobs: string;
      workers: string;
      seed: string;
      databaseUrl?: string;
      queries: string;
      peerQueries?: string;
      engines?: string;
    }) => {
      const { runMatchingCli } = await import('./modules/matching/index.ts');
      process.exitCode = await runMatchingCli([
        'bench',
        'match',
        '--jobs',
        options.jobs,
        '--workers',
        options.workers,
        '--seed',
        options.seed,
        '--queries',
        options.queries,
        ...(options.peerQueries ? ['--peer-queries', options.peerQueries] : []),
        ...(options.engines ? ['--engines', options.engines] : []),
        ...(options.databaseUrl ? ['--database-url', options.databaseUrl] : []),
      ]);
    },
  );

// Matching: offline commands on files, no server and no database (the library is loaded on demand).
const matchCommand = program
  .command('match')
  .description('Matching engine: evaluation and job-fair allocation');
matchCommand
  .command('eval')
  .description(
    'NDCG@10, MAP and Recall@20 of the engine and a plain BM25 baseline on DIR (jobs.jsonl, workers.jsonl, qrels.tsv)',
  )
  .argument('<dir>', 'dataset directory in the match-dev format')
  .option('--run <file>', "also write the engine's rankings in TREC run format")
  .action(async (dir: string, options: { run?: string }) => {
    const { runMatchingCli } = await import('./modules/matching/index.ts');
    process.exitCode = await runMatchingCli([
      'match',
      'eval',
      dir,
      ...(options.run ? ['--run', options.run] : []),
    ]);
  });
matchCommand
  .command('allocate')
  .description(
    'Allocate a job fair in DIR (jobs.jsonl, workers.jsonl[, applications.jsonl]): deferred acceptance and the welfare optimum',
  )
  .argument('<dir>', 'directory of the event')
  .action(async (dir: string) => {
    const { runMatchingCli } = await import('./modules/matching/index.ts');
    process.exitCode = await runMatchingCli(['match', 'allocate', dir]);
  });

exportCommand
  .command('jobs')
  .argument('<file>', 'the .xlsx file to write')
  .action(async (file: string) => {
    const runtime = await startRuntime({ logger: false });
    try {
      const root = await runtime.app.modules.org.organisations.root();
      if (!root) {
        throw new Error('The database has no organisations yet: run `gongyou seed` first.');
      }
      // The CLI acts as union staff at the root, as a system operator would.
      const ctx = {
        ...systemContext('cli'),
        actor: {
          accountId: '00000000-0000-4000-8000-000000000000',
          username: 'cli',
          displayName: 'cli',
          sessionId: 'cli',
          memberId: null,
          grants: [{ role: 'union_staff' as const, orgId: root.id, orgPath: root.path, orgName: root.name }],
        },
      };
      await writeFile(file, await runtime.app.modules.employment.transfer.exportJobs(ctx));
      process.stdout.write(`wrote ${file}\n`);
    } finally {
      await runtime.close();
    }
  });

await program.parseAsync(process.argv);
