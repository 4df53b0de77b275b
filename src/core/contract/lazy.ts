/**
 * Values built on first use.
 *
 * The schemas of the library are module-level constants, but none is built
 * when its module loads: each is a `lazy` thunk that builds it on the first
 * call that needs it and keeps it. Loading the library stays cheap, and a
 * bundler drops the thunks (and the zod code behind them) that the imported
 * functions never call, since every `lazy(...)` call is marked `@__PURE__`.
 */

/**
 * A function that builds a value on its first call and returns that same
 * value on every call: `const countSchema = lazy(() => z.number())`, then
 * `countSchema()` wherever the schema is needed.
 */
export function lazy<T>(build: () => T): () => T {
  let cell: { readonly value: T } | undefined;
  return () => {
    cell ??= { value: build() };
    return cell.value;
  };
}
