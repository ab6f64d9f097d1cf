// A stock Apollo Client with its persisted-query link (APQ) against a running Atelier: the same
// query is run by two fresh clients, one after the other, each recording what it sent.
// Usage: node apollo_persisted.mjs BASE_URL TOKEN QUERY [get]. With `get`, hashed queries go
// by GET (useGETForHashedQueries). Prints one JSON object on stdout.
import { createHash } from "node:crypto";

import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";

const [baseUrl, token, queryText, method] = process.argv.slice(2);
const sha256 = (text) => createHash("sha256").update(text).digest("hex");

function recordingFetch(sent) {
  return (uri, options) => {
    const url = new URL(uri);
    const body = options.body ? JSON.parse(options.body) : Object.fromEntries(url.searchParams);
    const extensions = typeof body.extensions === "string" ? JSON.parse(body.extensions)
      : body.extensions;
    sent.push({ method: options.method, query: body.query != null,
                hash: extensions?.persistedQuery?.sha256Hash ?? null });
    return fetch(uri, options);
  };
}

async function run() {
  const sent = [];
  const client = new ApolloClient({
    cache: new InMemoryCache(),
    link: new PersistedQueryLink({ sha256, useGETForHashedQueries: method === "get" }).concat(
      new HttpLink({ uri: `${baseUrl}/graphql`, headers: { Authorization: `Bearer ${token}` },
                     fetch: recordingFetch(sent) })),
  });
  const { data, error } = await client.query({ query: gql(queryText), fetchPolicy: "network-only" });
  return { data, error: error ? String(error) : null, sent };
}

try {
  const first = await run();
  const second = await run();
  console.log(JSON.stringify({ first, second }));
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
