"""Golden pages for the seed corpus: `python -m tests.golden --update` rewrites them.

The test compares every generated file of the seed build with tests/golden/seed/.
After an intended change, regenerate and review the diff like any other change.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "seed"


def generated_files(out: Path) -> dict[str, bytes]:
    """Every generated file under `out`, by relative path (hand-written pages and copied npm files excluded)."""
    from generator.publish.render import ASSET_DIR
    from generator.publish.vendor import VENDOR_DIR
    from generator.publish.write import read_manifest

    # Static files are byte copies: Leaflet of node_modules/ (pinned by package-lock.json),
    # our own CSS and scripts of generator/publish/assets/. Golden copies would only duplicate them.
    return {
        rel: (out / rel).read_bytes()
        for rel in sorted(read_manifest(out))
        if not rel.startswith((f"{VENDOR_DIR}/", f"{ASSET_DIR}/"))
    }


def build_seed(out: Path) -> dict[str, bytes]:
    """Build the repository's seeds into `out` and return the generated files."""
    from generator.pipeline import BuildConfig, build

    build(BuildConfig(seeds=ROOT / "seeds", overrides=ROOT / "seeds" / "overrides.yml", out=out))
    return generated_files(out)


def main(argv: list[str]) -> int:
    if argv != ["--update"]:
        print("usage: python -m tests.golden --update", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        files = build_seed(Path(tmp))
    for old in sorted(GOLDEN.rglob("*"), reverse=True):
        if old.is_file():
            old.unlink()
        elif old.is_dir() and not any(old.iterdir()):
            old.rmdir()
    for rel, data in files.items():
        path = GOLDEN / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    print(f"wrote {len(files)} golden files to {GOLDEN.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
