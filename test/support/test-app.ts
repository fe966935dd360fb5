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

/**
 * A browser: keeps cookies like one, and sends the CSRF token of its session (read from the last form it saw)
 * with every request, as a form's hidden field would. `login` goes through the real login form.
 */
export interface TestBrowser extends ApiClient {
  agent: ReturnType<typeof request.agent>;
  /** Loads `page` (default the login page) and remembers its form's CSRF token. */
  csrf(page?: string): Promise<string>;
  login(email: string, password: string): Promise<request.Response>;
  /** The session cookie's value, or null. */
  sessionCookie(): string | null;
}

export interface SignedInUser extends TestUser {
  password: string;
  browser: TestBrowser;
}

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  dataSource: DataSource;
  /** Anonymous requests. */
  http: ApiClient;
  /** A new user holding `role` (for delregion coordinators, of `orgUnitCode`), with an API token. */
  userWith(role: Role, orgUnitCode?: string, email?: string): Promise<TestUser>;
  /** A new browser without a session. */
  browser(): TestBrowser;
  /** A user with a password, signed in through the login form in their own browser (and with an API token). */
  signedIn(role: Role, orgUnitCode?: string): Promise<SignedInUser>;
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

  const browser = (): TestBrowser => {
    const agent = request.agent(server);
    let token = '';
    const wrap = (method: keyof ApiClient) => (url: string) => agent[method](url).set('X-CSRF-Token', token).set('Accept', 'text/html');
    const csrf = async (page = '/logga-in'): Promise<string> => {
      const response = await agent.get(page).set('Accept', 'text/html');
      const found = /name="_csrf" value="([^"]+)"/.exec(response.text);
      if (!found) throw new Error(`no CSRF token on ${page} (status ${response.status})`);
      token = found[1]!;
      return token;
    };
    return {
      agent,
      get: wrap('get'),
      post: wrap('post'),
      put: wrap('put'),
      patch: wrap('patch'),
      delete: wrap('delete'),
      csrf,
      async login(email, password) {
        await csrf('/logga-in');
        const response = await agent.post('/logga-in').type('form').send({ _csrf: token, email, password });
        if (response.status === 303) await csrf('/konto');
        return response;
      },
      sessionCookie() {
        const cookie = agent.jar.getCookie('arshjulet.sid', { domain: '127.0.0.1', path: '/', secure: false, script: false });
        return cookie?.value ?? null;
      },
    };
  };

  const userWith = async (role: Role, orgUnitCode?: string, email?: string, password: string | null = null): Promise<TestUser> => {
    const ctx = RequestContext.system('test');
    const user = await app.get(UserService).create(ctx, {
      email: email ?? `${role}.${orgUnitCode ?? 'lan'}.${++counter}@test.se`.toLowerCase(),
      name: `Test ${role} ${counter}`,
      password,
      assignments: [{ role, orgUnitCode: orgUnitCode ?? null }],
    });
    const { token } = await app.get(ApiTokenService).issue(ctx, user.id, 'test', null);
    return { user, token, api: client({ Authorization: `Bearer ${token}` }) };
  };

  return {
    app,
    config,
    dataSource: app.get(TransactionalConnection).dataSource,
    http: client({}),
    systemContext: () => RequestContext.system('test'),
    userWith: (role, orgUnitCode, email) => userWith(role, orgUnitCode, email),
    browser,
    async signedIn(role, orgUnitCode) {
      const password = `lösenord-${++counter}-för-test`;
      const testUser = await userWith(role, orgUnitCode, undefined, password);
      const signedIn = browser();
      const response = await signedIn.login(testUser.user.email, password);
      if (response.status !== 303) throw new Error(`login failed for ${testUser.user.email}: ${response.status}`);
      return { ...testUser, password, browser: signedIn };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
