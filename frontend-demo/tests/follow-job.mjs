// Follows one job with the page's own websocket client and GraphQL document, outside a browser:
//   node --experimental-websocket follow-job.mjs BASE_URL TOKEN JOB_ID [AFTER_SEQUENCE]
// Prints each jobProgress event as a JSON line; exits 0 when the stream completes, 1 on a
// subscription error, 2 when the server refuses the token, 3 after TIMEOUT_MS.
import { LiveConnection } from "../src/live.js";
import { JOB_PROGRESS } from "../src/operations.js";

const TIMEOUT_MS = 60000;
const [base, token, jobId, after] = process.argv.slice(2);
const afterSequence = after === undefined ? null : Number(after);
// live.js builds its websocket address from the page's location.
globalThis.location = new URL(base);

const live = new LiveConnection(token, {
  onState: (state) => {
    if (state !== "refused") return;
    console.log(JSON.stringify({ state }));
    process.exit(2);
  },
});
live.subscribe(JOB_PROGRESS, () => ({ jobId, afterSequence }), {
  next: ({ jobProgress }) => console.log(JSON.stringify(jobProgress)),
  error: (errors) => {
    console.log(JSON.stringify({ errors }));
    process.exit(1);
  },
  complete: () => {
    live.close();
    process.exit(0);
  },
});
setTimeout(() => process.exit(3), TIMEOUT_MS);
