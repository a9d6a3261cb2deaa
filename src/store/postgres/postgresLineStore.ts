import { randomUUID } from "node:crypto";
import type pg from "pg";
import { AppendRejectedError, ConcurrencyError } from "../appendErrors.js";
import { GENESIS, lineHash } from "../integrityChain.js";
import {
  checkBatch,
  type LineBatch,
  lineEnvelope,
  type LineEnvelope,
  type LineStore,
  refuseRepeatedStreams,
  type StreamHead,
  streamKey,
  StoreUnavailableError,
} from "../lineStore.js";
import type { LogIssue } from "../logError.js";
import { MIGRATIONS } from "./migrations.js";

/** The channel an append notifies after its commit, with the streams it appended to. */
export const APPENDED_CHANNEL = "designations_appended";

/** Options of `postgresLineStore`. */
export interface PostgresLineStoreOptions {
  /** Connections the pool may open (default 4). */
  maxConnections?: number;
  /** Called inside an append's transaction just before its commit: for tests that kill it there. */
  beforeCommit?: () => Promise<void>;
}

/**
 * The log in PostgreSQL as a `LineStore`: each line a row of `events` (unique stream and seq,
 * unique id, the line's SHA-256), each stream's version in `streams`, the registry in `registry`.
 * The schema is migrated on first use (`designations_schema_version`). An append locks the streams
 * it appends to (advisory locks, in sorted order), checks each one's expected seq, the chain link
 * and the ids, and writes every batch in one transaction or none; after the commit it notifies
 * `designations_appended`. A connection that fails (bad URL, refused, bad login) is a
 * `StoreUnavailableError` naming the URL without its password.
 *
 * @example
 * const store = postgresLineStore("postgres://postgres@127.0.0.1:5432/designations");
 * await store.heads();
 * await store.close();
 */
export function postgresLineStore(url: string, options: PostgresLineStoreOptions = {}): LineStore {
  const location = redactedUrl(url);
  /** This store's name in its notifications. */
  const self = randomUUID();
  try {
    new URL(url);
  } catch {
    throw new StoreUnavailableError(`cannot use the store ${location}: not a URL`);
  }
  // node-postgres is loaded on first use: a command that never opens a database starts without it.
  let opened: Promise<pg.Pool> | undefined;
  let closed = false;
  const poolOf = () =>
    (opened ??= loadPg().then((driver) => {
      const pool = new driver.Pool({
        connectionString: url,
        max: options.maxConnections ?? 4,
        connectionTimeoutMillis: 20_000,
      });
      // An idle connection that dies (the server restarts) is dropped by the pool, not thrown.
      pool.on("error", () => undefined);
      return pool;
    }));
  let migrated: Promise<void> | undefined;
  const fail = (error: unknown): never => {
    throw userError(error, location);
  };

  /** A connection of the pool, the schema migrated; errors become the user's to read. */
  const connect = async (): Promise<pg.PoolClient> => {
    if (closed) return fail(new StoreUnavailableError(`the store ${location} is closed`));
    migrated ??= poolOf()
      .then(migrate)
      .catch((error: unknown) => {
        migrated = undefined;
        throw error;
      });
    try {
      await migrated;
      return await (await poolOf()).connect();
    } catch (error) {
      return fail(error);
    }
  };

  const inTransaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await connect();
    let broken: Error | undefined;
    try {
      await client.query("begin");
      const result = await work(client);
      await client.query("commit");
      return result;
    } catch (error) {
      try {
        await client.query("rollback");
      } catch (rollbackError) {
        broken = rollbackError as Error;
      }
      return fail(error);
    } finally {
      client.release(broken);
    }
  };

  const query = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    const client = await connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } catch (error) {
      return fail(error);
    } finally {
      client.release();
    }
  };

  return {
    location,
    async heads() {
      const rows = await query<{ company: string; program: string; seq: number; head: string }>(
        "select company, program, seq, head from streams",
      );
      return rows.map((row) => ({ ...row })).sort(byStream);
    },
    async readLines(company, program) {
      const rows = await query<{ line: string }>(
        "select line from events where company = $1 and program = $2 order by seq",
        [company, program],
      );
      return rows.map((row) => row.line);
    },
    async appendLines(batches) {
      refuseRepeatedStreams(batches);
      const work = batches.filter((batch) => batch.lines.length > 0);
      if (work.length === 0) return;
      const keys = [...new Set(work.map(streamKey))].sort();
      // Who appended, so that a store hears only of the others' appends; and which streams.
      const payload = JSON.stringify({ by: self, streams: keys });
      const notice = payload.length < 7_000 ? payload : JSON.stringify({ by: self, streams: "*" });
      // The usual append, in one round trip: lines that check out against the heads they name.
      const selfChecked = checkedAgainstOwnHeads(work);
      if (selfChecked !== undefined) {
        const values = tryAppendValues(keys, selfChecked, notice);
        const applied =
          options.beforeCommit === undefined
            ? (await query<{ applied: boolean }>(TRY_APPEND, values))[0]?.applied
            : await inTransaction(async (client) => {
                const { rows } = await client.query<{ applied: boolean }>(TRY_APPEND, values);
                if (rows[0]?.applied) await options.beforeCommit?.();
                return rows[0]?.applied;
              });
        if (applied === true) return;
      }
      // Refused or moved: check again under the locks, to append or to say exactly why not.
      await inTransaction(async (client) => {
        // One round trip for the locks, taken in sorted order (no deadlock between writers).
        await client.query(
          "select pg_advisory_xact_lock(hashtext(key)) from unnest($1::text[]) as key",
          [keys],
        );
        const current = await currentHeads(client, work);
        const taken = await takenIds(client, work);
        const checked = work.map((batch) => {
          const { seq, head } = current.get(streamKey(batch)) ?? { seq: 0, head: GENESIS };
          const envelopes = checkBatch(batch, seq, head, (id) => taken.get(id));
          envelopes.forEach((envelope) =>
            taken.set(envelope.id, `${streamKey(batch)} seq ${envelope.seq}`),
          );
          return { batch, envelopes };
        });
        await insertBatches(client, checked);
        await client.query("select pg_notify($1, $2)", [APPENDED_CHANNEL, notice]);
        await options.beforeCommit?.();
      });
    },
    async watch(onChange) {
      await connect().then((client) => client.release());
      const listener = new (await loadPg()).Client({ connectionString: url });
      const lost = () => onChange();
      listener.on("error", lost);
      listener.on("end", lost);
      listener.on("notification", (message) => {
        if (notifiedBy(message.payload) !== self) onChange();
      });
      try {
        await listener.connect();
        await listener.query(`listen ${APPENDED_CHANNEL}`);
      } catch (error) {
        listener.off("end", lost);
        await listener.end().catch(() => undefined);
        return fail(error);
      }
      return async () => {
        listener.off("end", lost);
        await listener.end().catch(() => undefined);
      };
    },
    async readRegistry() {
      const rows = await query<{ text: string }>("select text from registry where id = 1");
      return rows[0]?.text;
    },
    async writeRegistry(text, expected) {
      await inTransaction(async (client) => {
        await client.query("select pg_advisory_xact_lock(hashtext('designations registry'))");
        const { rows } = await client.query<{ text: string }>(
          "select text from registry where id = 1",
        );
        if (rows[0]?.text !== expected) {
          throw new ConcurrencyError(
            "the registry",
            0,
            0,
            `concurrency conflict on the company registry of ${location}: it changed since it was read. Read it again and retry`,
          );
        }
        await client.query(
          `insert into registry (id, text, version) values (1, $1, 1)
           on conflict (id) do update set text = excluded.text, version = registry.version + 1`,
          [text],
        );
      });
    },
    async integrityIssues() {
      const rows = await query<EventRow>(
        "select company, program, seq, id, line, line_hash from events order by program, company, seq",
      );
      const heads = await query<StreamHead>("select company, program, seq, head from streams");
      return rowIssues(location, rows, heads);
    },
    close: async () => {
      closed = true;
      if (opened !== undefined) await (await opened).end();
    },
  };
}

/** node-postgres, imported once, when a store first needs it. */
let driver: Promise<typeof pg> | undefined;
function loadPg(): Promise<typeof pg> {
  driver ??= import("pg").then((module) => module.default);
  return driver;
}

/**
 * The URL with its password removed, for messages.
 *
 * @example
 * redactedUrl("postgres://app:secret@db/designations"); // "postgres://app@db/designations"
 */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "";
    return parsed.toString();
  } catch {
    // Not a URL: keep what stands before any "user:password@".
    return url.replace(/\/\/[^/@]*@/, "//");
  }
}

function byStream(a: StreamHead, b: StreamHead): number {
  const left = `${a.program}\0${a.company}`;
  const right = `${b.program}\0${b.company}`;
  return left < right ? -1 : left > right ? 1 : 0;
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    // One migrating process at a time: the others wait, then find the schema up to date.
    await client.query("select pg_advisory_xact_lock(hashtext('designations migrations'))");
    await client.query(
      `create table if not exists designations_schema_version (
         version int primary key, applied timestamptz not null default now())`,
    );
    const { rows } = await client.query<{ version: number }>(
      "select coalesce(max(version), 0)::int as version from designations_schema_version",
    );
    const version = rows[0]?.version ?? 0;
    if (version > MIGRATIONS.length) {
      throw new StoreUnavailableError(
        `the database's schema is version ${version}, newer than this designations knows (${MIGRATIONS.length}): upgrade designations`,
      );
    }
    for (let next = version + 1; next <= MIGRATIONS.length; next++) {
      await client.query(MIGRATIONS[next - 1] ?? "");
      await client.query("insert into designations_schema_version (version) values ($1)", [next]);
    }
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function currentHeads(
  client: pg.PoolClient,
  batches: readonly LineBatch[],
): Promise<Map<string, { seq: number; head: string }>> {
  const { rows } = await client.query<StreamHead>(
    `select s.company, s.program, s.seq, s.head from streams s
     join unnest($1::text[], $2::text[]) as wanted(company, program)
       on s.company = wanted.company and s.program = wanted.program`,
    [batches.map((b) => b.company), batches.map((b) => b.program)],
  );
  return new Map(rows.map((row) => [streamKey(row), { seq: row.seq, head: row.head }]));
}

/** Where the ids of the batches' lines are already used in the database. */
async function takenIds(
  client: pg.PoolClient,
  batches: readonly LineBatch[],
): Promise<Map<string, string>> {
  const ids = batches.flatMap((batch) =>
    batch.lines.flatMap((line) => {
      const envelope = lineEnvelope(line);
      return typeof envelope === "string" ? [] : [envelope.id];
    }),
  );
  const { rows } = await client.query<{
    id: string;
    company: string;
    program: string;
    seq: number;
  }>("select id, company, program, seq from events where id = any($1::text[])", [ids]);
  return new Map(rows.map((row) => [row.id, `${streamKey(row)} seq ${row.seq}`]));
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Batches whose lines passed `checkBatch`, with their envelopes. */
type CheckedBatch = { batch: LineBatch; envelopes: readonly LineEnvelope[] };

/**
 * The batches checked against the heads their own first lines name (seq `expectedSeq`, head the
 * first line's prev, or the genesis hash for a new stream), ids against each other: what `designations_try_append` needs, or undefined
 * when the lines do not check out on their own (the exact check then says why).
 */
function checkedAgainstOwnHeads(batches: readonly LineBatch[]): CheckedBatch[] | undefined {
  const taken = new Map<string, string>();
  try {
    return batches.map((batch) => {
      const first = lineEnvelope(batch.lines[0] as string);
      if (typeof first === "string") throw new Error(first);
      const head = batch.expectedSeq === 0 ? GENESIS : first.prev;
      const envelopes = checkBatch(batch, batch.expectedSeq, head, (id) => taken.get(id));
      envelopes.forEach((envelope) => taken.set(envelope.id, streamKey(batch)));
      return { batch, envelopes };
    });
  } catch {
    return undefined;
  }
}

const TRY_APPEND = `select designations_try_append(
  $1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::int[], $7::text[],
  $8::text[], $9::text[], $10::int[], $11::text[], $12::text[], $13::text[], $14::timestamptz[],
  $15, $16) as applied`;

function tryAppendValues(
  keys: readonly string[],
  checked: readonly CheckedBatch[],
  notice: string,
) {
  const heads = headColumns(checked);
  return [
    keys,
    heads.companies,
    heads.programs,
    checked.map(({ batch }) => batch.expectedSeq),
    checked.map(({ envelopes }) => (envelopes[0] as LineEnvelope).prev),
    heads.seqs,
    heads.heads,
    ...eventColumns(checked),
    APPENDED_CHANNEL,
    notice,
  ];
}

/** The rows of `events` the batches add, column by column (for `unnest`). */
function eventColumns(checked: readonly CheckedBatch[]): unknown[][] {
  const rows = checked.flatMap(({ batch, envelopes }) =>
    batch.lines.map((line, index) => {
      const envelope = envelopes[index] as LineEnvelope;
      const recorded = envelope.recorded;
      return [
        batch.company,
        batch.program,
        envelope.seq,
        envelope.id,
        line,
        lineHash(line),
        recorded !== undefined && INSTANT.test(recorded) && !Number.isNaN(Date.parse(recorded))
          ? recorded
          : null,
      ];
    }),
  );
  return Array.from({ length: 7 }, (_, column) => rows.map((row) => row[column]));
}

/** The streams' heads once the batches are added, column by column. */
function headColumns(checked: readonly CheckedBatch[]) {
  return {
    companies: checked.map(({ batch }) => batch.company),
    programs: checked.map(({ batch }) => batch.program),
    seqs: checked.map(({ batch }) => batch.expectedSeq + batch.lines.length),
    heads: checked.map(({ batch }) => lineHash(batch.lines.at(-1) as string)),
  };
}

/** Every batch's rows in one insert, and the streams' new heads in one upsert. */
async function insertBatches(client: pg.PoolClient, checked: readonly CheckedBatch[]) {
  await client.query(
    `insert into events (company, program, seq, id, line, line_hash, recorded)
     select * from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])`,
    eventColumns(checked),
  );
  const heads = headColumns(checked);
  await client.query(
    `insert into streams (company, program, seq, head)
     select * from unnest($1::text[], $2::text[], $3::int[], $4::text[])
     on conflict (company, program) do update set seq = excluded.seq, head = excluded.head`,
    [heads.companies, heads.programs, heads.seqs, heads.heads],
  );
}

/** A row of the events table, as the integrity check reads it. */
interface EventRow {
  company: string;
  program: string;
  seq: number;
  id: string;
  line: string;
  line_hash: string;
}

/** Each row checked against its line: the hash, the seq order, the id; and the streams' heads. */
function rowIssues(
  location: string,
  rows: readonly EventRow[],
  heads: readonly StreamHead[],
): LogIssue[] {
  const issues: LogIssue[] = [];
  const last = new Map<string, { seq: number; hash: string }>();
  let stream = "";
  let expected = 1;
  for (const row of rows) {
    const key = streamKey(row);
    if (key !== stream) {
      stream = key;
      expected = 1;
    }
    const file = `${location} (table events, stream ${key})`;
    const problem = (field: string, message: string) =>
      issues.push({ file, line: row.seq, field, message });
    const hash = lineHash(row.line);
    if (row.line_hash !== hash) {
      problem(
        "line_hash",
        `is ${row.line_hash}, but the line hashes to ${hash}: the row was changed`,
      );
    }
    if (row.seq !== expected)
      problem("seq", `is ${row.seq}, expected ${expected}: rows are missing`);
    expected = row.seq + 1;
    const envelope = lineEnvelope(row.line);
    if (typeof envelope === "string") problem("line", envelope);
    else {
      if (envelope.id !== row.id)
        problem("id", `is ${row.id}, but the line's id is ${envelope.id}`);
      if (envelope.seq !== row.seq)
        problem("seq", `is ${row.seq}, but the line's seq is ${envelope.seq}`);
      if (envelope.stream !== key) problem("stream", `the line's stream is ${envelope.stream}`);
    }
    last.set(key, { seq: row.seq, hash });
  }
  for (const head of heads) {
    const key = streamKey(head);
    const found = last.get(key) ?? { seq: 0, hash: GENESIS };
    if (found.seq !== head.seq || found.hash !== head.head) {
      issues.push({
        file: `${location} (table streams, stream ${key})`,
        message: `says seq ${head.seq} and head ${head.head}, but its rows end at seq ${found.seq} with head ${found.hash}`,
      });
    }
    last.delete(key);
  }
  for (const key of last.keys()) {
    issues.push({
      file: `${location} (table streams)`,
      message: `has no row for ${key}, which has events`,
    });
  }
  return issues;
}

/** SQLSTATE classes that are the database's or the connection's, not a bug: 08 connection, 28 login, 3D no database, 53 resources, 57 shut down. */
const UNAVAILABLE = /^(08|28|3D|53|57)/;

/**
 * An error of the store as the user should read it: the store's own errors as they are, a failed
 * connection or login as a `StoreUnavailableError` naming the URL (without password) and cause,
 * and a duplicate id that a racing transaction committed first as an `AppendRejectedError`.
 */
function userError(error: unknown, location: string): unknown {
  if (
    error instanceof ConcurrencyError ||
    error instanceof AppendRejectedError ||
    error instanceof StoreUnavailableError
  ) {
    return error;
  }
  const { code, message, detail } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
    detail?: unknown;
  };
  const text = typeof message === "string" ? message : String(error);
  if (code === "23505" && typeof detail === "string" && detail.startsWith("Key (id)")) {
    const id = /=\((.*)\)/.exec(detail)?.[1] ?? "";
    return new AppendRejectedError("the store", `id ${id} is already used`, "id");
  }
  const os = typeof code === "string" && /^E[A-Z]+$/.test(code);
  const sql = typeof code === "string" && UNAVAILABLE.test(code);
  const timeout = /timeout|terminated|Connection terminated/i.test(text);
  if (os || sql || timeout || /password|SASL|SCRAM/i.test(text)) {
    return new StoreUnavailableError(`cannot use the store ${location}: ${text}`);
  }
  return error;
}

/** Who sent a notification on `designations_appended` (undefined: not one of ours). */
function notifiedBy(payload: string | undefined): unknown {
  try {
    return (JSON.parse(payload ?? "") as { by?: unknown }).by;
  } catch {
    return undefined;
  }
}
