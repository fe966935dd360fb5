import { isIP } from 'node:net';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** Express's `trust proxy`: nobody, the n nearest hops, or proxies at these addresses and subnets. */
export type TrustProxy = false | number | string[];

/** Express's names for address ranges (127.0.0.0/8 and ::1; 169.254/16 and fe80::/10; 10/8, 172.16/12, 192.168/16, fc00::/7). */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

/**
 * Reads `TRUST_PROXY`: `off` (also `false`, `0`), a hop count (`1` = one load balancer in front of the app), or a
 * comma list of proxy addresses, CIDRs and Express's named ranges. Null when it is none of these.
 */
export function parseTrustProxy(raw: string): TrustProxy | null {
  const value = raw.trim().toLowerCase();
  if (value === 'off' || value === 'false' || value === '0') return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  return entries.every(isAddressOrSubnet) ? entries : null;
}

export function IsTrustProxy(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTrustProxy',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseTrustProxy(value) !== null,
        defaultMessage: () =>
          'TRUST_PROXY must be off, a hop count (1 = one load balancer in front of the app) or a comma list of proxy addresses or CIDRs such as 10.0.0.0/8,loopback',
      },
    },
    options,
  );
}
