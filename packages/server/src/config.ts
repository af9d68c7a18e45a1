import os from "node:os";
import path from "node:path";

/** Everything the server reads from the environment, in one place (README lists each). */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  production: boolean;
  demo: boolean;
  demoPassword: string | null;
  secretKey: string | null;
  bodyLimitBytes: number;
  uploadMaxBytes: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  secureCookies: boolean;
  trustProxy: boolean;
  webDist: string | null;
  rateLimitLoginPerMinute: number;
  rateLimitPublicFormsPerMinute: number;
  /**
   * Failed logins on one account within an hour, from all addresses together, after which the
   * account is locked until the administrator unlocks it (guessing stops; one address alone is
   * held up long before, see features/auth/throttle.ts).
   */
  loginAccountFailuresPerHour: number;
  passwordHashCost: number;
  smtpUrl: string | null;
  mailFrom: string;
  /** The address people reach the platform at, for links in e-mails. */
  publicBaseUrl: string;
  /** Run background jobs in this process (several instances may all run them). */
  jobs: boolean;
  /** How long a claimed job is held: past it, a job whose instance died is claimed again. */
  jobLeaseSeconds: number;
  /** Worker threads rendering PDF and DOCX forms (documents/pool.ts); by default one per core. */
  documentWorkers: number;
  /** PostgreSQL connections this instance may open (instances × this must fit max_connections). */
  databasePoolMax: number;
  /** On SIGTERM/SIGINT, how long requests in flight may take to finish before the instance exits. */
  shutdownGraceSeconds: number;
  /**
   * When set, `GET /metrics` requires `Authorization: Bearer <token>` from everyone; when not,
   * only direct loopback connections without proxy headers may read it.
   */
  metricsToken: string | null;
  /**
   * Uploaded and generated files in an S3-compatible object store (MinIO, Ceph RGW, OSS, OBS)
   * shared by every instance; null keeps them in the data folder (one instance only).
   */
  objectStore: ObjectStoreConfig | null;
};

export type ObjectStoreConfig = {
  /** The store's address; null for AWS S3 itself (the region picks the endpoint). */
  endpoint: string | null;
  bucket: string;
  region: string;
  /** Both null: the AWS SDK's usual credential chain (environment, profile, instance role). */
  accessKeyId: string | null;
  secretAccessKey: string | null;
};

function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`环境变量 ${name} 应为非负整数，当前为 "${raw}"`);
  return value;
}

/** A bearer token: absent, or long enough not to be guessed. */
function tokenEnv(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === "") return null;
  if (raw.length < 16 || /\s/.test(raw))
    throw new Error(`环境变量 ${name} 应为至少 16 个字符且不含空白的令牌`);
  return raw;
}

function boolEnv(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  return raw === "1" || raw.toLowerCase() === "true";
}

/** LINXUAN_S3_*: all unset means the local folder; a bucket means S3; anything half-given is refused. */
function objectStoreEnv(env: NodeJS.ProcessEnv): ObjectStoreConfig | null {
  const value = (name: string) => env[name]?.trim() || null;
  const endpoint = value("LINXUAN_S3_ENDPOINT");
  const bucket = value("LINXUAN_S3_BUCKET");
  const accessKeyId = value("LINXUAN_S3_ACCESS_KEY_ID");
  const secretAccessKey = value("LINXUAN_S3_SECRET_ACCESS_KEY");
  if (!bucket) {
    if (endpoint || accessKeyId || secretAccessKey)
      throw new Error("已设置 LINXUAN_S3_* 但缺少 LINXUAN_S3_BUCKET：使用对象存储须指定存储桶名称");
    return null;
  }
  if (endpoint && !/^https?:\/\/[^/]+/.test(endpoint))
    throw new Error(`环境变量 LINXUAN_S3_ENDPOINT 应为 http:// 或 https:// 开头的地址，当前为 "${endpoint}"`);
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
    throw new Error(
      "LINXUAN_S3_ACCESS_KEY_ID 与 LINXUAN_S3_SECRET_ACCESS_KEY 须同时设置（或都不设置，使用默认凭证）",
    );
  return {
    endpoint: endpoint ? endpoint.replace(/\/$/, "") : null,
    bucket,
    region: value("LINXUAN_S3_REGION") ?? "us-east-1",
    accessKeyId,
    secretAccessKey,
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const production = env.NODE_ENV === "production";
  // Both src/config.ts and the build, dist/cli.mjs, sit one folder below packages/server.
  const defaultWebDist = path.resolve(import.meta.dirname, "../../web/dist");
  return {
    port: intEnv(env, "PORT", 3000),
    host: env.HOST ?? "0.0.0.0",
    dataDir: path.resolve(env.LINXUAN_DATA_DIR ?? "./data"),
    databaseUrl: env.DATABASE_URL || null,
    production,
    // Demo data is never created in production, whatever LINXUAN_DEMO says.
    demo: !production && boolEnv(env, "LINXUAN_DEMO", true),
    demoPassword: env.LINXUAN_DEMO_PASSWORD || null,
    secretKey: env.LINXUAN_SECRET_KEY || null,
    bodyLimitBytes: intEnv(env, "LINXUAN_BODY_LIMIT_BYTES", 1_048_576),
    uploadMaxBytes: intEnv(env, "LINXUAN_UPLOAD_MAX_MB", 20) * 1_048_576,
    sessionIdleMinutes: intEnv(env, "LINXUAN_SESSION_IDLE_MINUTES", 30),
    sessionAbsoluteHours: intEnv(env, "LINXUAN_SESSION_ABSOLUTE_HOURS", 12),
    secureCookies: boolEnv(env, "LINXUAN_SECURE_COOKIES", production),
    trustProxy: boolEnv(env, "LINXUAN_TRUST_PROXY", false),
    webDist: env.LINXUAN_WEB_DIST === "" ? null : path.resolve(env.LINXUAN_WEB_DIST ?? defaultWebDist),
    rateLimitLoginPerMinute: intEnv(env, "LINXUAN_RATE_LIMIT_LOGIN", 20),
    rateLimitPublicFormsPerMinute: intEnv(env, "LINXUAN_RATE_LIMIT_PUBLIC_FORMS", 10),
    loginAccountFailuresPerHour: Math.max(20, intEnv(env, "LINXUAN_LOGIN_ACCOUNT_FAILURES_PER_HOUR", 100)),
    passwordHashCost: intEnv(env, "LINXUAN_SCRYPT_COST", 32768),
    smtpUrl: env.LINXUAN_SMTP_URL || null,
    mailFrom: env.LINXUAN_MAIL_FROM || "遴选平台 <noreply@linxuan.local>",
    publicBaseUrl: (env.LINXUAN_PUBLIC_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/$/, ""),
    jobs: boolEnv(env, "LINXUAN_JOBS", true),
    jobLeaseSeconds: Math.max(1, intEnv(env, "LINXUAN_JOB_LEASE_SECONDS", 120)),
    documentWorkers: Math.max(1, intEnv(env, "LINXUAN_DOCUMENT_WORKERS", os.availableParallelism())),
    databasePoolMax: Math.max(2, intEnv(env, "LINXUAN_DB_POOL_MAX", 10)),
    shutdownGraceSeconds: intEnv(env, "LINXUAN_SHUTDOWN_GRACE_SECONDS", 25),
    metricsToken: tokenEnv(env, "LINXUAN_METRICS_TOKEN"),
    objectStore: objectStoreEnv(env),
    ...overrides,
  };
}
