// Healthcheck of the `mongo` service. Atelier writes each job change and its event in one
// transaction, and MongoDB only has transactions on a replica set: on the first check this
// initiates a single-node set, then the node is healthy once it is the writable primary.
try {
  rs.status();
} catch (error) {
  if (error.codeName !== "NotYetInitialized") {
    throw error;
  }
  rs.initiate({ _id: "rs0", members: [{ _id: 0, host: "mongo:27017" }] });
}
quit(db.hello().isWritablePrimary ? 0 : 1);
