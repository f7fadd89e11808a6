"""Reading input files within bounds: regular files only, never more bytes than a limit allows.

A hostile or broken input must cost at most its limit in memory and time: a FIFO would block
forever, ``/dev/zero`` never ends, and a small gzip can expand a thousandfold into one line.
Each reader here refuses such input with an :class:`~strikeledger.errors.InputError` naming it
before (or while) reading, never after reading it whole.
"""

from __future__ import annotations

import gzip
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import InputError, InputTooLarge

# Decompressed bytes a gzip archive may give per compressed byte. JSON Lines news text
# compresses 4-10 times; a ratio far above that is a decompression bomb, not an archive.
MAX_GZIP_RATIO = 100
# Largest sidecar (metadata) file read: its fields are a URL, a title, a date and a few words.
MAX_SIDECAR_BYTES = 1_000_000
# Bytes read at a time while skipping the rest of a line already refused as too long.
_SKIP_CHUNK = 1 << 16

_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))


def open_regular(path: Path) -> IO[bytes]:
    """Open ``path`` (symlinks followed) for reading bytes if, and only if, it is a regular file.

    Raises:
        InputError: naming the path and what it is instead (a FIFO, a device, a socket).
        OSError: when it cannot be opened at all.
    """
    _refuse_unless_regular(path, os.stat(path).st_mode)  # a socket cannot even be opened
    # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat of the opened descriptor
    # checks what was opened, so a file swapped for a device after the check cannot slip through.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        _refuse_unless_regular(path, os.fstat(fd).st_mode)
    except InputError:
        os.close(fd)
        raise
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def _refuse_unless_regular(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    target = os.path.realpath(path)
    shown = f" ({target})" if target != os.path.abspath(path) else ""
    raise InputError(path.as_posix(), f"{kind}{shown}, not a regular file; only regular files are read")


def read_regular(path: Path, limit: int, setting: str) -> bytes:
    """All bytes of the regular file ``path``; InputTooLarge when over ``limit`` (the ``setting``).

    At most ``limit + 1`` bytes are read, so a file growing while read is bounded too.
    """
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        data = handle.read(limit + 1) if size <= limit else b""
    if size > limit or len(data) > limit:
        raise InputTooLarge(path.as_posix(),
                            f"{max(size, len(data))} bytes is over the limit of {limit} ({setting})")
    return data


def load_json(data: bytes | str, source: str, what: str) -> Any:
    """Parse JSON; InputError naming ``source`` for anything Python's parser refuses.

    Besides malformed JSON that is a number of thousands of digits (the int-string conversion
    limit raises ValueError) and nesting deeper than the interpreter's stack (RecursionError).
    """
    try:
        return json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(source, f"malformed {what} ({exc.__class__.__name__}: {exc})") from exc
    except RecursionError as exc:
        raise InputError(source, f"malformed {what} (nested too deep to read)") from exc
    except ValueError as exc:  # int_max_str_digits: "Exceeds the limit (4300 digits) ..."
        first = str(exc).split(";")[0]  # not its advice to raise the limit in the interpreter
        raise InputError(source, f"malformed {what} ({exc.__class__.__name__}: {first})") from exc


def read_sidecar(path: Path) -> Any:
    """The JSON of a metadata sidecar, refused when not a regular file or over MAX_SIDECAR_BYTES."""
    data = read_regular(path, MAX_SIDECAR_BYTES, "the sidecar limit")
    return load_json(data, path.as_posix(), "sidecar")


class _Counted:
    """A decompressed stream that stops with InputTooLarge once past ``cap`` bytes."""

    def __init__(self, stream: IO[bytes], cap: int, source: str, why: str):
        self.stream, self.cap, self.source, self.why = stream, cap, source, why
        self.read_bytes = self.lineno = 0

    def readline(self, size: int) -> bytes:
        line = self.stream.readline(size)
        self.read_bytes += len(line)
        if self.read_bytes > self.cap:
            raise InputTooLarge(f"{self.source}:{self.lineno}",
                                f"decompressed past {self.cap} bytes ({self.why})")
        return line


class _Plain:
    """A plain archive's stream, with the line number kept for messages like a gzip one."""

    def __init__(self, stream: IO[bytes]):
        self.stream, self.lineno = stream, 0

    def readline(self, size: int) -> bytes:
        return self.stream.readline(size)


def archive_lines(path: Path, max_line: int, max_archive: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) of a JSON Lines archive, plain or gzip, read streamed.

    A line over ``max_line`` bytes comes back as None, and the rest of it is skipped without
    being held. A gzip archive may decompress to no more than ``max_archive`` bytes, nor more
    than MAX_GZIP_RATIO times its own size; past either InputTooLarge names the line reached.

    Raises:
        InputError: the file is not a regular file; InputTooLarge: past a decompression cap.
        OSError, EOFError, zlib.error: the archive is corrupt or cut short.
    """
    with open_regular(path) as raw:
        size = os.fstat(raw.fileno()).st_size
        stream: _Counted | _Plain
        if path.name.lower().endswith(".gz"):
            cap, why = min((max_archive, "max_archive_bytes"),
                           (size * MAX_GZIP_RATIO, f"{MAX_GZIP_RATIO} times its compressed size"))
            stream = _Counted(gzip.GzipFile(fileobj=raw, mode="rb"), cap, path.as_posix(), why)
        else:
            stream = _Plain(raw)  # its size was checked against max_archive_bytes before opening
        while True:
            stream.lineno += 1
            line = stream.readline(max_line + 1)
            if not line:
                return
            if len(line) <= max_line:
                yield stream.lineno, line
                continue
            yield stream.lineno, None
            while not line.endswith(b"\n"):  # skip the rest of the refused line, chunk by chunk
                line = stream.readline(_SKIP_CHUNK)
                if not line:
                    return
