import { describe, expect, it } from "vitest";
import { REPORT_SCRIPT } from "../../src/report/browser/bundle.generated.js";
import { reportHtml } from "../../src/report/reportHtml.js";
import { bundleReportScript, staleReportScript } from "../../scripts/reportScriptBundle.js";

describe("src/report/browser/bundle.generated.ts", () => {
  it("is what npm run bundle writes from src/report/browser (run it when this fails)", async () => {
    expect(await staleReportScript()).toBeUndefined();
  });

  it("holds one self-contained IIFE, in ASCII, that nothing in the page can end early", async () => {
    const script = await bundleReportScript();
    expect(script).toMatch(/^("use strict";)?\(\(\)=>\{[\s\S]*\}\)\(\);$/);
    expect(script).toMatch(/^[\x20-\x7e\n]*$/);
    expect(script).not.toMatch(/<\/script|<!--/i);
    expect(script).not.toMatch(/\bimport\b|\brequire\(|\bfetch\(/);
  });

  it("brings no server-side code along: the script stays far smaller than any such module", () => {
    expect(REPORT_SCRIPT.length).toBeLessThan(40_000);
  });

  it("is the script the report page runs", () => {
    const html = reportHtml({
      title: "t",
      subtitle: "s",
      generated: "2026-11-23",
      cursor: "2021-04-01",
      range: { from: "2020-12-01", to: "2021-06-25" },
      lanes: [],
    });
    expect(html).toContain(`<script>${REPORT_SCRIPT}</script>`);
  });
});
