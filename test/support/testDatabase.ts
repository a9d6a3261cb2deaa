import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** The test server's URL (see postgresCluster.ts), on its `postgres` database. */
export function serverUrl(): string {
  return inject("databaseUrl");
}

/** The URL of the server's database `name`. */
export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A new empty database on the test server, under a random name (test files run in parallel), and
 * how to drop it.
 *
 * @example
 * const db = await createTestDatabase();
 * afterAll(() => db.drop());
 */
export async function createTestDatabase(): Promise<{
  url: string;
  name: string;
  drop: () => Promise<void>;
}> {
  const name = `designations_test_${randomBytes(6).toString("hex")}`;
  await admin(`create database ${name}`);
  return {
    url: databaseUrl(name),
    name,
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

/** Runs SQL on the database at `url` (or on the server's `postgres` database). */
export async function sql<R extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
  url = serverUrl(),
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function admin(text: string): Promise<void> {
  await sql(text);
}
