import { z } from 'zod';

// Configuration comes from the environment only, checked once at boot (STYLE.md rule 16).

/** An optional setting given as an empty string (`MAP_TILE_URL=`) counts as not set. */
const unsetIfBlank = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  SECRET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/=_-]{43,}$/, 'must be 32 bytes, base64')
    .optional(),
  SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(120),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  // Map tiles for the service-point maps (e.g. 天地图 or AMap in China); none = the list only.
  MAP_TILE_URL: unsetIfBlank(
    z
      .string()
      .trim()
      .regex(/^(https?:\/\/|\/)\S+$/, 'must be an http(s):// URL or a path on this server')
      .refine((v) => ['{z}', '{x}', '{y}'].every((p) => v.includes(p)), 'must contain {z}, {x} and {y}'),
  ),
  MAP_TILE_ATTRIBUTION: unsetIfBlank(z.string().trim().max(300)),
  MAP_TILE_SUBDOMAINS: unsetIfBlank(
    z
      .string()
      .trim()
      .regex(/^[\w-]+(,[\w-]+)*$/, 'must be a comma-separated list, e.g. 0,1,2,3'),
  ),
  MAP_TILE_MAX_ZOOM: z.coerce.number().int().min(1).max(22).default(18),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (parsed.data.NODE_ENV === 'production' && !parsed.data.SECRET_KEY) {
    throw new Error('Invalid configuration:\n  SECRET_KEY: required in production (32 random bytes, base64)');
  }
  return parsed.data;
}

export interface MapTiles {
  tileUrl: string;
  attribution: string | null;
  subdomains: string[];
  maxZoom: number;
}

/** The tile server the web maps use, or null when none is configured (the pages show lists). */
export function mapTilesOf(env: Env): MapTiles | null {
  if (!env.MAP_TILE_URL) {
    return null;
  }
  return {
    tileUrl: env.MAP_TILE_URL,
    attribution: env.MAP_TILE_ATTRIBUTION ?? null,
    subdomains: env.MAP_TILE_SUBDOMAINS?.split(',') ?? [],
    maxZoom: env.MAP_TILE_MAX_ZOOM,
  };
}
