/** Building DOM safely: every string becomes a text node, never HTML, so names and messages from uploads cannot inject markup. */

/** `h("a", { href, class: "link", onClick }, "text", child)`: an element with props and children. */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") element.className = value;
    else if (key.startsWith("on")) element.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === "style") Object.assign(element.style, value);
    else element.setAttribute(key, value === true ? "" : String(value));
  }
  element.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** Replaces all children of `element`. */
export function fill(element, ...children) {
  element.replaceChildren(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

export function byId(id) {
  return document.getElementById(id);
}

const toasts = () => byId("toasts");

/** A short notice in the corner; `kind` is "info", "ok" or "error". */
export function toast(message, kind = "info") {
  const note = h("div", { class: `toast toast-${kind}`, role: kind === "error" ? "alert" : "status" }, message);
  toasts().append(note);
  setTimeout(() => note.classList.add("toast-leaving"), kind === "error" ? 7000 : 3500);
  setTimeout(() => note.remove(), kind === "error" ? 7400 : 3900);
}

/** The messages of a payload's `errors` list, one line. */
export function describeErrors(errors) {
  return errors.map((error) => `${error.message} (${error.code})`).join("; ");
}

/** Copies `text`, then says `done`; browsers offer the clipboard only on https and localhost. */
export function copyText(text, done) {
  if (!navigator.clipboard) {
    toast("This browser offers no clipboard here (it needs https or localhost)", "error");
    return;
  }
  navigator.clipboard.writeText(text).then(() => toast(done, "ok"), () => toast("The browser did not allow copying", "error"));
}
