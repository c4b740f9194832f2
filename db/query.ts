/**
 * Typed reads. SQLite cannot tell what a SELECT returns, so the row type is the caller's word for it:
 * given once, as the type argument here, instead of a cast on every result.
 */
import type Database from 'better-sqlite3';
import { AppError } from './errors';

/** open.ts's Db, named here so that open.ts can use these too. */
type Db = Database.Database;

/** A prepared statement whose rows have this shape, for a statement that runs many times. */
export function statement<Row>(db: Db, sql: string): Database.Statement<unknown[], Row> {
  return db.prepare<unknown[], Row>(sql);
}

export function queryAll<Row>(db: Db, sql: string, ...params: unknown[]): Row[] {
  return statement<Row>(db, sql).all(...params);
}

/** The first row, or undefined when there is none. */
export function queryOne<Row>(db: Db, sql: string, ...params: unknown[]): Row | undefined {
  return statement<Row>(db, sql).get(...params);
}

/** The first column of every row. */
export function queryColumn<Value>(db: Db, sql: string, ...params: unknown[]): Value[] {
  return statement<Value>(db, sql)
    .pluck()
    .all(...params);
}

/** The row that a statement always returns (an aggregate, a RETURNING clause, a row known to exist). */
export function expectRow<Row>(row: Row | undefined): Row {
  if (row === undefined) throw new AppError('internal', 'De database gaf geen antwoord waar er altijd een hoort te zijn.');
  return row;
}

/** The one row of a query that always returns one. */
export function queryRow<Row>(db: Db, sql: string, ...params: unknown[]): Row {
  return expectRow(statement<Row>(db, sql).get(...params));
}

/** The first column of the one row of an aggregate (count, max). */
export function queryValue<Value>(db: Db, sql: string, ...params: unknown[]): Value {
  return expectRow(
    statement<Value>(db, sql)
      .pluck()
      .get(...params),
  );
}
