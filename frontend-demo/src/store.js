/** A small observable store: one state object, replaced by `set`, announced to every subscriber. */

export function createStore(initial) {
  let state = initial;
  const listeners = new Set();
  return {
    get: () => state,
    /** Merges `patch` (or the result of `patch(state)`) into the state and notifies. */
    set(patch) {
      state = { ...state, ...(typeof patch === "function" ? patch(state) : patch) };
      listeners.forEach((listener) => listener(state));
    },
    /** `listener(state)` runs on every change; returns the function that unsubscribes it. */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
