import { availableParallelism } from 'node:os';
import { isIP } from 'node:net';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  ValidateBy,
  validateSync,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

/** Address classes proxy-addr (Fastify's `trustProxy`) knows by name. */
const PROXY_ADDRESS_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * `TRUST_PROXY`: `false` (the default: `X-Forwarded-For` is ignored), a hop count (`1`: the nearest proxy), or a
 * comma-separated list of proxy addresses and CIDR ranges (`10.0.0.0/8, 127.0.0.1`, or `loopback`).
 */
export type TrustProxy = false | number | string[];

const toTrustProxy = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (['false', 'off', 'no', '0'].includes(text.toLowerCase())) return false;
  if (/^\d+$/.test(text)) return Number(text);
  return toList({ value: text });
};

function isProxyAddress(entry: string): boolean {
  if (PROXY_ADDRESS_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const IsTrustProxy = () =>
  ValidateBy({
    name: 'isTrustProxy',
    validator: {
      validate: (value: unknown) =>
        value === false ||
        (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10) ||
        (Array.isArray(value) &&
          value.length > 0 &&
          value.every((entry) => typeof entry === 'string' && isProxyAddress(entry))),
      defaultMessage: () =>
        'must be false, a hop count (1-10) or a comma-separated list of proxy addresses or CIDR ranges ' +
        '(e.g. "10.0.0.0/8, 127.0.0.1", or "loopback"); "true" (trust any client) is not accepted',
    },
  });

/**
 * Every setting the service reads, typed and validated once at boot. Nothing else in `src/` reads
 * `process.env`: modules receive this object through dependency injection.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsString()
  HOST = '0.0.0.0';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** PostgreSQL connection string. Without it the service starts its embedded PostgreSQL. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  /** Comma-separated read replica URLs (TypeORM `replication`). */
  @Transform(toList)
  @IsString({ each: true })
  DATABASE_REPLICA_URLS: string[] = [];

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(500)
  DATABASE_POOL_SIZE = 20;

  /**
   * Register reads (the public lists, histories, statistics) that run at once on this instance; the others wait
   * their turn, up to DATABASE_CONNECT_TIMEOUT_MS. Keeps the rest of the pool for the workflow, and the database
   * server's cores for statements rather than for switching between them. The default, twice this machine's cores,
   * suits a database on the same machine (the embedded one); set it to about twice the database server's cores
   * otherwise. Above DATABASE_POOL_SIZE it is the pool that limits.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(500)
  DATABASE_READ_CONCURRENCY = 2 * availableParallelism();

  /** Milliseconds a request waits for a pooled connection before it fails with 503. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  DATABASE_CONNECT_TIMEOUT_MS = 5000;

  /** Milliseconds after which PostgreSQL cancels a statement. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  DATABASE_STATEMENT_TIMEOUT_MS = 30000;

  /** Apply pending migrations at start (under an advisory lock, so several instances may start together). */
  @Transform(toBoolean)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  /** Where the embedded PostgreSQL keeps its data (git-ignored). */
  @IsString()
  EMBEDDED_PG_DIR = '.data/postgres';

  /** Port of the embedded PostgreSQL; 0 picks a free one. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  EMBEDDED_PG_PORT = 0;

  /** Load the demo data set (README, "The seed story") when the database holds no organizations yet. */
  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean()
  SEED_DEMO_DATA?: boolean;

  /** Where the demo loader writes the tokens of its demo API keys (one per role). */
  @IsString()
  DEMO_TOKENS_FILE = '.data/demo-tokens.json';

  /** A token accepted as an ADMIN key: how the first real keys get created. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  AUTH_BOOTSTRAP_ADMIN_TOKEN?: string;

  /**
   * Keep accepting AUTH_BOOTSTRAP_ADMIN_TOKEN after an ADMIN API key exists. Off by default: once a real ADMIN key
   * is created, the bootstrap token gets 401.
   */
  @Transform(toBoolean)
  @IsBoolean()
  AUTH_BOOTSTRAP_ALWAYS = false;

  /**
   * Which peers may tell the client's address in `X-Forwarded-For` (Fastify's `trustProxy`): off by default, so a
   * client cannot choose the address its requests are counted against.
   */
  @Transform(toTrustProxy)
  @IsTrustProxy()
  TRUST_PROXY: TrustProxy = false;

  /** Milliseconds a client has to send a whole request, headers and body (408 beyond, then the connection closes). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  REQUEST_TIMEOUT_MS = 30_000;

  /** Milliseconds a client has to send the request line and headers (408 beyond); at most REQUEST_TIMEOUT_MS. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  REQUEST_HEADERS_TIMEOUT_MS = 10_000;

  /**
   * Milliseconds a connection may stay silent (nothing received or sent) before it is closed; 0 turns it off.
   * Longer than DATABASE_STATEMENT_TIMEOUT_MS, so a slow query still gets its answer.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  CONNECTION_TIMEOUT_MS = 120_000;

  /** Milliseconds an idle keep-alive connection is kept open between requests. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1000)
  @Max(600_000)
  KEEP_ALIVE_TIMEOUT_MS = 72_000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /**
   * `json` (one structured line per event, for log collectors) or `pretty` (readable lines for people, pino-pretty).
   * Unset: `pretty` in development on a terminal, else `json`.
   */
  @IsOptional()
  @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';

  /** Public address of this service, used in certificate QR codes and links. */
  @IsString()
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Largest JSON or form body accepted, in bytes (413 beyond); 1 MiB by default. Uploads: IMPORT_MAX_BYTES. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1024)
  @Max(104_857_600)
  BODY_LIMIT_BYTES = 1_048_576;

  /** Comma-separated origins of browser front ends allowed by CORS (e.g. `https://thiduakhenthuong.example.vn`); none by default. */
  @Transform(toList)
  @IsString({ each: true })
  CORS_ORIGINS: string[] = [];

  /** Rate limiting on or off; unset means on, except with NODE_ENV=test. Benchmarks set it to false. */
  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean()
  RATE_LIMIT_ENABLED?: boolean;

  /** Requests per minute from one client address without a token (public routes). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  RATE_LIMIT_PUBLIC_PER_MINUTE = 300;

  /** Requests per minute with one API key (bearer token). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  RATE_LIMIT_KEY_PER_MINUTE = 1200;

  /**
   * Failed authentications (401 to a request carrying a token) per minute from one client address; beyond it every
   * request with a token from that address gets 429 until the minute is over, so made-up tokens cannot be tried in
   * bulk (each would otherwise get a budget of its own).
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE = 20;

  /** Redis shared by every instance for the rate-limit counters; without it each instance counts on its own. */
  @IsOptional()
  @IsString()
  RATE_LIMIT_REDIS_URL?: string;

  /** Prefix of the rate-limit keys in Redis (several deployments may share one Redis). */
  @IsString()
  RATE_LIMIT_REDIS_PREFIX = 'awards-registry:rate-limit:';

  /** How long an `Idempotency-Key` is remembered, in hours. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(720)
  IDEMPOTENCY_TTL_HOURS = 24;

  /** On SIGTERM, how long in-flight requests may run before their connections are closed, in milliseconds. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(600_000)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /**
   * Milliseconds between two runs of the audit sealer, which chains committed audit events (hash chain);
   * 0 turns the timer off (events are then sealed on demand only).
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(60000)
  AUDIT_SEAL_INTERVAL_MS = 200;

  /** Largest file `POST /nominations/import` accepts, in bytes (413 beyond); 5 MiB by default. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1024)
  @Max(104_857_600)
  IMPORT_MAX_BYTES = 5_242_880;

  /** Most data rows one import file may hold (413 beyond): every row is checked and created in one transaction. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(100_000)
  IMPORT_MAX_ROWS = 2000;
}

export class ConfigValidationError extends Error {}

/** Reads and validates the configuration; throws a readable error naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // An empty variable means "not set"; `whitelist` drops every variable this class does not declare.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(AppConfig, present, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) {
    const lines = errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join(', ')}`);
    throw new ConfigValidationError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  if (config.REQUEST_HEADERS_TIMEOUT_MS > config.REQUEST_TIMEOUT_MS) {
    throw new ConfigValidationError(
      'Invalid configuration:\n  REQUEST_HEADERS_TIMEOUT_MS: must not be longer than REQUEST_TIMEOUT_MS',
    );
  }
  return config;
}
