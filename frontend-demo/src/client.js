/**
 * The page's GraphQL client: urql for queries and mutations (its fetch exchange sends File
 * variables by the GraphQL multipart request spec), graphql-ws for subscriptions; both carry the
 * bearer token, and a refused token is reported in one place.
 */
import { Client, fetchExchange, mapExchange } from "@urql/core";
import { print } from "graphql";
import { createClient as createWsClient } from "graphql-ws";

const UNAUTHORIZED_CLOSE = 4401;

/** The server refused the token (HTTP 401 or websocket close 4401): the page must sign in again. */
export class AuthError extends Error {}

/** A GraphQL response with top-level `errors`: a bug or an unavailable server, not user input. */
export class RequestError extends Error {}

let endpoint = null;
let http = null;
let live = null;
const refusals = new Set();

function refused(message) {
  const error = new AuthError(message || "The token was refused");
  refusals.forEach((listener) => listener(error));
  return error;
}

/** `listener(error)` hears every refusal of the token, so one place can sign out. */
export function onAuthError(listener) {
  refusals.add(listener);
}

/** Points the HTTP client at `base` (the page's own address by default), sending `token`. */
export function connect(token, base = location.href) {
  endpoint = { token, url: new URL("/graphql", base).toString() };
  http = new Client({
    url: endpoint.url,
    exchanges: [mapExchange({ onError: (error) => error.response?.status === 401 && refused(error.graphQLErrors[0]?.message) }), fetchExchange],
    fetchOptions: () => ({ headers: { Authorization: `Bearer ${token}` } }),
    requestPolicy: "network-only",
  });
}

/**
 * Opens the websocket for subscriptions, retried until the token is refused. `onState(state)`
 * hears "connecting", "live", "offline" and "refused"; `onResume()` runs after each reconnect,
 * to fetch what was missed while it was down.
 */
export function openLive({ onState = () => {}, onResume = () => {} } = {}) {
  live?.dispose();
  live = createWsClient({
    url: endpoint.url.replace(/^http/, "ws"),
    connectionParams: { authorization: `Bearer ${endpoint.token}` },
    lazy: false,
    retryAttempts: Infinity,
    shouldRetry: (event) => event?.code !== UNAUTHORIZED_CLOSE,
    on: {
      connecting: () => onState("connecting"),
      connected: (_socket, _payload, wasRetry) => {
        onState("live");
        if (wasRetry) onResume();
      },
      closed: (event) => onState(event?.code === UNAUTHORIZED_CLOSE ? "refused" : "offline"),
    },
  });
}

function unpack(result) {
  if (result.error) {
    if (result.error.response?.status === 401) throw new AuthError(result.error.graphQLErrors[0]?.message || "The token was refused");
    throw new RequestError(result.error.graphQLErrors.length ? result.error.graphQLErrors.map((error) => error.message).join("; ") : result.error.message);
  }
  return result.data;
}

/** Runs a query or mutation (a generated TypedDocumentNode) and returns its `data`. */
export async function request(document, variables = {}) {
  const kind = document.definitions.find((definition) => definition.kind === "OperationDefinition").operation;
  const run = kind === "mutation" ? http.mutation(document, variables) : http.query(document, variables);
  return unpack(await run.toPromise());
}

/**
 * A fetch for one request made with XMLHttpRequest, the only browser API that reports upload
 * progress; urql still builds the multipart body.
 */
function fetchReportingProgress(onProgress) {
  return (input, init) => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(init.method, input);
    for (const [name, value] of new Headers(init.headers)) xhr.setRequestHeader(name, value);
    xhr.responseType = "blob";
    xhr.upload.addEventListener("progress", (event) => event.lengthComputable && onProgress(event.loaded / event.total));
    xhr.addEventListener("load", () => resolve(new Response(xhr.response, { status: xhr.status, headers: { "Content-Type": xhr.getResponseHeader("Content-Type") || "" } })));
    xhr.addEventListener("error", () => reject(new TypeError("The upload could not reach the server")));
    xhr.send(init.body);
  });
}

/** Runs a mutation whose variables hold a File, reporting the fraction sent to `onProgress`. */
export async function upload(document, variables, onProgress) {
  return unpack(await http.mutation(document, variables, { fetch: fetchReportingProgress(onProgress) }).toPromise());
}

/**
 * Starts a subscription; `variables` is a function asked once at the start. Handlers: `next(data)`,
 * `error(errors)`, `complete()`. Returns a function that stops it.
 */
export function subscribe(document, variables, { next, error = () => {}, complete = () => {} }) {
  return live.subscribe({ query: print(document), variables: variables() }, {
    next: (result) => (result.errors?.length ? error(result.errors) : next(result.data)),
    error: (failure) => error(failure instanceof Error ? [failure] : Array.isArray(failure) ? failure : [{ message: failure?.reason || "The live connection closed" }]),
    complete,
  });
}

/** Closes the websocket (signing out). */
export function disconnect() {
  live?.dispose();
}
