"""Reading the files a person hands reflexmap, and writing its own state, so no file can hang, flood or redirect it.

Every file a salon (or anyone with the salon's login) can point reflexmap at
is read through :func:`read_file`: only a regular file is read (a named pipe,
a device such as ``/dev/zero``, a socket or a folder is refused, before any
read that could block), the byte cap is enforced while reading (a file's
size as ``stat`` reports it is never trusted), and a gzip-compressed file is
unpacked with the unpacked size capped while inflating.

reflexmap's own state (the run record, the cache, the log) is written with
:func:`write_atomic` and :func:`open_append_nofollow`, which never follow a
symbolic link planted where the file goes.

No Qt here, and nothing slow to import: a cached start reads its files
through this module.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

from reflexmap.messages import Message

__all__ = [
    "MAX_LOGO_BYTES",
    "MAX_LOGO_PIXELS",
    "LogoError",
    "open_append_nofollow",
    "read_file",
    "read_logo",
    "write_atomic",
]

#: A logo is a small picture; a bigger file (or one that unpacks to more) is no logo.
MAX_LOGO_BYTES = 4 * 1024 * 1024
#: Pixels of a PNG logo (or of a picture embedded in art): 4096 x 4096, 64 MiB once decoded.
MAX_LOGO_PIXELS = 4096 * 4096
#: The longest side of such a picture.
MAX_PICTURE_SIDE = 16_384

_GZIP_MAGIC = b"\x1f\x8b"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHUNK = 1 << 16


class LogoError(ValueError):
    """The logo cannot be used; the message names the file and the problem."""


def read_file(
    path: Path,
    error: type[ValueError],
    max_bytes: int,
    *,
    compressed: bool = False,
    max_unpacked: int | None = None,
    nofollow: bool = False,
) -> bytes:
    """The bytes of the regular file ``path``, or ``error`` with one sentence naming the file.

    At most ``max_bytes`` are read (one more tells a file that is too big).
    With ``compressed`` a gzip file (``.svgz``, or any file starting with
    gzip's magic bytes) is unpacked, to at most ``max_unpacked`` bytes
    (default ``max_bytes``).  With ``nofollow`` a symbolic link at ``path``
    is refused (for reflexmap's own state files).
    """
    name = path.name
    try:
        # stat first: a device is refused without even opening it (opening some has side effects)
        info = os.lstat(path) if nofollow else os.stat(path)
        _refuse_unless_regular(info, name, error)
        flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (os.O_NOFOLLOW if nofollow else 0)
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise error(Message("{file}: no such file ({path}).", file=name, path=str(path))) from None
    except OSError as e:
        raise error(_unreadable(name, e, nofollow)) from None
    try:
        info = os.fstat(fd)  # what was opened, whatever the name points at now
        _refuse_unless_regular(info, name, error)
        if info.st_size > max_bytes:  # only to say how big: the cap below is what holds
            raise error(
                Message(
                    "{file}: the file is {size:,} bytes; the limit is {limit:,}.",
                    file=name,
                    size=info.st_size,
                    limit=max_bytes,
                )
            )
        data = _read_capped(fd, max_bytes)
    except OSError as e:
        raise error(_unreadable(name, e, nofollow)) from None
    finally:
        os.close(fd)
    if data is None:
        raise error(Message("{file}: the file is more than {limit:,} bytes, the limit.", file=name, limit=max_bytes))
    if compressed and (data.startswith(_GZIP_MAGIC) or name.lower().endswith(".svgz")):
        data = _gunzip(data, name, error, max_bytes if max_unpacked is None else max_unpacked)
    return data


def _refuse_unless_regular(info: os.stat_result, name: str, error: type[ValueError]) -> None:
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise error(Message("{file}: this is a folder, not a file.", file=name))
    what = (
        Message("a named pipe (FIFO)")
        if stat.S_ISFIFO(mode)
        else Message("a socket")
        if stat.S_ISSOCK(mode)
        else Message("a device")
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else Message("a symbolic link")
        if stat.S_ISLNK(mode)
        else Message("not an ordinary file")
    )
    raise error(
        Message(
            "{file}: this is {what}, not an ordinary file; reflexmap reads only ordinary files.", file=name, what=what
        )
    )


def _unreadable(name: str, e: OSError, nofollow: bool) -> Message:
    import errno

    if nofollow and e.errno == errno.ELOOP:
        return Message("{file}: this is a symbolic link, which reflexmap does not follow here.", file=name)
    if e.errno == errno.EISDIR:
        return Message("{file}: this is a folder, not a file.", file=name)
    return Message("{file}: cannot be read ({detail}).", file=name, detail=str(e.strerror or e))


def _read_capped(fd: int, max_bytes: int) -> bytes | None:
    """Up to ``max_bytes`` from ``fd``; None if there is more."""
    parts: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        total += len(chunk)
    return None


def _gunzip(data: bytes, name: str, error: type[ValueError], limit: int) -> bytes:
    import zlib

    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)  # gzip framing
    try:
        out = inflater.decompress(data, limit + 1)  # never more than the cap plus one byte, however it packs
    except zlib.error as e:
        raise error(Message("{file}: the compressed data is damaged ({detail}).", file=name, detail=str(e))) from None
    if len(out) > limit:
        raise error(
            Message("{file}: the file unpacks to more than {limit:,} bytes, the limit.", file=name, limit=limit)
        )
    if not inflater.eof:
        raise error(Message("{file}: the compressed data is cut short.", file=name))
    return out


# --- the salon's logo --------------------------------------------------------------------------


def read_logo(path: Path) -> tuple[bytes, str]:
    """The logo's bytes and kind (``"svg"`` or ``"png"``), checked; raises :class:`LogoError`.

    Draw the logo from exactly these bytes, never from the path again.  An
    SVG (or ``.svgz``) logo passes the same safety gate as art
    (:func:`reflexmap.svg_safety.check_svg`); a PNG must have PNG's signature
    and a header whose width and height are sane (at most
    :data:`MAX_LOGO_PIXELS`), so decoding it cannot take more than 64 MiB.
    """
    data = read_file(path, LogoError, MAX_LOGO_BYTES, compressed=True)
    name = path.name
    if data.startswith(PNG_SIGNATURE):
        check_png(data, name, LogoError)
        return data, "png"
    if path.suffix.lower() == ".png":
        raise LogoError(Message("{file}: this is not a PNG picture (it lacks PNG's signature).", file=name))
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        raise LogoError(Message("{file}: a logo must be an SVG or a PNG picture.", file=name))
    from reflexmap.svg_safety import check_svg

    check_svg(data, name, LogoError)
    return data, "svg"


def check_png(data: bytes, name: str, error: type[ValueError]) -> tuple[int, int]:
    """The PNG's (width, height) from its header; ``error`` unless it is sane."""
    import struct
    import zlib

    header = data[8:33]
    if len(header) < 25 or header[4:8] != b"IHDR" or header[:4] != b"\x00\x00\x00\x0d":
        raise error(Message("{file}: the PNG picture has no valid header.", file=name))
    width, height = struct.unpack(">II", header[8:16])
    if zlib.crc32(header[4:21]) != struct.unpack(">I", header[21:25])[0]:
        raise error(Message("{file}: the PNG picture has a damaged header.", file=name))
    check_picture_size(width, height, name, error)
    return width, height


def check_picture_size(width: int, height: int, name: str, error: type[ValueError]) -> None:
    """``error`` unless a picture of ``width`` x ``height`` pixels is one reflexmap may decode."""
    if (
        width <= 0
        or height <= 0
        or width > MAX_PICTURE_SIDE
        or height > MAX_PICTURE_SIDE
        or width * height > MAX_LOGO_PIXELS
    ):
        raise error(
            Message(
                "{file}: the picture is {width:,} x {height:,} pixels; at most {limit:,} pixels in all are allowed.",
                file=name,
                width=width,
                height=height,
                limit=MAX_LOGO_PIXELS,
            )
        )


# --- writing reflexmap's own state -------------------------------------------------------------


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step; raises OSError.

    The bytes go to a temporary file created exclusively (``O_EXCL``, so a
    symbolic link planted at its name is never followed; mode 0600) with a
    random name in the same folder, are flushed to disk, and the file is then
    renamed over ``path`` (``os.replace`` replaces a link planted at ``path``
    itself, never its target).  Readers see the old file or the new one,
    never half of one.
    """
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    for _ in range(8):
        tmp = folder / f".{path.name}.{os.urandom(8).hex()}.tmp"
        try:
            fd = os.open(tmp, flags, 0o600)
            break
        except FileExistsError:
            continue
    else:
        raise FileExistsError(f"cannot create a temporary file next to {path}")
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def open_append_nofollow(
    path: str | os.PathLike[str], encoding: str | None = "utf-8", errors: str | None = None
) -> io.TextIOWrapper:
    """``path`` opened for appending text, refusing a symbolic link, a hard link or anything not a file.

    Raises OSError (``ELOOP`` for a symbolic link).  For the log file: use it
    as the stream of a ``logging.handlers.RotatingFileHandler`` by overriding
    its ``_open`` (:class:`reflexmap.logfile.SafeRotatingFileHandler` does),
    so rotation reopens the file this way too.
    """
    import errno
    import fcntl

    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK
    fd = os.open(path, flags, 0o600)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not an ordinary file", str(path))
        if info.st_nlink > 1:  # a hard link planted to another of the user's files
            raise OSError(errno.EMLINK, "the file has other names (hard links)", str(path))
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        return open(fd, "a", encoding=encoding, errors=errors, closefd=True)
    except BaseException:
        os.close(fd)
        raise
