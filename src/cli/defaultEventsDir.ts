import { fileURLToPath } from "node:url";

/** The repository's own `events/` folder (the same depth from `src/cli`, `dist/cli` and the bundled bin's `dist/bin`). */
export const DEFAULT_EVENTS_DIR = fileURLToPath(new URL("../../events", import.meta.url));
