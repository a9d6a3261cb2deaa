/**
 * The PostgreSQL store's schema, one migration per version, applied in order on first use and
 * recorded in `designations_schema_version`. Never edit a migration that has shipped: add one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the lines, the streams' versions, the registry.
  `create table events (
     position bigserial primary key,
     company text not null,
     program text not null,
     seq int not null check (seq >= 1),
     id text unique not null,
     line text not null,
     line_hash text not null,
     recorded timestamptz,
     unique (company, program, seq)
   );
   create table streams (
     company text not null,
     program text not null,
     seq int not null,
     head text not null,
     primary key (company, program)
   );
   create table registry (
     id int primary key check (id = 1),
     text text not null,
     version bigint not null
   );`,
  // 2: an append in one round trip, for batches already checked against the heads they expect:
  // locks the streams (keys in sorted order), and writes only if every stream is still at its
  // expected seq and head and no id is taken; false (nothing written) otherwise.
  `create function designations_try_append(
     lock_keys text[],
     stream_companies text[], stream_programs text[], expected_seqs int[], expected_heads text[],
     new_seqs int[], new_heads text[],
     companies text[], programs text[], seqs int[], ids text[], lines text[], line_hashes text[],
     recorded timestamptz[],
     channel text, payload text
   ) returns boolean language plpgsql as $$
   declare
     key text;
   begin
     foreach key in array lock_keys loop
       perform pg_advisory_xact_lock(hashtext(key));
     end loop;
     if exists (
       select 1 from unnest(stream_companies, stream_programs, expected_seqs, expected_heads)
         as wanted(company, program, seq, head)
       left join streams s on s.company = wanted.company and s.program = wanted.program
       where coalesce(s.seq, 0) <> wanted.seq or (s.seq is not null and s.head <> wanted.head)
     ) or exists (select 1 from events where id = any(ids)) then
       return false;
     end if;
     insert into events (company, program, seq, id, line, line_hash, recorded)
       select * from unnest(companies, programs, seqs, ids, lines, line_hashes, recorded);
     insert into streams (company, program, seq, head)
       select * from unnest(stream_companies, stream_programs, new_seqs, new_heads)
       on conflict (company, program) do update set seq = excluded.seq, head = excluded.head;
     perform pg_notify(channel, payload);
     return true;
   end $$;`,
];
