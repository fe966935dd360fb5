import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@arshjulet/core';
import { AppModule } from './app.module.js';
import { configureApp } from './configure-app.js';

/** Builds and initialises the HTTP app (migrations and reference data run during init). */
export async function createHttpApp(config: AppConfig, databaseUrl: string): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, databaseUrl }), {
    bufferLogs: true,
    abortOnError: false,
    // Kept so the edge can see a form's %-escapes before the lenient form parser decodes them (edge/).
    rawBody: true,
  });
  configureApp(app, config);
  await app.init();
  return app;
}
