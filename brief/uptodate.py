"""Up-to-date skips, as make does: a build records, per output, a digest of everything it was
made from; the next build skips a source whose outputs are all there and current.

The record of source NAME is `dist/.brief/builds/NAME.json`, committed with the outputs. An
output depends on the source's bytes, its overrides, brief.yaml, every file of the template
folder (and a font or logo style.yaml names outside it), the drift record of the overrides,
brief's version, SOURCE_DATE_EPOCH and the options that change outputs (the template
chosen, the format). Digests are of contents, not times: touching a file rebuilds nothing.
The day a dateless article's brief shows is the day it was built.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from brief.noop import file_digest

RECORDS = Path(".brief") / "builds"
FORMAT = 1  # of the record: a record of another format is stale


class UpToDate(list):
    """The outputs of a source that was current, so nothing was written (a list of paths)."""


def _folder(folder: Path) -> str:
    """Return one digest of every file under `folder`, with its name."""
    digest = hashlib.sha256(str(folder).encode("utf-8", "surrogateescape"))
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix().encode("utf-8", "surrogateescape")
        digest.update(name + b"\0" + file_digest(path).encode() + b"\0")
    return digest.hexdigest()


def record_path(dist: Path, stem: str) -> Path:
    """Return where the record of the source whose outputs are `stem.*` lies."""
    return dist / RECORDS / f"{stem}.json"


def inputs(root: Path, source: Path, folder: Path | None, extra: tuple[str, ...] = ()
           ) -> dict[str, str]:
    """Return the digest of each input of `source` (besides its drift record): `folder` is
    the template folder, `extra` files the style names outside it."""
    from brief import __version__

    found = {"brief": __version__, "epoch": os.environ.get("SOURCE_DATE_EPOCH", ""),
             "source": file_digest(source), "overrides": file_digest(source.with_suffix(".yaml")),
             "settings": file_digest(root / "brief.yaml"),
             "template": _folder(folder) if folder is not None else "-"}
    for name in extra:
        found[f"file:{name}"] = file_digest(Path(name))
    return found


def drift_digest(dist: Path, stem: str) -> str:
    """Return the digest of the drift record of `stem` (see `override.drift`)."""
    return file_digest(dist / ".brief" / f"{stem}.json")


def _output_digest(found: dict[str, str], fmt: str, options: dict[str, str]) -> str:
    text = json.dumps({"inputs": found, "format": fmt, "options": options}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def _read(record: Path) -> dict | None:
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # none yet, or damaged: ours to rebuild
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def current(root: Path, dist: Path, source: Path, stem: str, formats: tuple[str, ...],
            folder: Path | None, options: dict[str, str]) -> UpToDate | None:
    """Return the outputs of `source` in `formats` if all exist and were built from what its
    inputs hold now, with the warnings that build gave (`.warnings`); else None."""
    data = _read(record_path(dist, stem))
    if data is None:
        return None
    recorded = data.get("outputs", {})
    outputs = UpToDate()
    for fmt in formats:
        output = dist / f"{stem}.{fmt}"
        entry = recorded.get(fmt)
        try:
            size = output.stat().st_size
        except OSError:
            return None
        if not isinstance(entry, dict) or entry.get("size") != size:
            return None
        outputs.append(output)
    found = inputs(root, source, folder, tuple(data.get("files", ())))
    found["drift"] = drift_digest(dist, stem)
    if any(recorded[fmt].get("digest") != _output_digest(found, fmt, options)
           for fmt in formats):
        return None
    outputs.warnings = [w for w in data.get("warnings", ()) if isinstance(w, str)]
    outputs.files = tuple(data.get("files", ()))  # the style's files outside the template
    return outputs


def record(dist: Path, stem: str, found: dict[str, str], extra: tuple[str, ...],
           files: dict[Path, bytes], options: dict[str, str], warnings: list[str]) -> bytes:
    """Return the record of a build of `stem` that wrote `files` from inputs `found`: kept
    for the outputs of other formats still current, replaced for those written."""
    old = _read(record_path(dist, stem)) or {}
    found = {**found, "drift": drift_digest(dist, stem)}
    outputs = dict(old.get("outputs", {}))  # other formats' entries: current or not, as were
    for path, data in files.items():
        fmt = path.suffix[1:]
        outputs[fmt] = {"digest": _output_digest(found, fmt, options), "size": len(data)}
    text = json.dumps({"format": FORMAT, "files": list(extra), "outputs": outputs,
                       "warnings": warnings}, indent=1, sort_keys=True)
    return (text + "\n").encode()
