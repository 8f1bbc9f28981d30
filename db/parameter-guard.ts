import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';

// Every query of the app passes through here, on both databases, just before the driver binds
// its values. A value the two drivers would treat differently (or refuse with an error naming
// neither the query nor the value) is stopped or converted in one place:
//   - booleans: SQLite has none, and better-sqlite3 throws on them; PostgreSQL has them (and
//     Kysely's own catalogue queries bind them there). On SQLite they become 1/0 (what
//     SQLite's own `1 = 1` gives), so `expr = true` means the same on both; under tests they
//     are refused on SQLite, so a service that binds one is found before it ships (the schema
//     keeps flags as integers 0/1).
//   - undefined, bigint, non-finite numbers, Dates, plain objects, functions, symbols: refused
//     with an error naming the query and the parameter. Arrays only on PostgreSQL (`unnest`).
//   - text with U+0000: PostgreSQL refuses it in any text value, SQLite would store it and
//     the move to a server would then fail; refused on both.

export type GuardDialect = 'sqlite' | 'postgres';

export interface GuardOptions {
  /** On SQLite, refuse booleans instead of converting them (tests). */
  strictBooleans: boolean;
}

/** A programming error: a value no query of the app should ever bind. */
export class BoundParameterError extends Error {
  override name = 'BoundParameterError';
}

/** Tests refuse booleans loudly; the app converts them (SQLite) so a slip cannot stop the desk. */
export const STRICT_BOOLEANS = Boolean(process.env.VITEST) || process.env.CLINIC_STRICT_PARAMETERS === '1';

const SQL_SHOWN = 240;

function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date';
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function refuse(sqlText: string, index: number, why: string): never {
  const shown = sqlText.length > SQL_SHOWN ? `${sqlText.slice(0, SQL_SHOWN)}…` : sqlText;
  throw new BoundParameterError(`Refused to bind parameter ${index + 1} (${why}) of the query: ${shown}`);
}

/** What `checkScalar` gives for a value no driver may bind (no closure per parameter: hot path). */
const REFUSED: unique symbol = Symbol('refused');

function checkScalar(value: unknown, dialect: GuardDialect, options: GuardOptions): unknown {
  switch (typeof value) {
    case 'string':
      return value.includes('\u0000') ? REFUSED : value;
    case 'number':
      return Number.isFinite(value) ? value : REFUSED;
    case 'boolean':
      if (dialect === 'postgres') return value;
      return options.strictBooleans ? REFUSED : Number(value);
    case 'object':
      if (value === null || value instanceof Uint8Array) return value;
      return REFUSED;
    default:
      return REFUSED;
  }
}

function refuseValue(sqlText: string, index: number, value: unknown): never {
  const why = typeof value === 'string' ? 'text with the NUL character U+0000' : describeValue(value);
  return refuse(sqlText, index, why);
}

/** The parameters as the driver should bind them, or a BoundParameterError naming the query. */
export function guardParameters(
  sqlText: string,
  parameters: readonly unknown[],
  dialect: GuardDialect,
  options: GuardOptions,
): readonly unknown[] {
  let converted: unknown[] | null = null;
  for (let index = 0; index < parameters.length; index++) {
    const value = parameters[index];
    let safe: unknown;
    if (Array.isArray(value) && dialect === 'postgres') {
      // PostgreSQL arrays (`unnest($1::text[])`): each element must be a plain value.
      for (const element of value as unknown[]) {
        if (Array.isArray(element) || checkScalar(element, dialect, options) === REFUSED)
          refuseValue(sqlText, index, value);
      }
      safe = value;
    } else {
      safe = checkScalar(value, dialect, options);
      if (safe === REFUSED) refuseValue(sqlText, index, value);
    }
    if (safe !== value) {
      converted ??= [...parameters];
      converted[index] = safe;
    }
  }
  return converted ?? parameters;
}

// Plain fields, no parameter properties: the CLI runs this file with Node's type stripping.
class GuardedConnection implements DatabaseConnection {
  readonly inner: DatabaseConnection;
  readonly #dialect: GuardDialect;
  readonly #options: GuardOptions;

  constructor(inner: DatabaseConnection, dialect: GuardDialect, options: GuardOptions) {
    this.inner = inner;
    this.#dialect = dialect;
    this.#options = options;
  }

  #guard(query: CompiledQuery): CompiledQuery {
    const parameters = guardParameters(query.sql, query.parameters, this.#dialect, this.#options);
    return parameters === query.parameters ? query : { ...query, parameters };
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.inner.executeQuery<R>(this.#guard(query));
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(this.#guard(query), chunkSize);
  }
}

class GuardedDriver implements Driver {
  readonly #wrapped = new WeakMap<DatabaseConnection, GuardedConnection>();
  readonly inner: Driver;
  readonly #dialect: GuardDialect;
  readonly #options: GuardOptions;

  constructor(inner: Driver, dialect: GuardDialect, options: GuardOptions) {
    this.inner = inner;
    this.#dialect = dialect;
    this.#options = options;
  }

  #unwrap(connection: DatabaseConnection): DatabaseConnection {
    return connection instanceof GuardedConnection ? connection.inner : connection;
  }

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    let guarded = this.#wrapped.get(connection);
    if (!guarded) {
      guarded = new GuardedConnection(connection, this.#dialect, this.#options);
      this.#wrapped.set(connection, guarded);
    }
    return guarded;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(this.#unwrap(connection), settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(this.#unwrap(connection));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(this.#unwrap(connection));
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    if (!this.inner.savepoint) throw new Error('This database driver has no savepoints.');
    await this.inner.savepoint(this.#unwrap(connection), name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    if (!this.inner.rollbackToSavepoint) throw new Error('This database driver has no savepoints.');
    await this.inner.rollbackToSavepoint(this.#unwrap(connection), name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    if (!this.inner.releaseSavepoint) throw new Error('This database driver has no savepoints.');
    await this.inner.releaseSavepoint(this.#unwrap(connection), name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(this.#unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** The dialect with every query's bound values checked first (see the top of this file). */
export function guardedDialect(
  inner: Dialect,
  dialect: GuardDialect,
  options: GuardOptions = { strictBooleans: STRICT_BOOLEANS },
): Dialect {
  return {
    createDriver: () => new GuardedDriver(inner.createDriver(), dialect, options),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createAdapter: () => inner.createAdapter(),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
}
