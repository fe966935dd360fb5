import { join } from 'node:path';
import { projectRoot } from '@arshjulet/core';

/** Where the Handlebars views and the static assets live (source files; not compiled). */
export const webPaths = {
  views: (): string => join(projectRoot(), 'libs', 'web', 'views'),
  partials: (): string => join(projectRoot(), 'libs', 'web', 'views', 'partials'),
  layouts: (): string => join(projectRoot(), 'libs', 'web', 'views', 'layouts'),
  public: (): string => join(projectRoot(), 'libs', 'web', 'public'),
};
