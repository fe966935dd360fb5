import { createTestApp, TestApp } from './test-app.js';

/**
 * Runs `body` on an app with its own fresh database, closed afterwards: for a test that needs a state (an empty
 * list, a first import) which the file's other tests would change, so it passes alone and in any order.
 */
export async function onOwnApp<T>(body: (t: TestApp) => Promise<T>, env: Record<string, string> = {}): Promise<T> {
  const t = await createTestApp(env);
  try {
    return await body(t);
  } finally {
    await t.close();
  }
}
