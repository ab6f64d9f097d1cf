// Runs Khronos's glTF-Validator (npm gltf-validator) on each GLB/glTF path given and prints one
// JSON report per line, so Python tests can judge files with the reference implementation.
const fs = require("fs");
const path = require("path");
const validator = require("gltf-validator");

async function validate(file) {
  const data = new Uint8Array(fs.readFileSync(file));
  const dir = path.dirname(file);
  const report = await validator.validateBytes(data, {
    uri: path.basename(file),
    maxIssues: 1000,
    externalResourceFunction: (uri) =>
      new Promise((resolve, reject) => {
        const target = path.resolve(dir, decodeURIComponent(uri));
        if (!target.startsWith(dir + path.sep)) return reject(new Error("outside " + dir));
        fs.readFile(target, (err, bytes) => (err ? reject(err) : resolve(new Uint8Array(bytes))));
      }),
  });
  return report;
}

(async () => {
  for (const file of process.argv.slice(2)) {
    const report = await validate(file);
    process.stdout.write(JSON.stringify(report) + "\n");
  }
})().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + "\n");
  process.exit(2);
});
