import { createHash, type Hash } from 'node:crypto';

/** Counts and hashes the bytes of an upload on their way to the parser, so provenance costs no second pass. */
export class ByteTap {
  private readonly hash: Hash = createHash('sha256');
  private total = 0;

  constructor(private readonly onBytes?: (total: number) => void) {}

  get byteSize(): number {
    return this.total;
  }

  /** SHA-256 of everything that passed, hex. */
  checksum(): string {
    return this.hash.copy().digest('hex');
  }

  async *wrap(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      this.hash.update(bytes);
      this.total += bytes.length;
      this.onBytes?.(this.total);
      yield bytes;
    }
  }
}
