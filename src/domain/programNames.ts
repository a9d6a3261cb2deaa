/** What each program id stands for, and who publishes it, for sentences and summaries. */
export const PROGRAMS: Readonly<Record<string, { name: string; authority: string }>> = {
  "dod-1237": {
    name: "DoD's Section 1237 list of Communist Chinese military companies",
    authority: "Department of Defense",
  },
  "dod-1260h": {
    name: "DoD's Section 1260H list of Chinese military companies",
    authority: "Department of Defense",
  },
  "ofac-ns-ccmc": {
    name: "Treasury's NS-CCMC list (EO 13959)",
    authority: "Department of the Treasury (OFAC)",
  },
  "ofac-ns-cmic": {
    name: "Treasury's NS-CMIC list (EO 14032)",
    authority: "Department of the Treasury (OFAC)",
  },
  "bis-entity-list": { name: "Commerce's Entity List", authority: "Department of Commerce (BIS)" },
  "bis-meu": {
    name: "Commerce's Military End-User List",
    authority: "Department of Commerce (BIS)",
  },
};

/**
 * The program's name for a sentence, or its id when the program is not one of the known lists.
 *
 * @example
 * programName("dod-1260h"); // "DoD's Section 1260H list of Chinese military companies"
 */
export function programName(program: string): string {
  return PROGRAMS[program]?.name ?? `the ${program} list`;
}
