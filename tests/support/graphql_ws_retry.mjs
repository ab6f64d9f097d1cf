// A stock graphql-ws client that retries as shipped (only its wait shortened): it subscribes
// to assetReady and prints, as one JSON object, every close code it saw and the first event.
// Usage: node graphql_ws_retry.mjs BASE_URL TOKEN. Exits 1 if the client gave up.
import { createClient } from "graphql-ws";
import WebSocket from "ws";

const [baseUrl, token] = process.argv.slice(2);
const closeCodes = [];
const client = createClient({
  url: `${baseUrl.replace(/^http/, "ws")}/graphql`,
  webSocketImpl: WebSocket,
  connectionParams: { authorization: `Bearer ${token}` },
  retryAttempts: 60,
  retryWait: () => new Promise((resolve) => setTimeout(resolve, 250)),
  on: {
    closed: (event) => closeCodes.push(event.code),
    connected: () => console.error("connected"),
  },
});

const READY = "subscription { assetReady { asset { id name status } } }";
try {
  const event = await new Promise((resolve, reject) => {
    const stop = client.subscribe({ query: READY }, {
      next: (result) => { stop(); resolve(result); },
      error: reject,
      complete: () => reject(new Error("completed without an event")),
    });
  });
  console.log(JSON.stringify({ closeCodes, event }));
  await client.dispose();
  process.exit(0);
} catch (error) {
  console.log(JSON.stringify({ closeCodes, error: String(error?.code ?? error) }));
  process.exit(1);
}
