/**
 * Takes the screenshot of the report that the README shows (docs/report.png): the report of a
 * few companies opened in Debian's Chromium, the date cursor on 2021-04-01 and the card of
 * Xiaomi's injunction of 2021-03-12 open.
 *
 *   npm run screenshot
 *   npm run screenshot -- --out /tmp/report.png
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_EVENTS_DIR } from "../src/cli/defaultEventsDir.js";
import { runCli } from "../src/cli/runCli.js";
import { runGuarded } from "../src/cli/runGuarded.js";
import { today } from "../src/cli/today.js";
import { launchChromium } from "./chromium.js";

const COMPANIES = ["xiaomi", "luokung", "gowin", "cnooc", "amec"];

await runGuarded("npm run screenshot -- --help", async () => {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const out = values.out ?? join("docs", "report.png");
  const dir = mkdtempSync(join(tmpdir(), "designations-screenshot-"));
  const page = join(dir, "report.html");
  try {
    const code = runCli(["report", ...COMPANIES, "--out", page, "--at", "2021-04-01"], {
      out: () => {},
      err: (text) => process.stderr.write(`${text}\n`),
      today: today(),
      defaultEventsDir: DEFAULT_EVENTS_DIR,
    });
    if (code !== 0) return code;
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage({ viewport: { width: 1366, height: 860 } });
      await tab.goto(`file://${page}`);
      const lane = tab.locator('#lanes .lane[data-stream="xiaomi/dod-1237"]');
      await tab.selectOption("#lane-select", (await lane.getAttribute("data-lane")) ?? "0");
      await lane.locator('.marker[data-date="2021-03-12"]').hover();
      await tab.screenshot({ path: out });
    } finally {
      await browser.close();
    }
    process.stdout.write(`wrote ${out}\n`);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
