/**
 * A large request body read as parts of 1 MB, each a buffer of its own, for an upload handed to a worker thread
 * (an archive import), which joins them. express.raw keeps the socket's chunks and joins them when the last one
 * arrives: for a 48 MB archive that join froze the event loop for 120 to 220 ms at the end of the upload (and a
 * buffer grown by doubling costs the same in a few large copies). Here each chunk is copied as it arrives into
 * the current part, so the upload's end costs nothing, and the parts are transferred to the worker, not copied.
 * Refused early as express.raw refuses: a declared length over the limit before a byte is read, an undeclared
 * one as soon as it passes it (`entity.too.large`, answered 413 by the error handler). A compressed body is left
 * to express.raw, which inflates it.
 */
import express, { type RequestHandler } from 'express';

const PART_BYTES = 1024 * 1024;

const tooLarge = () => Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413, expose: true });

/** What `rawBodyInParts` (or express.raw, for a compressed body) left as the body: its bytes in order, or null. */
export function bodyParts(body: unknown): Uint8Array[] | null {
  if (Buffer.isBuffer(body)) return [body];
  if (Array.isArray(body) && body.every((part) => part instanceof Uint8Array)) return body as Uint8Array[];
  return null;
}

export function rawBodyInParts(options: { type: string; limit: number }): RequestHandler {
  const inflating = express.raw(options);
  return (req, res, next) => {
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity') return inflating(req, res, next);
    if (!req.is(options.type)) return next();
    const declared = req.headers['content-length'];
    if (declared !== undefined && !(Number(declared) <= options.limit)) {
      // Not read: the connection is closed after the answer rather than draining what the client still sends.
      res.setHeader('connection', 'close');
      return next(tooLarge());
    }
    const parts: Uint8Array[] = [];
    let part = new Uint8Array(0);
    let used = 0;
    let total = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      // What the client still sends is read and dropped: closing the connection while it sends can reset it
      // before it reads the answer.
      req.removeListener('data', onData);
      req.resume();
      next(error);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > options.limit) return fail(tooLarge());
      for (let from = 0; from < chunk.length; ) {
        if (used === part.length) {
          part = new Uint8Array(PART_BYTES);
          parts.push(part);
          used = 0;
        }
        const n = Math.min(part.length - used, chunk.length - from);
        part.set(chunk.subarray(from, from + n), used);
        used += n;
        from += n;
      }
    };
    req.on('data', onData);
    req.once('error', fail);
    req.once('aborted', () => fail(Object.assign(new Error('request aborted'), { type: 'request.aborted', status: 400, expose: true })));
    req.once('end', () => {
      if (failed) return;
      // The last part, cut to what it holds: at most 1 MB copied.
      if (parts.length > 0) parts[parts.length - 1] = part.slice(0, used);
      req.body = parts;
      next();
    });
  };
}
