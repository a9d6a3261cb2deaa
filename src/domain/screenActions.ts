import type { EffectKind } from "./programRules/effect.js";

/** What a screened row does with the company: trade its securities, hold them, or deal with DoD. */
export const SCREEN_ACTIONS = ["buy", "sell", "hold", "contract", "procure"] as const;

export type ScreenAction = (typeof SCREEN_ACTIONS)[number];

/**
 * The effects that forbid each action while in force. A sale is forbidden once holding is (the
 * divestment window has closed); inside the window a sale to divest is what the orders permit.
 */
export const FORBIDDEN_BY: Readonly<Record<ScreenAction, readonly EffectKind[]>> = {
  buy: ["purchase-ban"],
  sell: ["holding-ban"],
  hold: ["holding-ban"],
  contract: ["dod-contracting-ban"],
  procure: ["dod-procurement-ban"],
};

/** The words files use for each action (case and spacing aside). */
const ACTION_WORDS: Readonly<Record<string, ScreenAction>> = {
  buy: "buy",
  b: "buy",
  purchase: "buy",
  bought: "buy",
  sell: "sell",
  s: "sell",
  sale: "sell",
  sold: "sell",
  "sell short": "sell",
  hold: "hold",
  holding: "hold",
  position: "hold",
  held: "hold",
  contract: "contract",
  award: "contract",
  procure: "procure",
  procurement: "procure",
  source: "procure",
};

/**
 * The action a file's word means, or `undefined` for a word it does not know.
 *
 * @example
 * screenActionOf(" Purchase "); // "buy"
 * screenActionOf("S"); // "sell"
 * screenActionOf("lend"); // undefined
 */
export function screenActionOf(word: string): ScreenAction | undefined {
  return ACTION_WORDS[word.trim().toLowerCase().replace(/\s+/g, " ")];
}
