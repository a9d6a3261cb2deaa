import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { today } from "../src/cli/today.js";

// Every `$ npm start ...` example in the README, run for real: the README must stay true.
const root = fileURLToPath(new URL("..", import.meta.url));
const main = join(root, "src/cli/main.ts");
const tsx = import.meta.resolve("tsx");
const readme = readFileSync(join(root, "README.md"), "utf8");

interface Example {
  args: string[];
  expected: string;
}

function examples(): Example[] {
  const found: Example[] = [];
  let inBlock = false;
  let current: Example | undefined;
  for (const line of readme.split("\n")) {
    if (line.startsWith("```")) {
      inBlock = !inBlock;
      current = undefined;
      continue;
    }
    if (!inBlock) continue;
    const command = /^\$ npm start(?: --silent)?(?: -- (.*))?$/.exec(line);
    if (command) {
      current = { args: shellWords(command[1] ?? ""), expected: "" };
      found.push(current);
    } else if (line.startsWith("$ ")) {
      current = undefined;
    } else if (current) {
      current.expected += `${line}\n`;
    }
  }
  return found;
}

/** The words of a command line as a POSIX shell splits them (plain, '...' and "..." quoting). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) {
    words.push(match[1] ?? match[2] ?? match[3] ?? "");
  }
  return words;
}

function brokenEventsFolder(): string {
  // The folder the README's error example points at: Xiaomi's log with an impossible date.
  const cwd = mkdtempSync(join(tmpdir(), "readme-"));
  mkdirSync(join(cwd, "broken-events/dod-1237"), { recursive: true });
  const lines = readFileSync(join(root, "events/dod-1237/xiaomi.jsonl"), "utf8").split("\n");
  lines[2] = (lines[2] ?? "").replace('"effective":"2021-02-05"', '"effective":"2021-02-30"');
  writeFileSync(join(cwd, "broken-events/dod-1237/xiaomi.jsonl"), lines.join("\n"));
  return cwd;
}

describe("README examples", () => {
  const all = examples();
  const cwd = brokenEventsFolder();

  it("covers every command", () => {
    const commands = new Set(all.map((example) => example.args[0] ?? "(none)"));
    expect([...commands].sort()).toEqual([
      "(none)",
      "append",
      "correct",
      "list",
      "replay",
      "retract",
      "status",
      "timeline",
      "verify",
    ]);
  });

  it.each(all.map((example) => [example.args.join(" ") || "(no arguments)", example] as const))(
    "npm start -- %s prints what the README shows",
    (_, { args, expected }) => {
      const result = spawnSync(process.execPath, ["--import", tsx, main, ...args], {
        cwd,
        encoding: "utf8",
        env: { ...process.env, NODE_OPTIONS: "" },
      });
      const printed = result.stdout + result.stderr;
      // The overview is of today: the README shows the day it was written.
      const shown = expected.replace(/on \d{4}-\d{2}-\d{2}\n/, (match) =>
        args.length === 0 ? `on ${today()}\n` : match,
      );
      expect(printed).toBe(shown);
    },
  );
});
