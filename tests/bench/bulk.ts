import type BetterSqlite3 from 'better-sqlite3';

/**
 * Multi-row INSERTs through one prepared statement per table: better-sqlite3 pays a fixed
 * cost per call, so 200 rows a call are several times faster than one. Rows are buffered
 * flat (no array per row) and written when the buffer is full; call `flush` at the end.
 */
export class BulkInsert {
  private readonly full: BetterSqlite3.Statement;
  private readonly one: BetterSqlite3.Statement;
  private readonly width: number;
  private readonly perStatement: number;
  private readonly buffer: unknown[] = [];
  rows = 0;

  constructor(raw: BetterSqlite3.Database, table: string, columns: readonly string[], perStatement = 200) {
    this.perStatement = perStatement;
    this.width = columns.length;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.full = raw.prepare(head + Array.from({ length: perStatement }, () => tuple).join(', '));
    this.one = raw.prepare(head + tuple);
  }

  push(...values: unknown[]): void {
    for (const value of values) this.buffer.push(value);
    this.rows++;
    if (this.buffer.length === this.width * this.perStatement) {
      this.full.run(...this.buffer);
      this.buffer.length = 0;
    }
  }

  flush(): void {
    for (let i = 0; i < this.buffer.length; i += this.width) this.one.run(...this.buffer.slice(i, i + this.width));
    this.buffer.length = 0;
  }
}
