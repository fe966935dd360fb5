import { PassThrough, type Readable } from 'node:stream';
import Busboy from 'busboy';
import type { Request } from 'express';
import { settleMultipartCsrf } from '@arshjulet/org';
import { IndicatorException } from '../indicator.exception.js';

export interface ReceivedUpload {
  fileName: string;
  mimeType: string;
  /** The file's bytes as they arrive: read it once, straight into the parser. */
  stream: Readable;
  /** Form fields sent before the file part. */
  fields: Record<string, string>;
}

/** Room for the multipart envelope around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * Streams a multipart upload: resolves as soon as the `file` part starts, without buffering it. A declared
 * Content-Length beyond the limit is refused before one byte of the body is read.
 */
export function receiveUpload(request: Request, maxBytes: number): Promise<ReceivedUpload> {
  if (!request.is('multipart/form-data')) {
    return Promise.reject(IndicatorException.noFile());
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes + ENVELOPE_BYTES) {
    abandonUpload(request);
    return Promise.reject(IndicatorException.tooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let started = false;
    let parser: Busboy.Busboy;
    try {
      parser = Busboy({
        headers: request.headers,
        // Browsers send the file name as raw UTF-8 (`Förflyttning.xlsx`), not latin1.
        defParamCharset: 'utf8',
        // One byte past the limit reaches the parser's own guard, which then says "too large".
        limits: { files: 1, fields: 20, fieldSize: 1024, fileSize: maxBytes + 1 },
      });
    } catch {
      // A multipart Content-Type without its boundary: busboy throws at once, and no part can be read.
      abandonUpload(request);
      reject(IndicatorException.brokenUpload());
      return;
    }
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      // A browser sends a part with an empty file name for a file field left empty: that is no file (busboy drops the name).
      if (started || name !== 'file' || !info.filename) {
        stream.resume();
        return;
      }
      started = true;
      try {
        // A web form's CSRF token arrives as a field before the file: checked before one byte of the file is read.
        settleMultipartCsrf(request, fields);
      } catch (error) {
        stream.resume();
        abandonUpload(request);
        reject(error);
        return;
      }
      // Busboy fails the file stream itself when the upload breaks off; its reader gets a reason, not a raw Error.
      const file = new PassThrough();
      // The reader may not be iterating yet: the error waits on the stream (`errored`) and reaches it then.
      file.on('error', () => undefined);
      stream.on('error', () => file.destroy(IndicatorException.brokenUpload()));
      stream.pipe(file);
      resolve({ fileName: info.filename, mimeType: info.mimeType, stream: file, fields });
    });
    // A broken envelope is the client's problem, never a 500; once the file is streaming, its reader hears of it.
    parser.on('error', () => {
      if (!started) reject(IndicatorException.brokenUpload());
    });
    parser.on('close', () => {
      if (started) return;
      try {
        settleMultipartCsrf(request, fields);
        reject(IndicatorException.noFile());
      } catch (error) {
        reject(error);
      }
    });
    request.pipe(parser);
  });
}

/**
 * After a refusal the rest of the body is not worth reading: answer at once and close the connection rather
 * than draining, say, 200 MB.
 */
export function abandonUpload(request: Request): void {
  request.unpipe();
  request.res?.setHeader('Connection', 'close');
  request.resume();
}

/**
 * Aborted when the client hangs up before its answer is sent (the connection closes early), so the work done
 * for it stops, down to the SQL statement running at that moment.
 */
export function whenClientGone(request: Request): AbortSignal {
  const controller = new AbortController();
  const gone = () => controller.abort(IndicatorException.brokenUpload());
  if (request.socket?.destroyed) {
    gone();
  } else {
    request.res?.once('close', () => {
      if (!request.res?.writableFinished) gone();
    });
  }
  return controller.signal;
}
