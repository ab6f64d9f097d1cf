/** The scene editor's keyboard shortcuts: Ctrl+Z undoes, Ctrl+Shift+Z or Ctrl+Y redoes (⌘ on a Mac), except where typing has its own undo. */

const TYPING_TYPES = new Set(["text", "search", "number", "email", "url", "tel", "password", "date", "datetime-local", "time", "month", "week", ""]);

/** Whether `element` takes typed text (and so keeps the browser's own undo of that text). */
export function takesText(element) {
  if (!element) return false;
  if (element.isContentEditable) return true;
  const tag = element.tagName?.toLowerCase();
  if (tag === "textarea") return true;
  return tag === "input" && TYPING_TYPES.has((element.getAttribute?.("type") ?? "").toLowerCase());
}

/** "undo", "redo" or null for the keydown `event`. */
export function historyShortcut(event) {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || takesText(event.target)) return null;
  const key = event.key.toLowerCase();
  if (key === "z") return event.shiftKey ? "redo" : "undo";
  if (key === "y" && !event.shiftKey) return "redo";
  return null;
}
