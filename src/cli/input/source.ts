/**
 * The bytes of an input's text: a file or standard input read in chunks,
 * decompressed when it is gzip, without a UTF-8 byte order mark. Progress is
 * counted on the bytes as stored (compressed, for gzip).
 */
import { open } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from './errors.js';

/** Bytes asked of the file per read. */
const READ_BYTES = 1 << 20;
/** Bytes per chunk of decompressed output. */
const GUNZIP_BYTES = 1 << 18;

/** Where the input is and what to report while reading it. */
export interface SourceOptions {
  /** A file path, or `'-'` for standard input. */
  readonly path: string;
  /** Decompress as gzip whatever the first bytes are (the file is named `.gz`). */
  readonly gzip: boolean;
  /** Standard input, or `null` for `process.stdin`. */
  readonly stdin: NodeJS.ReadableStream | null;
  readonly onProgress: ((bytesRead: number, totalBytes: number | null) => void) | null;
}

/** Whether a path names a gzip file: a file (not standard input) ending in `.gz`, in any case. */
export function isGzipName(path: string): boolean {
  return path !== '-' && /\.gz$/i.test(path);
}

/** An error's message, for our own messages. */
function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether {@link fileChunks} may read into the buffer of the chunk it gave before, which its reader is done with. */
interface Lending {
  lend: boolean;
}

/**
 * The chunks of a file as stored, reporting progress after each read. While
 * `lending.lend` is true, each read goes into the buffer of the chunk before
 * (fresh memory for every megabyte read adds page faults to the system's
 * time).
 */
async function* fileChunks(path: string, onProgress: SourceOptions['onProgress'], lending: Lending): AsyncGenerator<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new InputError(`cannot open the file: ${reason(error)}`, path, null, null);
  }
  try {
    let total: number;
    let read = 0;
    try {
      total = (await handle.stat()).size;
    } catch (error) {
      throw new InputError(`cannot read the file: ${reason(error)}`, path, null, null);
    }
    let buffer: Buffer | null = null;
    for (;;) {
      const chunk: Buffer = lending.lend && buffer !== null ? buffer : Buffer.allocUnsafe(READ_BYTES);
      buffer = chunk;
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(chunk, 0, READ_BYTES, null));
      } catch (error) {
        throw new InputError(`cannot read the file: ${reason(error)}`, path, null, null);
      }
      if (bytesRead === 0) return;
      read += bytesRead;
      onProgress?.(read, total);
      yield chunk.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** The chunks of a stream (standard input), reporting progress after each chunk. */
async function* streamChunks(stream: NodeJS.ReadableStream, path: string, onProgress: SourceOptions['onProgress']): AsyncGenerator<Uint8Array> {
  let read = 0;
  try {
    for await (const piece of stream) {
      const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      if (chunk.length === 0) continue;
      read += chunk.length;
      onProgress?.(read, null);
      yield chunk;
    }
  } catch (error) {
    throw new InputError(`cannot read standard input: ${reason(error)}`, path, null, null);
  }
}

/** The decompressed chunks of gzip data (one or more concatenated members). */
async function* gunzip(compressed: AsyncGenerator<Uint8Array>, path: string): AsyncGenerator<Uint8Array> {
  // Errors reach the loop below: pipeline destroys the last stream with them.
  const stream = pipeline(Readable.from(compressed, { objectMode: false }), createGunzip({ chunkSize: GUNZIP_BYTES }), () => {});
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`the gzip data cannot be decompressed: ${reason(error)}`, path, null, null);
  }
}

/** Chunks read from `chunks` until they hold at least `bytes` bytes or the input ends. */
async function readAtLeast(chunks: AsyncIterator<Uint8Array>, bytes: number): Promise<Uint8Array[]> {
  const first: Uint8Array[] = [];
  let length = 0;
  while (length < bytes) {
    const next = await chunks.next();
    if (next.done === true) break;
    first.push(next.value);
    length += next.value.length;
  }
  return first;
}

/** Byte `i` of the concatenation of `chunks`, or -1 past its end. */
function byteAt(chunks: readonly Uint8Array[], i: number): number {
  for (const chunk of chunks) {
    if (i < chunk.length) return chunk[i]!;
    i -= chunk.length;
  }
  return -1;
}

/** `first`, then the rest of `chunks`. */
async function* replay(first: readonly Uint8Array[], chunks: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* first;
  for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) yield next.value;
}

/**
 * The bytes of the input's text, in chunks: from the file at `path` or from
 * standard input (`'-'`), gunzipped when the file is named `.gz` or the data
 * start with the gzip magic bytes, without a leading UTF-8 byte order mark.
 * When the generator ends, also early, the file is closed and standard input
 * destroyed. A chunk of a file that is not gzip is read into the buffer of
 * the chunk before: its reader copies or decodes what it keeps of a chunk
 * before asking for the next.
 *
 * @throws {@link InputError} when the file cannot be opened or read, or the gzip data are corrupt.
 */
export async function* inputBytes(options: SourceOptions): AsyncGenerator<Uint8Array> {
  const { path, onProgress } = options;
  const stdin = path === '-' ? (options.stdin ?? process.stdin) : null;
  const lending: Lending = { lend: false };
  const stored = stdin === null ? fileChunks(path, onProgress, lending) : streamChunks(stdin, path, onProgress);
  let plain: AsyncGenerator<Uint8Array> | null = null;
  try {
    const head = await readAtLeast(stored, 2);
    const gzip = options.gzip || (byteAt(head, 0) === 0x1f && byteAt(head, 1) === 0x8b);
    plain = gzip ? gunzip(replay(head, stored), path) : replay(head, stored);
    const text = await readAtLeast(plain, 3);
    // From here each chunk is given on and done with before the next is read, unless gunzip holds it.
    lending.lend = !gzip;
    let skip = byteAt(text, 0) === 0xef && byteAt(text, 1) === 0xbb && byteAt(text, 2) === 0xbf ? 3 : 0;
    for (const chunk of text) {
      if (skip >= chunk.length) {
        skip -= chunk.length;
        continue;
      }
      yield skip === 0 ? chunk : chunk.subarray(skip);
      skip = 0;
    }
    yield* plain;
  } finally {
    // Reading stops here, also when it stops early. Decompression may be
    // reading ahead: standard input is destroyed so that a read waiting for
    // data that never comes ends (a file's reads always end).
    if (stdin !== null && typeof (stdin as Partial<Readable>).destroy === 'function') (stdin as Readable).destroy();
    await plain?.return(undefined);
    await stored.return(undefined);
  }
}
