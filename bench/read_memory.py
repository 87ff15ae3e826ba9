"""Peak memory of the reader against the size of one huge single-line page.

A child process writes the input to a temporary file: the sample page's sentences in
ASCII (curly quotes dropped, so the decoded text takes one byte a character), numbered so
no two repeat, all on one line, as text or as HTML with one <p> per sentence.
Each measurement then runs in a fresh child that reads the file, notes its peak RSS, runs
the operation and reports how far the peak rose; the table divides that by the size.
The named baseline, measured the same way in the same run, is `decode`: the bytes turned
into one Python string, which any reader must hold.

    .venv/bin/python bench/read_memory.py [--sizes 1 5 19]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "examples"
BUILD = """
import sys
from pathlib import Path
kind, megabytes, out = sys.argv[1], float(sys.argv[2]), Path(sys.argv[3])
sentences = [" ".join(s.split()) + "." for p in sorted(Path(sys.argv[4]).glob("*.txt"))
             for s in p.read_text(encoding="utf-8").split(".") if len(s.split()) > 5]
pieces, size, n = [], 0, 0
while size < megabytes * 1e6:
    sentence = sentences[n % len(sentences)] + f" ({n})"
    sentence = sentence.encode("ascii", "ignore").decode()
    piece = f"<p>{sentence}</p>" if kind == "html" else sentence + " "
    pieces.append(piece); size += len(piece.encode()); n += 1
body = "".join(pieces)
page = f"<html><head><title>Huge</title></head><body><article>{body}</article></body></html>"
out.write_bytes((page if kind == "html" else body).encode())
"""
MEASURE = """
import json, resource, sys
from pathlib import Path
from sitrep.read import read_bytes
from sitrep.errors import DocumentRejected
data = Path(sys.argv[1]).read_bytes()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
outcome = "ok"
if sys.argv[2] == "decode":
    data.decode()
else:
    try:
        read_bytes(data, "huge", max_bytes=len(data))
    except DocumentRejected as rejected:
        outcome = str(rejected.code)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"bytes": len(data), "rise_kib": after - before, "outcome": outcome}))
"""


def run(script: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
    )
    return result.stdout


def measure(path: Path, operation: str) -> dict[str, float | str]:
    found: dict[str, float | str] = json.loads(run(MEASURE, str(path), operation).splitlines()[-1])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 5.0, 19.0])
    args = parser.parse_args()
    print("| input | size | decode (baseline) | read_bytes | read_bytes / size | outcome |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for kind in ("text", "html"):
            for megabytes in args.sizes:
                page = Path(folder) / f"{kind}-{megabytes}"
                run(BUILD, kind, str(megabytes), str(page), str(SAMPLE))
                report(kind, measure(page, "decode"), measure(page, "read"))


def report(kind: str, base: dict[str, float | str], read: dict[str, float | str]) -> None:
    size = float(read["bytes"]) / 2**20
    base_mib = float(base["rise_kib"]) / 1024
    read_mib = float(read["rise_kib"]) / 1024
    print(
        f"| one-line {kind} | {size:.1f} MiB | {base_mib:.0f} MiB | {read_mib:.0f} MiB"
        f" | {read_mib / size:.1f}x | {read['outcome']} |",
        flush=True,
    )


if __name__ == "__main__":
    main()
