/**
 * SQLite has one writer per database file, and better-sqlite3 waits for a held write lock in its
 * busy handler synchronously. Inside one process the holder (an import on its own connection,
 * driven by this same thread) cannot go on while a waiter sleeps there, so every write made during
 * an import froze the server for busy_timeout and then failed with "database is locked" (issue 10,
 * defect 7). Writers of one process therefore queue here first, asynchronously and in order: a
 * write gate per database file. A write transaction begins (BEGIN IMMEDIATE) only once it holds the
 * gate, and a lone write statement holds it while it runs; a transaction that only reads (access
 * mode 'read only', as an import check is) takes no gate and, under WAL, never blocks a writer.
 * While a writer waits, its connection is free for reads. Past a bound a request gives up with
 * 503 and Retry-After (writeBusy); a background job (an import) waits as long as it takes.
 * busy_timeout stays as the backstop against another process (the CLI) writing the same file.
 */
import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { AppError } from '../errors.ts';

/** Seconds a client is told to wait before trying again. */
const RETRY_AFTER_SECONDS = 5;

export const writeBusy = (): AppError =>
  new AppError(
    'BUSY',
    '系统正忙：正在写入大批数据（如导入台账），您的保存未执行，请稍后重试',
    undefined,
    { retryAfterSeconds: RETRY_AFTER_SECONDS },
  );

/** A FIFO lock: writers are let in one at a time, in the order they came. */
export class WriteGate {
  #held = false;
  #queue: (() => void)[] = [];

  get busy(): boolean {
    return this.#held;
  }

  tryAcquire(): boolean {
    if (this.#held || this.#queue.length) return false;
    this.#held = true;
    return true;
  }

  /** Waits its turn; rejects with writeBusy after `timeoutMs` (Infinity: no bound). */
  acquire(timeoutMs: number): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const grant = () => {
        clearTimeout(timer);
        resolve();
      };
      this.#queue.push(grant);
      if (Number.isFinite(timeoutMs))
        timer = setTimeout(() => {
          this.#queue = this.#queue.filter((g) => g !== grant);
          reject(writeBusy());
        }, timeoutMs);
    });
  }

  release(): void {
    const next = this.#queue.shift();
    if (next) next();
    else this.#held = false;
  }
}

const gates = new Map<string, WriteGate>();

/** The gate of a database file, shared by every connection this process opens to it. */
export function gateOf(path: string): WriteGate {
  if (path === ':memory:') return new WriteGate();
  let gate = gates.get(path);
  if (!gate) gates.set(path, (gate = new WriteGate()));
  return gate;
}

class Mutex {
  #promise: Promise<void> | undefined;
  #resolve: (() => void) | undefined;
  async lock(): Promise<void> {
    while (this.#promise) await this.#promise;
    this.#promise = new Promise((resolve) => (this.#resolve = resolve));
  }
  unlock(): void {
    const resolve = this.#resolve;
    this.#promise = undefined;
    this.#resolve = undefined;
    resolve?.();
  }
}

/**
 * Statements prepared lately, by SQL text, most recent last. A statement is freed only when V8
 * collects its small JavaScript object, which may be long after: batch inserts prepared anew for
 * every 400 rows left their programs behind in a 40,000-row progress import, native memory growing
 * by 63 and 65 MB over its two phases of 100 batches each (about 0.6 MB a statement). The same
 * text now runs the same statement, and preparing it again is saved too. Statements run to completion synchronously here, so a cached
 * one is never busy when it is taken again; streamed queries (iterate) are prepared apart.
 */
const CACHED_STATEMENTS = 32;

class GatedConnection implements DatabaseConnection {
  /** 'write' while this connection's transaction holds the gate. */
  mode: 'none' | 'read' | 'write' = 'none';
  readonly #statements = new Map<string, SQLite.Statement>();
  constructor(
    private readonly h: SQLite.Database,
    private readonly driver: GatedSqliteDriver,
  ) {}

  run(sql: string): void {
    this.h.prepare(sql).run();
  }

  #prepared(sql: string): SQLite.Statement {
    let stmt = this.#statements.get(sql);
    if (stmt) this.#statements.delete(sql);
    else {
      stmt = this.h.prepare(sql);
      if (this.#statements.size >= CACHED_STATEMENTS)
        this.#statements.delete(this.#statements.keys().next().value!);
    }
    this.#statements.set(sql, stmt);
    return stmt;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.#prepared(compiled.sql);
    if (this.mode !== 'none' || stmt.readonly) return execute<R>(stmt, compiled);
    await this.driver.takeGate();
    try {
      return execute<R>(stmt, compiled);
    } finally {
      this.driver.gate.release();
    }
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query))
      throw new Error('Sqlite driver only supports streaming of select queries');
    for (const row of this.h.prepare(compiled.sql).iterate(compiled.parameters))
      yield { rows: [row as R] };
  }
}

function execute<R>(stmt: SQLite.Statement, compiled: CompiledQuery): QueryResult<R> {
  if (stmt.reader) return { rows: stmt.all(compiled.parameters) as R[] };
  const { changes, lastInsertRowid } = stmt.run(compiled.parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

class GatedSqliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #connection: GatedConnection;
  constructor(
    private readonly h: SQLite.Database,
    readonly gate: WriteGate,
    private readonly waitMs: number,
  ) {
    this.#connection = new GatedConnection(h, this);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  /** Takes the gate; while waiting, the connection is let go so that reads go on. */
  async takeGate(): Promise<void> {
    if (this.gate.tryAcquire()) return;
    this.#mutex.unlock();
    try {
      await this.gate.acquire(this.waitMs);
    } finally {
      await this.#mutex.lock();
    }
  }

  async beginTransaction(_c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = this.#connection;
    if (settings.accessMode === 'read only') {
      c.run('begin');
      c.mode = 'read';
      return;
    }
    await this.takeGate();
    try {
      c.run('begin immediate');
    } catch (e) {
      this.gate.release();
      throw e;
    }
    c.mode = 'write';
  }

  async commitTransaction(): Promise<void> {
    this.#connection.run('commit');
    this.#end();
  }

  async rollbackTransaction(): Promise<void> {
    try {
      if (this.h.inTransaction) this.#connection.run('rollback');
    } finally {
      this.#end();
    }
  }

  #end(): void {
    if (this.#connection.mode === 'write') this.gate.release();
    this.#connection.mode = 'none';
  }

  async savepoint(_c: DatabaseConnection, name: string): Promise<void> {
    this.#connection.run(`savepoint "${name}"`);
  }

  async rollbackToSavepoint(_c: DatabaseConnection, name: string): Promise<void> {
    this.#connection.run(`rollback to "${name}"`);
  }

  async releaseSavepoint(_c: DatabaseConnection, name: string): Promise<void> {
    this.#connection.run(`release "${name}"`);
  }

  async destroy(): Promise<void> {
    this.h.close();
  }
}

/** Kysely's SQLite dialect over one better-sqlite3 handle, its writes through `gate`. */
export function gatedSqliteDialect(h: SQLite.Database, gate: WriteGate, waitMs: number): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new GatedSqliteDriver(h, gate, waitMs),
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}
