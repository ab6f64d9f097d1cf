/**
 * Sends a scene's edits: each is one `sceneUpdate` with `expectedVersion`, remembered with its
 * inverse so undo and redo are further versions; a CONFLICT keeps the edit for the user to reapply.
 */
import { request } from "./client.js";
import { DemoSceneDocument, DemoSceneUpdateDocument } from "./generated/operations.ts";
import { operationTargets, sceneDiff } from "./scene-tree.js";

export class SceneEdits {
  /** `store` holds `{ scene, conflict, undo, redo, busy }`. */
  constructor(store) {
    this.store = store;
  }

  /** Applies `operations` (undone by `inverse`, when there is one); false when refused. */
  async apply(operations, inverse = null, { history = "undo", label = "edit" } = {}) {
    const { scene } = this.store.get();
    this.store.set({ busy: true });
    try {
      const { sceneUpdate } = await request(DemoSceneUpdateDocument, { id: scene.id, input: { operations }, expectedVersion: scene.version });
      if (sceneUpdate.errors.length) {
        await this.refused(sceneUpdate.errors, { operations, inverse, label, history }, scene);
        return false;
      }
      this.store.set((state) => {
        const step = inverse && { operations: inverse, inverse: operations, label };
        // A new edit forgets what was undone; an undo can be redone; a redo can be undone again.
        const undo = history === "redo" ? state.undo : [...state.undo, step].filter(Boolean);
        const redo = history === "redo" ? [...state.redo, step].filter(Boolean) : history === "again" ? state.redo : [];
        return { scene: newer(state.scene, sceneUpdate.scene), conflict: null, undo, redo, error: null };
      });
      return true;
    } finally {
      this.store.set({ busy: false });
    }
  }

  /** `sent` is the scene the edit was made on; a CONFLICT compares it with the version that won. */
  async refused(errors, edit, sent) {
    if (!errors.some((error) => error.code === "CONFLICT")) {
      this.store.set({ error: errors.map((error) => `${error.message} (${error.code})`).join("; ") });
      return;
    }
    // Someone else's version landed first: show it and what it changed (warning where it touched
    // what ours touches), and keep ours to reapply on top of it.
    const { scene } = await request(DemoSceneDocument, { id: sent.id });
    const changes = sceneDiff(sent, scene);
    const targets = operationTargets(edit.operations);
    const overlap = changes.filter((change) => targets.has(change.id)).map((change) => change.text);
    this.store.set((state) => ({ scene: newer(state.scene, scene), conflict: { ...edit, theirs: scene.version, ours: sent.version, changes, overlap } }));
  }

  /** Sends the edit a CONFLICT held back again, against the version now shown; an undo stays an undo. */
  reapply() {
    const { conflict } = this.store.get();
    if (conflict) this.apply(conflict.operations, conflict.inverse, { history: conflict.history, label: conflict.label });
  }

  discard() {
    this.store.set({ conflict: null });
  }

  /** Sends the inverse of the last edit made here, as a new version (the API keeps no older states to go back to). */
  undo() {
    const { undo, busy } = this.store.get();
    const step = undo.at(-1);
    if (!step || busy) return;
    this.store.set((state) => ({ undo: state.undo.slice(0, -1) }));
    this.apply(step.operations, step.inverse, { history: "redo", label: step.label });
  }

  redo() {
    const { redo, busy } = this.store.get();
    const step = redo.at(-1);
    if (!step || busy) return;
    this.store.set((state) => ({ redo: state.redo.slice(0, -1) }));
    this.apply(step.operations, step.inverse, { history: "again", label: step.label });
  }
}

/** The later of two copies of the same scene: a live event may overtake a mutation's answer. */
export function newer(current, incoming) {
  return !current || incoming.version >= current.version ? incoming : current;
}
