/**
 * vitest globalSetup: a throwaway PostgreSQL cluster (scripts/throwawayCluster.ts, fsync off) for
 * the tests of the PostgreSQL store, unless `DESIGNATIONS_TEST_DATABASE_URL` names a server
 * already (any database on it: each test file creates databases of its own). Missing binaries
 * fail the run with what to install: these tests are never skipped.
 */
import type { TestProject } from "vitest/node";
import { startThrowawayCluster, TEST_DATABASE_ENV } from "../../scripts/throwawayCluster.js";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env[TEST_DATABASE_ENV];
  if (given !== undefined && given !== "") {
    project.provide("databaseUrl", given);
    return undefined;
  }
  const cluster = await startThrowawayCluster({ fsync: false });
  process.env[TEST_DATABASE_ENV] = cluster.url;
  project.provide("databaseUrl", cluster.url);
  return cluster.stop;
}
