/** GraphQL over HTTP: JSON requests and GraphQL multipart uploads, both carrying the bearer token. */

/** A template tag that joins a document with the fragments interpolated into it (like graphql-tag). */
export function gql(strings, ...fragments) {
  return strings.reduce((text, part, index) => text + fragments[index - 1] + part);
}

/** The server refused the token (HTTP 401): the page must sign in again. */
export class AuthError extends Error {}

/** A GraphQL response with top-level `errors`: a bug or an unavailable server, not user input. */
export class RequestError extends Error {}

let bearer = null;
const listeners = new Set();

export function setToken(token) {
  bearer = token;
}

/** Called with an AuthError whenever any request is refused, so one place can sign out. */
export function onAuthError(listener) {
  listeners.add(listener);
}

function refused(message) {
  const error = new AuthError(message || "The token was refused");
  listeners.forEach((listener) => listener(error));
  return error;
}

function unpack(status, body) {
  if (status === 401) {
    throw refused(body?.errors?.[0]?.message);
  }
  if (!body || typeof body !== "object") {
    throw new RequestError(`The server answered HTTP ${status} without a GraphQL response`);
  }
  if (body.errors?.length) {
    throw new RequestError(body.errors.map((error) => error.message).join("; "));
  }
  return body.data;
}

/** Runs a query or mutation and returns its `data`. */
export async function request(query, variables = {}) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json().catch(() => null);
  return unpack(response.status, body);
}

/**
 * Sends `file` as variable `fileVariable` of `query` with the GraphQL multipart request spec.
 * XMLHttpRequest rather than fetch, because only it reports upload progress.
 */
export function upload(query, variables, fileVariable, file, onProgress) {
  const form = new FormData();
  form.append("operations", JSON.stringify({ query, variables: { ...variables, [fileVariable]: null } }));
  form.append("map", JSON.stringify({ 0: [`variables.${fileVariable}`] }));
  form.append("0", file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/graphql");
    xhr.setRequestHeader("Authorization", `Bearer ${bearer}`);
    xhr.responseType = "json";
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener("load", () => {
      try {
        resolve(unpack(xhr.status, xhr.response));
      } catch (error) {
        reject(error);
      }
    });
    xhr.addEventListener("error", () => reject(new RequestError("The upload could not reach the server")));
    xhr.send(form);
  });
}
