/**
 * The two SQL engines the tests run on, opened once per test file (PGlite
 * takes seconds to start): an in-memory DuckDB connection and a PGlite
 * instance, closed after the file's tests.
 */
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll } from 'vitest';

/** The engines of a test file: set before its first test runs. */
export interface Engines {
  duck: DuckDBConnection;
  pg: PGlite;
}

/** Opens both engines before the file's tests and closes them after. */
export function useEngines(): Engines {
  const engines = {} as Engines;
  let instance: DuckDBInstance | undefined;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    engines.duck = await instance.connect();
    engines.pg = new PGlite();
    await engines.pg.waitReady;
  }, 60_000);
  afterAll(async () => {
    engines.duck?.closeSync();
    instance?.closeSync();
    await engines.pg?.close();
  });
  return engines;
}
