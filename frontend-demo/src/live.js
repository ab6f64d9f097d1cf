/**
 * A small graphql-transport-ws client: one websocket, the token in connection_init, every
 * subscription started again after a reconnect (with fresh variables, so a job stream can resume
 * after the last sequence it saw).
 */

const PROTOCOL = "graphql-transport-ws";
const UNAUTHORIZED = 4401;
const MAX_BACKOFF_MS = 15000;

export class LiveConnection {
  /**
   * `onState(state)` hears "connecting", "live", "offline" and "refused"; `onResume()` runs after
   * each reconnect, to fetch what was missed while the socket was down.
   */
  constructor(token, { onState = () => {}, onResume = () => {} } = {}) {
    this.token = token;
    this.onState = onState;
    this.onResume = onResume;
    this.subscriptions = new Map();
    this.nextId = 1;
    this.backoff = 500;
    this.everConnected = false;
    this.closed = false;
    this.open();
  }

  open() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    this.ready = false;
    this.onState("connecting");
    this.socket = new WebSocket(`${scheme}//${location.host}/graphql`, PROTOCOL);
    this.socket.addEventListener("open", () => {
      this.send({ type: "connection_init", payload: { authorization: `Bearer ${this.token}` } });
    });
    this.socket.addEventListener("message", (event) => this.receive(JSON.parse(event.data)));
    this.socket.addEventListener("close", (event) => this.dropped(event.code));
  }

  send(message) {
    this.socket.send(JSON.stringify(message));
  }

  receive(message) {
    const subscription = this.subscriptions.get(message.id);
    switch (message.type) {
      case "connection_ack":
        this.acknowledged();
        break;
      case "ping":
        this.send({ type: "pong" });
        break;
      case "next":
        if (message.payload.errors?.length) subscription?.error(message.payload.errors);
        else subscription?.next(message.payload.data);
        break;
      case "error":
        this.subscriptions.delete(message.id);
        subscription?.error(message.payload);
        break;
      case "complete":
        this.subscriptions.delete(message.id);
        subscription?.complete();
        break;
      default:
        break;
    }
  }

  acknowledged() {
    const resumed = this.everConnected;
    this.ready = true;
    this.everConnected = true;
    this.backoff = 500;
    this.onState("live");
    for (const [id, subscription] of this.subscriptions) this.start(id, subscription);
    if (resumed) this.onResume();
  }

  dropped(code) {
    this.ready = false;
    if (this.closed) return;
    if (code === UNAUTHORIZED) {
      this.onState("refused");
      return;
    }
    this.onState("offline");
    setTimeout(() => this.open(), this.backoff);
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
  }

  start(id, subscription) {
    const variables = subscription.variables();
    this.send({ id, type: "subscribe", payload: { query: subscription.query, variables } });
  }

  /**
   * Starts `query`; `variables` is a function, asked again on every (re)start. Handlers:
   * `next(data)`, `error(errors)`, `complete()`. Returns a function that stops the subscription.
   */
  subscribe(query, variables, { next, error = () => {}, complete = () => {} }) {
    const id = String(this.nextId++);
    const subscription = { query, variables, next, error, complete };
    this.subscriptions.set(id, subscription);
    if (this.ready) this.start(id, subscription);
    return () => {
      if (this.subscriptions.delete(id) && this.ready) this.send({ id, type: "complete" });
    };
  }

  close() {
    this.closed = true;
    this.subscriptions.clear();
    this.socket.close(1000, "signed out");
  }
}
