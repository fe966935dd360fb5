import { LockKeys } from './lock-keys.js';

describe('LockKeys', () => {
  it('gives every advisory lock its own key', () => {
    const keys = Object.values(LockKeys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(Number.isSafeInteger(key)).toBe(true);
  });
});
