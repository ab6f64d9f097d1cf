"""Agreement with Khronos's glTF-Validator on a corpus: do we find errors exactly where it does?

    .venv/bin/python bench/validation_agreement.py CORPUS_DIR [--show 20]

Runs Khronos's validator (npm gltf-validator) and ours (`validate_bytes`) on every .gltf and
.glb under CORPUS_DIR, external files resolved inside each file's folder only. A file counts as
"error" when a validator reports at least one error (or, for Khronos, refuses the file).
Prints a table (files, both-error, both-clean, we-missed, we-invented, agreement %), the files
we disagree on, and writes bench/results/validation_agreement.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from app.geometry.validation import Severity, validate_bytes

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "validation_agreement.json"
# Reads file paths on stdin, prints one JSON report (or {"error": ...}) per line.
KHRONOS_SCRIPT = r"""
const fs = require("fs"), path = require("path"), validator = require("gltf-validator");
(async () => {
  const files = fs.readFileSync(0, "utf8").split("\n").filter(Boolean);
  for (const file of files) {
    const dir = path.dirname(file);
    let line;
    try {
      const report = await validator.validateBytes(new Uint8Array(fs.readFileSync(file)), {
        uri: path.basename(file), maxIssues: 1000,
        externalResourceFunction: (uri) => new Promise((resolve, reject) => {
          const target = path.resolve(dir, decodeURIComponent(uri));
          if (!target.startsWith(dir + path.sep)) return reject(new Error("outside " + dir));
          fs.readFile(target, (e, bytes) => e ? reject(e) : resolve(new Uint8Array(bytes)));
        })});
      line = {errors: [...new Set(report.issues.messages.filter(m => m.severity === 0)
                                  .map(m => m.code))]};
    } catch (error) { line = {errors: ["REFUSED"], refused: String(error)}; }
    process.stdout.write(JSON.stringify(line) + "\n");
  }
})();
"""


def khronos_errors(files: list[Path]) -> list[set[str]]:
    """The error codes Khronos reports for each file ("REFUSED" when it rejects the file)."""
    completed = subprocess.run(
        ["node", "-e", KHRONOS_SCRIPT], input="\n".join(map(str, files)), text=True,
        capture_output=True, check=True, cwd=ROOT,
        env={**os.environ, "NODE_PATH": str(ROOT / "node_modules")})
    return [set(json.loads(line)["errors"]) for line in completed.stdout.splitlines()]


def folder_resolver(folder: Path) -> Callable[[str], bytes]:
    """Resolve relative URIs inside `folder`; anything else fails, as an upload's would."""
    root = folder.resolve()

    def resolve(uri: str) -> bytes:
        target = (root / unquote(uri)).resolve()
        if not target.is_relative_to(root):
            raise PermissionError(f"{uri} leaves the asset's folder")
        return target.read_bytes()

    return resolve


def our_errors(path: Path) -> set[str]:
    report = validate_bytes(path.read_bytes(), max_issues=1000,
                            resolve_uri=folder_resolver(path.parent))
    return report.codes(Severity.ERROR)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--show", type=int, default=20, help="disagreements to list")
    args = parser.parse_args()
    files = sorted(p for p in args.corpus.rglob("*") if p.suffix.lower() in (".gltf", ".glb"))
    if not files:
        raise SystemExit(f"no .gltf or .glb files under {args.corpus}")
    start = time.perf_counter()
    theirs = khronos_errors(files)
    khronos_s, start = time.perf_counter() - start, time.perf_counter()
    ours = [our_errors(path) for path in files]
    ours_s = time.perf_counter() - start
    counts = {"both_error": 0, "both_clean": 0, "we_missed": 0, "we_invented": 0}
    disagreements: list[dict[str, Any]] = []
    same_codes = 0
    for path, khronos, mine in zip(files, theirs, ours, strict=True):
        key = {(True, True): "both_error", (False, False): "both_clean",
               (True, False): "we_missed", (False, True): "we_invented"}[(bool(khronos),
                                                                         bool(mine))]
        counts[key] += 1
        same_codes += khronos == mine
        if key in ("we_missed", "we_invented"):
            disagreements.append({"file": str(path.relative_to(args.corpus)), "verdict": key,
                                  "khronos": sorted(khronos), "ours": sorted(mine)})
    agreement = 100 * (counts["both_error"] + counts["both_clean"]) / len(files)
    print(f"{'files':>6}{'both-error':>12}{'both-clean':>12}{'we-missed':>11}"
          f"{'we-invented':>13}{'agreement':>11}")
    print(f"{len(files):>6}{counts['both_error']:>12}{counts['both_clean']:>12}"
          f"{counts['we_missed']:>11}{counts['we_invented']:>13}{agreement:>10.1f}%")
    print(f"identical sets of error codes: {same_codes}/{len(files)}; "
          f"Khronos {khronos_s:.1f} s, ours {ours_s:.1f} s")
    for item in disagreements[: args.show]:
        print(f"  {item['verdict']}: {item['file']} khronos={item['khronos']} ours={item['ours']}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "corpus": str(args.corpus), "files": len(files), **counts,
        "agreement_percent": agreement, "identical_error_codes": same_codes,
        "khronos_seconds": khronos_s, "ours_seconds": ours_s, "disagreements": disagreements,
    }, indent=2))
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
