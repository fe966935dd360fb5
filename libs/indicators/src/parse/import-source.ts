import { Readable } from 'node:stream';

/** What the parsers read: a Node stream (upload, file), any async iterable of chunks, or a whole buffer/string. */
export type ImportSource = AsyncIterable<Uint8Array | string> | Uint8Array | string;

export async function* chunksOf(source: ImportSource): AsyncGenerator<Buffer> {
  if (typeof source === 'string') {
    yield Buffer.from(source, 'utf8');
    return;
  }
  if (source instanceof Uint8Array) {
    yield Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    return;
  }
  for await (const chunk of source) {
    yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

export function toReadable(chunks: AsyncIterable<Buffer>): Readable {
  return Readable.from(chunks, { objectMode: false });
}
