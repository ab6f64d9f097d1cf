// Follows one job with the page's own client (client.js) and generated document, outside a browser;
// bundled by esbuild first (the documents are TypeScript), then:
//   node --experimental-websocket follow-job.js BASE_URL TOKEN JOB_ID [AFTER_SEQUENCE]
// Prints each jobProgress event as a JSON line; exits 0 when the stream completes, 1 on a
// subscription error, 2 when the server refuses the token, 3 after TIMEOUT_MS.
import { connect, disconnect, openLive, subscribe } from "../src/client.js";
import { DemoJobProgressDocument } from "../src/generated/operations.ts";

const TIMEOUT_MS = 60000;
const [base, token, jobId, after] = process.argv.slice(2);
const afterSequence = after === undefined ? null : Number(after);

connect(token, base);
openLive({
  onState: (state) => {
    if (state !== "refused") return;
    console.log(JSON.stringify({ state }));
    process.exit(2);
  },
});
subscribe(DemoJobProgressDocument, () => ({ jobId, afterSequence }), {
  next: ({ jobProgress }) => console.log(JSON.stringify(jobProgress)),
  error: (errors) => {
    console.log(JSON.stringify({ errors: errors.map((error) => ({ message: error.message })) }));
    process.exit(1);
  },
  complete: () => {
    disconnect();
    process.exit(0);
  },
});
setTimeout(() => process.exit(3), TIMEOUT_MS);
