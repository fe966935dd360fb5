import argon2 from 'argon2';

/** argon2id with the library's defaults (m=64 MiB, t=3, p=4), OWASP's recommended family. */
export const passwordHasher = {
  hash: (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id }),
  verify: async (hash: string | null, password: string): Promise<boolean> => {
    // Spend the same time on unknown users as on known ones, so timing tells nothing.
    if (!hash) {
      await argon2.hash(password, { type: argon2.argon2id }).catch(() => undefined);
      return false;
    }
    return argon2.verify(hash, password).catch(() => false);
  },
};
