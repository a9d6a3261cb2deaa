import { type Scenario, type ScenarioEdit, ScenarioSchema } from "../simulate/scenario.js";
import { RequestError } from "./requestError.js";
import { readScenario } from "./readScenario.js";

/**
 * The scenario for a company: the edits of a scenario file (if any) followed by `edits`, in that
 * order, named after the file or, without one, after what the edits do. Throws `RequestError`
 * when the file is about another company or an edit is malformed, `RequestFileError` for a file
 * that is not a scenario (naming its fields), `LogError` for one that cannot be read.
 *
 * @example
 * scenarioOf("xiaomi", undefined, [{ drop: "xiaomi-dod-1237-0006" }]).name; // "without xiaomi-dod-1237-0006"
 */
export function scenarioOf(
  company: string,
  file: string | undefined,
  edits: readonly ScenarioEdit[],
): Scenario {
  const base =
    file === undefined ? { name: "command-line edits", company, edits: [] } : readScenario(file);
  if (base.company !== company) {
    throw new RequestError(`the scenario is about ${base.company}, not ${company}`);
  }
  const all = [...base.edits, ...edits];
  const named = { ...base, edits: all, name: file === undefined ? describeEdits(all) : base.name };
  const parsed = ScenarioSchema.safeParse(named);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RequestError(`edit ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}

function describeEdits(edits: readonly ScenarioEdit[]): string {
  return (
    edits
      .map((edit) =>
        "drop" in edit
          ? `without ${edit.drop}`
          : "move" in edit
            ? `${edit.move} on ${edit.to}`
            : "replace" in edit
              ? `${edit.replace} replaced by ${edit.with.type} on ${edit.with.effective}`
              : `with ${edit.insert.type} on ${edit.insert.effective}`,
      )
      .join(", ") || "no edits"
  );
}
