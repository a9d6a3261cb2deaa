import { or, setup, stateIn } from "xstate";
import type { LifecycleEventType } from "./eventTypes.js";

/** What the machine receives: only the type matters to the lifecycle. */
export type LifecycleEvent = { type: LifecycleEventType };

/**
 * The lifecycle of one stream (a company on one program), as two parallel regions:
 * - `listing`: unlisted → listed → removed (delisted | vacated) → listed again on a new listing;
 * - `litigation`: none → pending → enjoined → settled → closed (won | lost | dismissed).
 *
 * This machine is the single source of which event is allowed where. An event with no enabled
 * transition is invalid history: XState would ignore it silently, so the replay checks for it.
 * States in which an injunction is in force carry the tag `injunction`.
 *
 * @example
 * import { initialTransition, transition } from "xstate";
 * const [start] = initialTransition(lifecycleMachine);
 * const [listed] = transition(lifecycleMachine, start, { type: "Listed" });
 * listed.value; // { listing: "listed", litigation: "none" }
 */
export const lifecycleMachine = setup({
  types: {
    events: {} as LifecycleEvent,
  },
  guards: {
    isListed: stateIn({ listing: "listed" }),
    // A court vacates a designation only in a challenge that is still open.
    challengeIsOpen: or([
      stateIn({ litigation: "pending" }),
      stateIn({ litigation: "enjoined" }),
      stateIn({ litigation: "settled" }),
    ]),
  },
}).createMachine({
  id: "designation",
  type: "parallel",
  // Informational facts are accepted in every state and change nothing.
  on: { Noted: {}, EditionPublished: {} },
  states: {
    listing: {
      initial: "unlisted",
      states: {
        unlisted: {
          on: { Listed: "listed" },
        },
        listed: {
          on: {
            Relisted: { target: "listed", reenter: true },
            Delisted: "removed.delisted",
            DesignationVacated: { target: "removed.vacated", guard: "challengeIsOpen" },
          },
        },
        removed: {
          initial: "delisted",
          states: { delisted: {}, vacated: {} },
          on: { Listed: "listed" },
        },
      },
    },
    litigation: {
      initial: "none",
      states: {
        none: {
          on: { ChallengeFiled: { target: "pending", guard: "isListed" } },
        },
        pending: {
          on: {
            InjunctionGranted: "enjoined",
            InjunctionDenied: { target: "pending", reenter: true },
            SettlementReached: "settled.withoutInjunction",
            DesignationVacated: { target: "closed.won", guard: "isListed" },
            JudgmentForGovernment: "closed.lost",
            ChallengeDismissed: "closed.dismissed",
          },
        },
        enjoined: {
          tags: ["injunction"],
          on: {
            InjunctionLifted: "pending",
            SettlementReached: "settled.withInjunction",
            DesignationVacated: { target: "closed.won", guard: "isListed" },
            JudgmentForGovernment: "closed.lost",
            ChallengeDismissed: "closed.dismissed",
          },
        },
        settled: {
          // A settlement leaves an injunction already in force in force.
          initial: "withoutInjunction",
          states: {
            withoutInjunction: {},
            withInjunction: { tags: ["injunction"] },
          },
          on: {
            DesignationVacated: { target: "closed.won", guard: "isListed" },
            ChallengeDismissed: "closed.dismissed",
          },
        },
        closed: {
          initial: "dismissed",
          states: {
            won: {},
            lost: { on: { AppealFiled: "#designation.litigation.pending" } },
            dismissed: {},
          },
          on: { ChallengeFiled: { target: "pending", guard: "isListed" } },
        },
      },
    },
  },
});

export type LifecycleMachine = typeof lifecycleMachine;
