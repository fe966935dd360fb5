import { randomUUID } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arshjulet/core';
import { AnalysisModule, AnalysisPagesModule } from '@arshjulet/analysis';
import { AuditModule } from '@arshjulet/audit';
import { CycleModule, CyclePagesModule } from '@arshjulet/cycle';
import { DbModule } from '@arshjulet/db';
import { IndicatorsModule } from '@arshjulet/indicators';
import { FeedbackModule } from '@arshjulet/feedback';
import { NotifyModule } from '@arshjulet/notify';
import { AuthModule, OrgModule, OrgUnitsPagesModule, UsersPagesModule } from '@arshjulet/org';
import { ReportModule } from '@arshjulet/report';
import { NotificationPagesModule, WorkflowModule } from '@arshjulet/workflow';
import { TemplatePagesModule, TemplatesModule } from '@arshjulet/templates';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { ENTITIES } from './database/entities.js';
import { MIGRATIONS } from './database/migrations.js';
import { HealthModule } from './health/health.module.js';
import { HomeController } from './home.controller.js';
import { StaleImportPreviewsJob } from './jobs/stale-import-previews.job.js';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            transport: config.LOG_PRETTY ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } } : undefined,
            // Honour a caller's request id (load balancer, client) when it looks like one.
            genReqId: (request, response) => {
              const given = request.headers['x-request-id'];
              const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
              response.setHeader('X-Request-Id', id);
              return id;
            },
            // One line per request: what, who asked, how it went; never credentials or cookies.
            serializers: {
              req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, url: request.url }),
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
            },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (request) => request.url?.startsWith('/static/') ?? false },
          },
        }),
        ScheduleModule.forRoot(),
        DbModule.forRoot({ url: databaseUrl, entities: ENTITIES, migrations: MIGRATIONS, statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_SECONDS * 1000, poolSize: config.DB_POOL_SIZE }),
        AuditModule,
        NotifyModule,
        OrgModule,
        AuthModule,
        UsersPagesModule,
        OrgUnitsPagesModule,
        WorkflowModule,
        NotificationPagesModule,
        IndicatorsModule,
        CycleModule,
        CyclePagesModule,
        AnalysisModule,
        AnalysisPagesModule,
        TemplatesModule,
        TemplatePagesModule,
        ReportModule,
        FeedbackModule,
        HealthModule,
      ],
      controllers: [HomeController],
      providers: [{ provide: APP_CONFIG, useValue: config }, StaleImportPreviewsJob],
      exports: [APP_CONFIG],
    };
  }
}
