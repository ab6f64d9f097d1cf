// A stock Apollo Client against a running Atelier: a multipart upload (apollo-upload-client),
// a jobProgress subscription over graphql-ws until it completes, then a query of the asset.
// Usage: node apollo_client.mjs BASE_URL TOKEN FILE. Prints one JSON object on stdout.
import { readFileSync } from "node:fs";
import { basename } from "node:path";

import { ApolloClient, ApolloLink, InMemoryCache, gql } from "@apollo/client";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { getMainDefinition } from "@apollo/client/utilities";
import UploadHttpLink from "apollo-upload-client/UploadHttpLink.mjs";
import { createClient } from "graphql-ws";
import WebSocket from "ws";

const [baseUrl, token, path] = process.argv.slice(2);
const authorization = `Bearer ${token}`;

const wsClient = createClient({
  url: `${baseUrl.replace(/^http/, "ws")}/graphql`,
  webSocketImpl: WebSocket,
  connectionParams: { authorization },
  retryAttempts: 0,
});
const isSubscription = ({ query }) => {
  const definition = getMainDefinition(query);
  return definition.kind === "OperationDefinition" && definition.operation === "subscription";
};
const client = new ApolloClient({
  cache: new InMemoryCache(),
  link: ApolloLink.split(
    isSubscription,
    new GraphQLWsLink(wsClient),
    new UploadHttpLink({ uri: `${baseUrl}/graphql`, headers: { Authorization: authorization } }),
  ),
});

const UPLOAD = gql`
  mutation ApolloUpload($file: Upload!, $name: String) {
    assetUpload(file: $file, name: $name) {
      asset { id name status }
      job { id status }
      errors { field message code }
    }
  }
`;
const PROGRESS = gql`
  subscription ApolloProgress($jobId: ID!) {
    jobProgress(jobId: $jobId) { sequence job { id status stage progress } }
  }
`;
const ASSET = gql`
  query ApolloAsset($id: ID!) {
    asset(id: $id) { id name status stats { triangleCount } glbUrl }
  }
`;

function follow(jobId) {
  return new Promise((resolve, reject) => {
    const events = [];
    client.subscribe({ query: PROGRESS, variables: { jobId } }).subscribe({
      next: ({ data, error }) => (error ? reject(error) : events.push(data.jobProgress)),
      error: reject,
      complete: () => resolve(events),
    });
  });
}

try {
  const file = new File([readFileSync(path)], basename(path));
  const uploaded = await client.mutate({
    mutation: UPLOAD, variables: { file, name: "from apollo" } });
  const payload = uploaded.data.assetUpload;
  const events = await follow(payload.job.id);
  const { data } = await client.query({ query: ASSET, variables: { id: payload.asset.id },
                                        fetchPolicy: "network-only" });
  console.log(JSON.stringify({ upload: payload, events, asset: data.asset }));
  await wsClient.dispose();
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
