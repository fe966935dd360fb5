import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, loadConfig, RequestContext, Role } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { ApiTokenService, User, UserService } from '@arshjulet/org';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createHttpApp } from '../../apps/api/src/bootstrap.js';
import { createTestDatabase } from './test-database.js';

export interface TestUser {
  user: User;
  token: string;
  /** supertest requests carrying the user's bearer token. */
  api: ApiClient;
}

export type ApiClient = Record<'get' | 'post' | 'put' | 'patch' | 'delete', (url: string) => request.Test>;

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  dataSource: DataSource;
  /** Anonymous requests. */
  http: ApiClient;
  /** A new user holding `role` (for delregion coordinators, of `orgUnitCode`), with an API token. */
  userWith(role: Role, orgUnitCode?: string, email?: string): Promise<TestUser>;
  systemContext(): RequestContext;
  close(): Promise<void>;
}

let counter = 0;

/** The real app on a fresh copy of the template database: one per test file, nothing shared between files. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', LOG_PRETTY: 'false', ...env });
  const app = await createHttpApp(config, database.url);
  const server = app.getHttpServer();
  const client = (headers: Record<string, string>): ApiClient => {
    const agent = request(server);
    const wrap = (method: keyof ApiClient) => (url: string) => agent[method](url).set(headers);
    return { get: wrap('get'), post: wrap('post'), put: wrap('put'), patch: wrap('patch'), delete: wrap('delete') };
  };

  return {
    app,
    config,
    dataSource: app.get(TransactionalConnection).dataSource,
    http: client({}),
    systemContext: () => RequestContext.system('test'),
    async userWith(role, orgUnitCode, email) {
      const ctx = RequestContext.system('test');
      const user = await app.get(UserService).create(ctx, {
        email: email ?? `${role}.${orgUnitCode ?? 'lan'}.${++counter}@test.se`.toLowerCase(),
        name: `Test ${role} ${counter}`,
        password: null,
        assignments: [{ role, orgUnitCode: orgUnitCode ?? null }],
      });
      const { token } = await app.get(ApiTokenService).issue(ctx, user.id, 'test', null);
      return { user, token, api: client({ Authorization: `Bearer ${token}` }) };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
