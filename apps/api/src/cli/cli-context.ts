import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig, RequestContext } from '@arshjulet/core';
import { resolveDatabase, ResolvedDatabase } from '@arshjulet/db';
import { AppModule } from '../app.module.js';
import { runningAppUrl } from '../running-app.js';

/** The app without HTTP, for one CLI command: same modules, same services, same database. */
export class CliContext {
  private constructor(
    readonly app: INestApplicationContext,
    readonly config: AppConfig,
    private readonly database: ResolvedDatabase,
  ) {}

  static async open(): Promise<CliContext> {
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
    // Links a command prints (user:invite) point at the app running beside it, whatever port it serves on.
    env.APP_BASE_URL ??= runningAppUrl(env.DATA_DIR ?? './.data') ?? undefined;
    const config = loadConfig(env);
    process.env.TZ = config.TZ;
    // Beside a running `npm start` this uses the app's embedded PostgreSQL; alone it starts one for the command.
    const database = await resolveDatabase(config, { role: 'cli', notice: (message) => console.error(message) });
    try {
      const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, databaseUrl: database.url }), {
        logger: ['error', 'warn'],
        abortOnError: false,
      });
      return new CliContext(app, config, database);
    } catch (error) {
      await database.embedded?.stop();
      throw error;
    }
  }

  /** Acts as the CLI user: an administrator at the terminal. */
  ctx(): RequestContext {
    return RequestContext.system('cli');
  }

  /** Stops the embedded server only if this command started it; a running app's server keeps serving. */
  async close(): Promise<void> {
    await this.app.close();
    await this.database.embedded?.stop();
  }
}

/** Runs `work` with an open context and always closes it; errors print as one line and exit 1. */
export async function withCli(work: (cli: CliContext) => Promise<void>): Promise<void> {
  const cli = await CliContext.open();
  try {
    await work(cli);
  } finally {
    await cli.close();
  }
}
