// Decode every EXT_meshopt_compression buffer view of a GLB with meshoptimizer's own JS decoder
// and write a plain GLB, so tests can read compressed output with a decoder that is not ours.
const fs = require("fs");
const path = require("path");
const MeshoptDecoder = require(
  path.resolve(__dirname, "../../../node_modules/meshoptimizer/meshopt_decoder.cjs"),
);

function splitGlb(data) {
  const jsonLength = data.readUInt32LE(12);
  const document = JSON.parse(data.subarray(20, 20 + jsonLength).toString("utf8"));
  const binStart = 20 + jsonLength + 8;
  return { document, binary: data.subarray(binStart, binStart + data.readUInt32LE(binStart - 8)) };
}

function buildGlb(document, binary) {
  let json = Buffer.from(JSON.stringify(document), "utf8");
  json = Buffer.concat([json, Buffer.alloc((4 - (json.length % 4)) % 4, 0x20)]);
  binary = Buffer.concat([binary, Buffer.alloc((4 - (binary.length % 4)) % 4)]);
  const header = Buffer.alloc(12);
  header.write("glTF", 0);
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(12 + 8 + json.length + 8 + binary.length, 8);
  const chunk = (length, type) => {
    const b = Buffer.alloc(8);
    b.writeUInt32LE(length, 0);
    b.write(type, 4);
    return b;
  };
  return Buffer.concat([header, chunk(json.length, "JSON"), json, chunk(binary.length, "BIN\0"),
    binary]);
}

(async () => {
  await MeshoptDecoder.ready;
  const [input, output] = process.argv.slice(2);
  const { document, binary } = splitGlb(fs.readFileSync(input));
  const parts = [];
  let offset = 0;
  for (const view of document.bufferViews) {
    const ext = view.extensions && view.extensions.EXT_meshopt_compression;
    let bytes;
    if (ext) {
      const source = binary.subarray(ext.byteOffset || 0, (ext.byteOffset || 0) + ext.byteLength);
      bytes = new Uint8Array(ext.count * ext.byteStride);
      MeshoptDecoder.decodeGltfBuffer(bytes, ext.count, ext.byteStride, source, ext.mode,
        ext.filter);
      delete view.extensions;
    } else {
      bytes = binary.subarray(view.byteOffset || 0, (view.byteOffset || 0) + view.byteLength);
    }
    const padding = (4 - (offset % 4)) % 4;
    parts.push(Buffer.alloc(padding), Buffer.from(bytes));
    offset += padding;
    Object.assign(view, { buffer: 0, byteOffset: offset, byteLength: bytes.length });
    offset += bytes.length;
  }
  document.buffers = [{ byteLength: offset }];
  for (const key of ["extensionsUsed", "extensionsRequired"]) {
    document[key] = (document[key] || []).filter((name) => name !== "EXT_meshopt_compression");
    if (!document[key].length) delete document[key];
  }
  fs.writeFileSync(output, buildGlb(document, Buffer.concat(parts)));
})().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + "\n");
  process.exit(2);
});
