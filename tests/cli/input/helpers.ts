/** What the input layer's tests share: a failed read's error, and bytes cut into chunks. */

/** The error `promise` rejects with; fails the test when it resolves. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the read to fail');
}

/** `bytes` cut into chunks whose sizes cycle through `sizes`. */
export function chunked(bytes: Uint8Array, sizes: readonly number[]): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    chunks.push(Buffer.from(bytes.subarray(i, i + size)));
    i += size;
  }
  return chunks;
}
