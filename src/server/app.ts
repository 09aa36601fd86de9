import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { createBenefitsModule } from './modules/benefits/index.ts';
import { createEmploymentModule } from './modules/employment/index.ts';
import { createLivestreamModule } from './modules/livestream/index.ts';
import { createOrgModule } from './modules/org/index.ts';
import { type AccessRule, installGuard } from './platform/auth/guard.ts';
import { createSessionCache } from './platform/auth/session-cache.ts';
import type { Clock } from './platform/clock.ts';
import type { FieldCrypto } from './platform/crypto.ts';
import { type Database, ping } from './platform/db/database.ts';
import { type Env, mapTilesOf } from './platform/env.ts';
import { AppError, registerErrors } from './platform/errors.ts';
import { installProblemHandlers } from './platform/http/problem.ts';
import { platformErrors } from './platform/platform.errors.ts';
import type { RealtimeBus } from './platform/realtime/bus.ts';
import { type Scheduler, startPeriodicJobs } from './platform/scheduler.ts';
import { webRoot } from './web-build.ts';

export interface AppDeps {
  env: Env;
  database: Database;
  clock: Clock;
  crypto: FieldCrypto;
  /** Real-time fan-out across API processes (PostgreSQL LISTEN/NOTIFY); closed by whoever made it. */
  bus: RealtimeBus;
  /** Serve the built web app from dist/web (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean;
}

export interface App {
  server: FastifyInstance;
  modules: {
    org: ReturnType<typeof createOrgModule>;
    benefits: ReturnType<typeof createBenefitsModule>;
    employment: ReturnType<typeof createEmploymentModule>;
    livestream: ReturnType<typeof createLivestreamModule>;
  };
  accessRules: AccessRule[];
}

// Shown while `npm start` is still building the pages; refreshes itself.
const BUILDING_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>工友 Gongyou</title></head>
<body style="font-family:sans-serif;display:grid;place-items:center;height:90vh;color:#333">
<div><h1>工友 · 正在准备界面</h1><p>首次启动需要构建网页，请稍候，本页会自动刷新。</p>
<p lang="en">Gongyou is building its pages for the first start; this page refreshes by itself.</p></div></body></html>`;

/** Builds the whole application without listening, so tests can use `inject` (STYLE.md, fastify/demo). */
/** Vouchers past their validity turn `expired` within this long (views show them so at once). */
const VOUCHER_EXPIRY_EVERY_MS = 5 * 60_000;
const EVENT_PRUNE_EVERY_MS = 60 * 60_000;
/** Stored live events serve Last-Event-ID replays only (the state itself is in tables). */
const EVENT_RETENTION_MS = 7 * 24 * 3_600_000;

export async function buildApp(deps: AppDeps): Promise<App> {
  registerErrors(platformErrors);
  const { env, database, clock, crypto } = deps;
  const server = Fastify({
    logger:
      deps.logger === false
        ? false
        : { level: env.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: env.NODE_ENV === 'production',
  });
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  server.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installProblemHandlers(server);

  await server.register(cookie);
  await server.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  await server.register(rateLimit, { global: false });
  await server.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gongyou 工友 API',
        version: '1.0.0',
        description:
          'Service platform for trade unions. Errors are RFC 9457 problem+json with a stable `code`.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gy_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await server.register(swaggerUi, { routePrefix: '/api/docs' });

  // Resolved sessions are kept for 2 s per process; sign-out and role changes drop them everywhere (bus).
  const sessionCache = createSessionCache({ bus: deps.bus, clock: () => clock.now().getTime() });
  server.addHook('onClose', async () => {
    sessionCache.close();
  });
  const org = createOrgModule({
    db: database.db,
    clock,
    crypto,
    sessionCache,
    auth: {
      sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
      sessionMaxHours: env.SESSION_MAX_HOURS,
      maxFailures: env.LOGIN_MAX_FAILURES,
      lockMinutes: env.LOGIN_LOCK_MINUTES,
      loginRatePerMinute: env.LOGIN_RATE_PER_MINUTE,
      cookieSecure:
        env.COOKIE_SECURE === 'true' || (env.COOKIE_SECURE === 'auto' && env.NODE_ENV === 'production'),
    },
  });
  const accessRules = installGuard(server, { db: database.db, sessions: sessionCache.wrap(org.sessions) });

  server.get('/api/health', { schema: { hide: true } }, async () => {
    await ping(database.db);
    return { status: 'ok', db: database.kind, time: clock.now().toISOString() };
  });
  server.get('/api/openapi.json', { schema: { hide: true } }, async () => server.swagger());

  org.routes(server);
  const benefits = createBenefitsModule({ db: database.db, clock, crypto, org, bus: deps.bus });
  benefits.routes(server);
  const employment = createEmploymentModule({
    db: database.db,
    clock,
    org,
    cookie: {
      secure: env.COOKIE_SECURE === 'true' || (env.COOKIE_SECURE === 'auto' && env.NODE_ENV === 'production'),
      maxAgeSeconds: env.SESSION_MAX_HOURS * 3600,
    },
    bus: deps.bus,
    log: server.log,
    mapTiles: mapTilesOf(env),
  });
  employment.routes(server);
  org.organisations.onMoved(employment.onOrganisationMoved);
  org.organisations.onMoved(benefits.onOrganisationMoved);
  // The matching index is built in the background once the server listens (tests build it on first use).
  server.addHook('onListen', async () => {
    employment.matching.warm();
  });
  server.addHook('onClose', async () => {
    employment.matching.close();
  });
  const livestream = createLivestreamModule({
    db: database.db,
    clock,
    bus: deps.bus,
    org,
    employment,
    log: server.log,
  });
  livestream.routes(server);
  org.organisations.onMoved(livestream.onOrganisationMoved);

  // Housekeeping in every serving process; each job is one conditional statement, safe to run
  // in several processes at once.
  let scheduler: Scheduler | null = null;
  server.addHook('onListen', async () => {
    scheduler = startPeriodicJobs(
      [
        {
          name: 'benefits.expire-vouchers',
          everyMs: VOUCHER_EXPIRY_EVERY_MS,
          run: () => benefits.campaigns.expireDue(),
        },
        {
          name: 'realtime.prune-events',
          everyMs: EVENT_PRUNE_EVERY_MS,
          run: () => deps.bus.prune(new Date(clock.now().getTime() - EVENT_RETENTION_MS)),
        },
      ],
      server.log,
    );
  });
  server.addHook('onClose', async () => {
    await scheduler?.stop();
  });

  if (deps.serveWeb) {
    mkdirSync(webRoot, { recursive: true });
    await server.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: true, index: false });
    // Client-side routes: /admin/* is the console, everything else the worker app.
    const sendPage = (url: string, reply: FastifyReply) => {
      const page = url.startsWith('/admin') ? 'admin.html' : 'index.html';
      if (!existsSync(join(webRoot, page))) {
        return reply.type('text/html; charset=utf-8').send(BUILDING_PAGE);
      }
      return reply.sendFile(page);
    };
    server.get('/', { schema: { hide: true } }, (request, reply) => sendPage(request.url, reply));
    server.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/') || request.method !== 'GET') {
        throw new AppError('platform/not-found');
      }
      return sendPage(request.url, reply);
    });
  } else {
    server.setNotFoundHandler(() => {
      throw new AppError('platform/not-found');
    });
  }

  await server.ready();
  return { server, modules: { org, benefits, employment, livestream }, accessRules };
}
