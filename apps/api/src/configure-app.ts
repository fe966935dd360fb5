import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, parseTrustProxy } from '@arshjulet/core';
import { configureViewEngine } from '@arshjulet/web';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { rejectHostileBody, rejectHostileUrl } from './edge/hostile-input.middleware.js';
import { ProblemDetailsFilter } from './errors/problem-details.filter.js';
import { createValidationPipe } from './errors/validation.factory.js';

/** Everything the HTTP app needs besides its modules; shared by main.ts and the test harness. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', parseTrustProxy(config.TRUST_PROXY) ?? false);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        // No inline scripts anywhere (Swagger UI loads its initialiser as a file).
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          // Behind TLS in production; on http://localhost an upgrade would break every asset.
          'upgrade-insecure-requests': config.NODE_ENV === 'production' ? [] : null,
        },
      },
    }),
  );
  app.use(rejectHostileUrl);
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('urlencoded', { extended: false, limit: '1mb' });
  app.use(rejectHostileBody);
  configureViewEngine(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Årshjulet API')
      .setDescription('Länsgemensam uppföljning av god och nära vård – the yearly PDSA cycle of Vårdsamverkan Västra Götaland.')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API token (arsh_...) from "Mitt konto" or `npm run cli -- token:create`' })
      .addCookieAuth('arshjulet.sid')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}
