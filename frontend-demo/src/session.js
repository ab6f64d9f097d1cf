/** The token of this browser tab: from `/#token=...` (then removed from the address bar) or typed in, kept in sessionStorage. */

const KEY = "atelier.token";

/**
 * Takes a token handed over in the URL fragment, keeping it out of history and the address bar; true if it was adopted.
 * A link can be crafted by anyone, so one that would replace a session already signed in with another token asks first.
 */
export function adoptTokenFromUrl(ask = (question) => window.confirm(question)) {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get("token")?.trim();
  if (!token) return false;
  params.delete("token");
  const rest = params.toString();
  history.replaceState(null, "", `${location.pathname}${location.search}${rest ? `#${rest}` : ""}`);
  const current = storedToken();
  if (current === token) return false;
  if (current && !ask("This link signs in with a different token. Replace the session signed in now?")) return false;
  sessionStorage.setItem(KEY, token);
  return true;
}

export function storedToken() {
  return sessionStorage.getItem(KEY);
}

export function storeToken(token) {
  sessionStorage.setItem(KEY, token.trim());
}

export function forgetToken() {
  sessionStorage.removeItem(KEY);
}
