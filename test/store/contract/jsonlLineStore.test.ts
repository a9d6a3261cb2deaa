import { rmSync } from "node:fs";
import { join } from "node:path";
import { jsonlLineStore } from "../../../src/store/jsonlLineStore.js";
import { makeTempDir } from "../support/logFixtures.js";
import { lineStoreContract } from "./lineStoreContract.js";

lineStoreContract("the JSONL folder", async () => {
  const dir = makeTempDir("designations-linestore-");
  // A folder that does not exist yet is an empty store; the first append creates it.
  return {
    store: jsonlLineStore(join(dir, "events")),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
