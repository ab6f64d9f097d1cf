/** The token of this browser tab: from `/#token=...` (then removed from the address bar) or typed in, kept in sessionStorage. */

const KEY = "atelier.token";

/** Takes a token handed over in the URL fragment, keeping it out of history and the address bar; true if one was there. */
export function adoptTokenFromUrl() {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get("token");
  if (!token) return false;
  params.delete("token");
  const rest = params.toString();
  history.replaceState(null, "", `${location.pathname}${location.search}${rest ? `#${rest}` : ""}`);
  sessionStorage.setItem(KEY, token.trim());
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
