import { Transform } from 'class-transformer';
import { toInt } from '../http/query-transforms.js';
import { IsTrustProxy } from './trust-proxy.js';
import { IsBoolean, IsEmail, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';

const toNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/** Every environment setting the app reads, validated once at start-up. */
export class EnvDto {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = './.data';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT?: number;

  /**
   * Without DATABASE_URL and with NODE_ENV=production the app refuses to start, unless this is true: then it runs the
   * embedded PostgreSQL in DATA_DIR (generated password, no managed backups) and says so at start-up.
   */
  @Transform(toBool)
  @IsBoolean()
  EMBEDDED_DB_IN_PRODUCTION = false;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'SESSION_SECRET must be at least 32 characters' })
  SESSION_SECRET?: string;

  /** Idle timeout of a web session (rolling); fractions allowed so tests can use a few seconds. */
  @Transform(toNumber)
  @IsNumber()
  @Min(1 / 60)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES = 8 * 60;

  /** Absolute lifetime of a web session from login, however busy; then the user signs in again. */
  @Transform(toNumber)
  @IsNumber()
  @Min(1 / 24)
  @Max(90)
  SESSION_MAX_DAYS = 7;

  /** Failed logins allowed per account within LOGIN_WINDOW_MINUTES before it is locked for the rest of the window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LIMIT_PER_ACCOUNT = 5;

  /** Login attempts allowed per client IP within LOGIN_WINDOW_MINUTES (an office behind one NAT shares it). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LIMIT_PER_IP = 50;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  LOGIN_WINDOW_MINUTES = 15;

  /**
   * Whose `X-Forwarded-For`/`-Proto` to believe (client address for login limits, https for the Secure cookie):
   * off, a hop count, or proxy addresses/CIDRs. Off by default, so a client cannot forge its address.
   */
  @IsTrustProxy()
  TRUST_PROXY = 'off';

  /** The administrator created on the first start with an empty user table. */
  @IsEmail({}, { message: 'FIRST_ADMIN_EMAIL must be an e-mail address' })
  FIRST_ADMIN_EMAIL = 'admin@arshjulet.local';

  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Årshjulet <noreply@arshjulet.local>';

  @IsString()
  @Matches(/^[A-Za-z_]+\/[A-Za-z_]+$/, { message: 'TZ must be an IANA time zone such as Europe/Stockholm' })
  TZ = 'Europe/Stockholm';

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'APP_BASE_URL must be an http(s) URL' })
  APP_BASE_URL?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toBool)
  @IsBoolean()
  LOG_PRETTY = Boolean(process.stdout.isTTY);

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'KOLADA_BASE_URL must be an http(s) URL' })
  KOLADA_BASE_URL?: string;

  /** Largest indicator import file accepted (upload, CLI, Kolada answer), in MB; larger ones are refused at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(2048)
  INDICATOR_IMPORT_MAX_MB = 100;

  // What an .xlsx import may unpack to: a zip packs 1 GB of text into a few MB, so the packed size alone is no bound.
  /** The one worksheet read (streamed), in MB unpacked. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(4096)
  INDICATOR_IMPORT_XLSX_MAX_SHEET_MB = 512;

  /** The shared strings part (`xl/sharedStrings.xml`, held in memory while the sheet is read), in MB unpacked. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1024)
  INDICATOR_IMPORT_XLSX_MAX_SHARED_STRINGS_MB = 64;

  /** Distinct texts (shared strings) in a workbook. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  INDICATOR_IMPORT_XLSX_MAX_SHARED_STRINGS = 1_000_000;

  /** Rows of the worksheet read (Excel's own maximum is 1 048 576). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  INDICATOR_IMPORT_XLSX_MAX_ROWS = 1_048_576;

  /** Cells of the worksheet read (a full long-layout sheet of 9 columns is some 9.4 million). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  INDICATOR_IMPORT_XLSX_MAX_CELLS = 10_000_000;

  /**
   * Longest a single SQL statement of request work may run (PostgreSQL `statement_timeout`), in seconds; a runaway
   * plan then fails with 503 instead of holding a connection and a core for minutes. Fractions allowed for tests.
   */
  @Transform(toNumber)
  @IsNumber()
  @Min(0.1)
  @Max(3600)
  DB_STATEMENT_TIMEOUT_SECONDS = 30;

  /**
   * Connections in this instance's database pool. Requests beyond it queue for a free connection; every instance
   * holds its own, so N instances use N × this of PostgreSQL's `max_connections`.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  DB_POOL_SIZE = 10;

  /** The explicit, bounded budget per statement of an import commit (a million values take ~30 s to write). */
  @Transform(toNumber)
  @IsNumber()
  @Min(0.1)
  @Max(3600)
  IMPORT_STATEMENT_TIMEOUT_SECONDS = 600;

  /**
   * Import the demo figures (reference/demo) when `npm start` finds no indicator values. When unset, true in
   * development and false otherwise (see loadConfig): tests and production never get demo data by accident.
   */
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO = false;

  /** Run the outbox worker (mail and in-app notifications) in this process. When unset: on, except in tests. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  OUTBOX_WORKER?: boolean;

  /** How often the outbox worker looks for messages to deliver, in seconds. */
  @Transform(toNumber)
  @IsNumber()
  @Min(0.05)
  @Max(3600)
  OUTBOX_POLL_SECONDS = 5;

  /** Delivery attempts before a message becomes a dead letter (admins can retry it). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  OUTBOX_MAX_ATTEMPTS = 8;

  /** Wait before the first retry, in seconds; it doubles per attempt (with jitter), capped at 6 hours. */
  @Transform(toNumber)
  @IsNumber()
  @Min(0.01)
  @Max(86400)
  OUTBOX_RETRY_SECONDS = 30;

  /** How long a claimed message stays reserved for the worker delivering it; after a crash, another takes it then. */
  @Transform(toNumber)
  @IsNumber()
  @Min(0.5)
  @Max(3600)
  OUTBOX_LEASE_SECONDS = 120;

  /** Run the daily sweep at 06:00 Europe/Stockholm in this process. When unset: on, except in tests. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SCHEDULER?: boolean;

  /** Import previews never saved are discarded by the daily sweep after this many days. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  IMPORT_PREVIEW_RETENTION_DAYS = 7;

  /** The Chromium (or Chrome) executable that prints reports to PDF; without one, PDF requests answer 503. */
  @IsString()
  CHROMIUM_PATH = '/usr/bin/chromium';

  /** How long one PDF may take to print, in seconds. */
  @Transform(toNumber)
  @IsNumber()
  @Min(1)
  @Max(600)
  REPORT_PDF_TIMEOUT_SECONDS = 60;

  /** A theme is a common denominator ("gemensam nämnare") of the county report when at least this many delregions chose it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  REPORT_COMMON_THEME_MIN = 4;

  /** Published county reports can be read without signing in (their stable address, PDF and XLSX). */
  @Transform(toBool)
  @IsBoolean()
  PUBLISHED_REPORTS_PUBLIC = false;
}
