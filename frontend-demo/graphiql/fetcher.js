/** GraphiQL's fetcher: queries and mutations over HTTP, subscriptions over graphql-ws, both
 * with the Authorization header from GraphiQL's headers editor. */

import { parse } from "graphql";
import { createClient } from "graphql-ws";

/** The type of the operation GraphiQL is about to run ("query" when it cannot tell). */
export function operationType(query, operationName) {
  try {
    const operations = parse(query).definitions.filter((d) => d.kind === "OperationDefinition");
    const chosen = operations.find((o) => o.name?.value === operationName) ?? operations[0];
    return chosen?.operation ?? "query";
  } catch {
    return "query";
  }
}

function authorization(headers) {
  const entry = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === "authorization");
  return entry ? String(entry[1]) : undefined;
}

/** One websocket per subscription, signed in with the editor's token at the time it starts. */
async function* subscribe(wsUrl, params, headers) {
  const token = authorization(headers);
  const client = createClient({
    url: wsUrl,
    lazy: true,
    retryAttempts: 0,
    connectionParams: token ? { authorization: token } : {},
  });
  try {
    yield* client.iterate(params);
  } finally {
    await client.dispose();
  }
}

export function createFetcher(httpUrl, wsUrl) {
  return (params, options) => {
    const headers = options?.headers ?? {};
    if (operationType(params.query, params.operationName) === "subscription") {
      return subscribe(wsUrl, params, headers);
    }
    return fetch(httpUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", ...headers },
      body: JSON.stringify(params),
    }).then((response) => response.json());
  };
}
