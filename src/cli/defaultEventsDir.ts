import { fileURLToPath } from "node:url";

/** The repository's own `events/` folder (same depth from `src/cli` and from `dist/cli`). */
export const DEFAULT_EVENTS_DIR = fileURLToPath(new URL("../../events", import.meta.url));
