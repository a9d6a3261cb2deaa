import { initialTransition, transition } from "xstate";
import { getAdjacencyMap } from "xstate/graph";
import { describe, expect, it } from "vitest";
import { LIFECYCLE_EVENT_TYPES } from "../../src/domain/eventTypes.js";
import { lifecycleMachine } from "../../src/domain/lifecycleMachine.js";
import {
  headlineStatus,
  isEnforceable,
  lifecycleStateOf,
} from "../../src/domain/lifecycleState.js";
import type { LifecycleSnapshot } from "../../src/domain/lifecycleStep.js";
import {
  deriveTransitionTable,
  nextState,
  transitionTable,
} from "../../src/domain/transitionTable.js";

const table = deriveTransitionTable();
const key = (snapshot: LifecycleSnapshot) => JSON.stringify(lifecycleStateOf(snapshot.value));

/** Every state the machine reaches, found by xstate/graph: independent of the table's own search. */
function graphStates(): Map<string, LifecycleSnapshot> {
  const [start] = initialTransition(lifecycleMachine);
  const graph = getAdjacencyMap(lifecycleMachine, {
    fromState: start,
    events: LIFECYCLE_EVENT_TYPES.map((type) => ({ type })),
  });
  return new Map(Object.values(graph).map((node) => [key(node.state), node.state]));
}

describe("the transition table derived from the machine", () => {
  const states = graphStates();

  it("has exactly the states the machine can reach", () => {
    expect(new Set(table.states.map((state) => JSON.stringify(state)))).toEqual(
      new Set(states.keys()),
    );
    expect(table.states).toHaveLength(states.size);
  });

  it("starts where the machine starts", () => {
    const [start] = initialTransition(lifecycleMachine);
    expect(table.states[table.initial]).toEqual(lifecycleStateOf(start.value));
  });

  it("agrees with XState's transition() on every state and event type", () => {
    let checked = 0;
    for (const [stateKey, snapshot] of states) {
      const index = table.states.findIndex((state) => JSON.stringify(state) === stateKey);
      for (const type of LIFECYCLE_EVENT_TYPES) {
        const handled = lifecycleMachine.getTransitionData(snapshot, { type }).length > 0;
        const next = nextState(table, index, type);
        expect(next >= 0, `${stateKey} + ${type}`).toBe(handled);
        if (handled) {
          const [after] = transition(lifecycleMachine, snapshot, { type });
          expect(table.states[next], `${stateKey} + ${type}`).toEqual(
            lifecycleStateOf(after.value),
          );
        }
        checked += 1;
      }
    }
    expect(checked).toBe(states.size * LIFECYCLE_EVENT_TYPES.length);
  });

  it("gives each state its headline status and enforceability", () => {
    table.states.forEach((state, index) => {
      expect(table.status[index]).toBe(headlineStatus(state));
      expect(table.enforceable[index]).toBe(isEnforceable(state));
    });
  });

  it("rejects a type the machine does not know", () => {
    expect(nextState(table, table.initial, "Blacklisted")).toBe(-1);
  });

  it("is derived once and shared", () => {
    expect(transitionTable()).toBe(transitionTable());
  });
});
