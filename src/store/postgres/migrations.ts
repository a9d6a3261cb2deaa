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
];
