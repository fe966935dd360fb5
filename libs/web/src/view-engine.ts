import type { NestExpressApplication } from '@nestjs/platform-express';
import hbs from 'hbs';
import { webPaths } from './web-paths.js';

let registered = false;

/** Handlebars via hbs: one layout, shared partials, and the helpers pages need. */
export function configureViewEngine(app: NestExpressApplication): void {
  if (!registered) {
    hbs.registerPartials(webPaths.partials());
    hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    registered = true;
  }
  app.setBaseViewsDir(webPaths.views());
  app.setViewEngine('hbs');
  app.set('view options', { layout: 'layouts/main' });
  app.useStaticAssets(webPaths.public(), { prefix: '/static/', maxAge: '1h' });
}
