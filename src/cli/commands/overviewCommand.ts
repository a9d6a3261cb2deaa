import { listStreams } from "../../query/companyQueries.js";
import type { Command } from "../command.js";
import { loadTimelines } from "../loadTimelines.js";
import { listTable } from "./listCommand.js";

/** What `designations` (and `npm start`) prints with no command: every stream's status today. */
export const overviewCommand: Command = {
  name: "overview",
  summary: "every tracked stream's status today (what the tool prints with no command)",
  help: `Usage: designations [--events DIR]

Prints every tracked stream's status today, then the commands. Same as: designations list`,
  options: {},
  positionals: { min: 0, max: 0 },
  run({ values }, io) {
    const streams = listStreams(loadTimelines(values, io), io.today);
    io.out(
      `Status of every tracked stream on ${io.today}\n${listTable(streams)}\n\nRun designations --help for the commands.`,
    );
    return 0;
  },
};
