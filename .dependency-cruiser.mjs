/**
 * The layers of src/, lowest first. A folder may import its own files and those of the layers
 * listed for it; any other arrow fails `npm run lint` (and so `npm test`).
 * docs/ARCHITECTURE.md explains them.
 */
export const layers = {
  domain: [],
  store: ["domain"],
  replay: ["domain", "store"],
  query: ["domain", "replay"],
  simulate: ["domain", "store", "replay", "query"],
  report: ["domain", "replay", "query", "simulate"],
  export: ["domain", "replay", "query"],
  app: ["domain", "store", "replay", "query", "simulate", "report", "export"],
  server: ["domain", "replay", "query", "simulate", "report", "export", "app"],
  cli: ["domain", "query", "simulate", "report", "export", "app", "server"],
};

/** Only these touch the file system: the store (the log's files) and the layers that write output. */
const fileSystemAllowed = "^src/(store|app|cli)/";

export default {
  forbidden: [
    ...Object.entries(layers).map(([layer, below]) => ({
      name: `${layer}-imports-only-below`,
      comment: `src/${layer} may import only ${below.length > 0 ? below.join(", ") : "itself"} (docs/ARCHITECTURE.md)`,
      severity: "error",
      from: { path: `^src/${layer}/` },
      to: { path: "^src/", pathNot: [`^src/(${[layer, ...below].join("|")})/`] },
    })),
    {
      name: "no-file-system-in-pure-layers",
      comment: "domain, replay, query, simulate, report and export compute; they do no I/O",
      severity: "error",
      from: { path: "^src/", pathNot: fileSystemAllowed },
      to: { dependencyTypes: ["core"], path: "^(node:)?fs" },
    },
    {
      name: "no-circular",
      comment: "no module depends on itself through others",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "^src/index\\.ts$" },
  },
};
