import Busboy from 'busboy';
import type { Request } from 'express';
import { settleMultipartCsrf } from '@arshjulet/org';
import { AnalysisException } from '../analysis.exception.js';

/** Room for the multipart envelope around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * Reads the `file` part of a multipart upload into memory, at most `maxBytes` (an attachment is stored whole in
 * PostgreSQL anyway). A declared or streamed size beyond the limit is refused at once and the rest not read.
 */
export function receiveFile(request: Request, maxBytes: number): Promise<{ fileName: string; bytes: Buffer }> {
  if (!request.is('multipart/form-data')) return Promise.reject(AnalysisException.noFile());
  if (Number(request.headers['content-length'] ?? 0) > maxBytes + ENVELOPE_BYTES) {
    abandon(request);
    return Promise.reject(AnalysisException.tooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      abandon(request);
      reject(error);
    };
    let parser: Busboy.Busboy;
    try {
      parser = Busboy({ headers: request.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 20, fieldSize: 1024, fileSize: maxBytes } });
    } catch {
      // A multipart Content-Type without its boundary: busboy throws at once, and no part can be read.
      fail(AnalysisException.brokenUpload());
      return;
    }
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (settled || name !== 'file' || !info.filename) {
        stream.resume();
        return;
      }
      try {
        settleMultipartCsrf(request, fields);
      } catch (error) {
        stream.resume();
        fail(error);
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(AnalysisException.tooLarge(maxBytes)));
      stream.on('error', () => fail(AnalysisException.brokenUpload()));
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        resolve({ fileName: info.filename ?? '', bytes: Buffer.concat(chunks) });
      });
    });
    parser.on('error', () => fail(AnalysisException.brokenUpload()));
    parser.on('close', () => {
      if (settled) return;
      try {
        settleMultipartCsrf(request, fields);
        fail(AnalysisException.noFile());
      } catch (error) {
        fail(error);
      }
    });
    request.pipe(parser);
  });
}

/** After a refusal the rest of the body is not worth reading: answer at once and close the connection. */
function abandon(request: Request): void {
  request.unpipe();
  request.res?.setHeader('Connection', 'close');
  request.resume();
}
