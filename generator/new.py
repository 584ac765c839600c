"""`briefing new DIR`: the starting files of a briefing project, from generator/skeleton/.

The project is ready to build (`briefing build`, then `mkdocs build` or
`zensical build`) and to publish (a GitHub Pages workflow). A file that exists
already is kept as it is, so running `new` again only adds what is missing.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import GeneratorError
from generator.extract.parse import MODEL_REQUIREMENTS
from generator.publish.write import atomic_write

SKELETON = Path(__file__).parent / "skeleton"
"""The project's starting files (package data)."""
RENAMED = {"gitignore": ".gitignore", "github-workflow.yml": ".github/workflows/site.yml"}
"""Skeleton files stored under another name: packaging tools skip or mangle dot-files."""
REQUIREMENTS = "requirements.txt"


def skeleton_files() -> dict[str, bytes]:
    """Every file of a new project keyed by its path inside it, in path order."""
    files = {
        RENAMED.get(rel, rel): path.read_bytes()
        for path in sorted(SKELETON.rglob("*"))
        if path.is_file() and (rel := path.relative_to(SKELETON).as_posix())
    }
    files["requirements-model.txt"] = MODEL_REQUIREMENTS.read_bytes()
    files[REQUIREMENTS] = _requirements()
    return dict(sorted(files.items()))


def _requirements() -> bytes:
    """The project's Python requirement: this generator, at the version that made the project."""
    from importlib import metadata

    try:
        version = metadata.version("briefing-generator")
    except metadata.PackageNotFoundError:  # running from a checkout that was never installed
        version = "0.1.0"
    return (
        "# The generator that made this project; point it at where you install it from\n"
        "# (an index, a wheel, or `briefing-generator @ git+https://…`).\n"
        f"briefing-generator=={version}\n"
    ).encode()


def new_project(directory: Path) -> tuple[list[str], list[str]]:
    """Write the starting files into `directory`; return (written, kept because they existed)."""
    if directory.exists() and not directory.is_dir():
        raise GeneratorError(f"{directory}: exists and is not a folder")
    written, kept = [], []
    for rel, data in skeleton_files().items():
        target = directory / rel
        if target.exists():
            kept.append(rel)
            continue
        try:
            atomic_write(target, data)
        except OSError as exc:
            raise GeneratorError(f"{target}: cannot write ({exc.strerror or exc})") from exc
        written.append(rel)
    return written, kept


def next_steps(directory: Path, written: list[str]) -> str:
    """What to run next, for the terminal."""
    return (
        f"created {len(written)} files in {directory}; next:\n"
        f"  cd {directory}\n"
        "  briefing build          # seeds/ → site_src/\n"
        "  mkdocs build            # site_src/ → site/ (or: zensical build)\n"
        "  briefing serve          # live preview on http://127.0.0.1:8000/"
    )
