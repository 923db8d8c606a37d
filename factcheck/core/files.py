"""Writing files safely, for every file factcheck writes (reports, the decisions file).

A file is written whole or not at all: a temporary file beside it, then a rename. A symlink is
followed, so the file it points to gets the new text and the link stays a link, and a file that
exists keeps its permissions (and its owner and group where we may set them).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def target_of(path: str | os.PathLike[str]) -> Path:
    """The file that writing `path` changes: the end of its chain of symlinks (`path` itself if it is none)."""
    return Path(os.path.realpath(path))


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write a file so that a reader never sees half of it: a temporary file, then a rename.
    Through a symlink the target is written; an existing file keeps its mode, owner and group.
    `text` may come in pieces (an iterable of strings), written as they come: a long report never
    stands whole in memory."""
    target = target_of(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        old: os.stat_result | None = target.stat()
    except FileNotFoundError:
        old = None
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            if isinstance(text, str):
                fh.write(text)
            else:
                for piece in text:
                    fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        _take_over(tmp, old)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _take_over(tmp: str, old: os.stat_result | None) -> None:
    """Give the new file the old one's mode, owner and group; a new file the usual mode (mkstemp's is private)."""
    if old is None:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        return
    if (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        with suppress(PermissionError):  # only root may give a file away; the mode is still kept
            os.chown(tmp, old.st_uid, old.st_gid)
    os.chmod(tmp, old.st_mode & 0o7777)


def remove_orphans(path: str | os.PathLike[str]) -> list[Path]:
    """Delete the temporary files that writes of `path` left when their process died (kill -9, power
    cut). Only safe while no other writer of `path` can be at work, i.e. under the file's lock."""
    target = target_of(path)
    ours = re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}{re.escape(TEMP_SUFFIX)}")
    removed = []
    with suppress(FileNotFoundError):
        for entry in os.scandir(target.parent):
            if ours.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with suppress(FileNotFoundError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


__all__ = ["remove_orphans", "target_of", "write_atomic"]
