"""reflexmap.files: reading what people hand the app, and writing its own state, safely."""

from __future__ import annotations

import errno
import gzip
import io
import logging
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reflexmap.files import (
    MAX_LOGO_BYTES,
    LogoError,
    open_append_nofollow,
    read_file,
    read_logo,
    write_atomic,
)
from reflexmap.kiosk.run_record import Ending, PreviousRun, RunRecord


class Refused(ValueError):
    pass


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes(b"x" * 1000)
    assert read_file(path, Refused, 1000) == b"x" * 1000


@pytest.mark.parametrize("kind", ["fifo", "device", "socket", "folder", "device-link"])
def test_anything_but_a_regular_file_is_refused_before_a_read_could_block(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "art.svg"
    if kind == "fifo":
        os.mkfifo(path)  # opening it for reading would block until a writer comes
    elif kind == "device":
        path = Path("/dev/zero")  # reads forever
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")
    with pytest.raises(Refused) as info:
        read_file(path, Refused, 1 << 20)
    assert str(info.value).startswith(f"{path.name}: this is ")
    assert "\n" not in str(info.value)


def test_the_cap_holds_while_reading_whatever_stat_says(tmp_path: Path) -> None:
    """/proc files are regular files that stat reports as 0 bytes long."""
    status = Path("/proc/self/status")
    assert status.stat().st_size == 0
    with pytest.raises(Refused, match=r"status: the file is more than 10 bytes, the limit\."):
        read_file(status, Refused, 10)


def test_a_file_bigger_than_the_cap_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "sparse.svg"
    with open(path, "wb") as f:
        f.truncate(1 << 40)  # a terabyte, sparse
    with pytest.raises(Refused, match=r"sparse.svg: the file is 1,099,511,627,776 bytes; the limit is 100\."):
        read_file(path, Refused, 100)


def test_missing_and_unreadable_files_say_so(tmp_path: Path) -> None:
    with pytest.raises(Refused, match="nope.toml: no such file"):
        read_file(tmp_path / "nope.toml", Refused, 10)
    locked = tmp_path / "locked.toml"
    locked.write_text("x")
    locked.chmod(0)
    if os.geteuid() != 0:  # root reads anything
        with pytest.raises(Refused, match="locked.toml: cannot be read"):
            read_file(locked, Refused, 10)


def test_nofollow_refuses_a_symbolic_link(tmp_path: Path) -> None:
    target = tmp_path / "target.json"
    target.write_text("{}")
    link = tmp_path / "state.json"
    link.symlink_to(target)
    assert read_file(link, Refused, 10) == b"{}"
    with pytest.raises(Refused, match="state.json: this is a symbolic link"):
        read_file(link, Refused, 10, nofollow=True)


def test_gzip_is_unpacked_within_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "art.svgz"
    path.write_bytes(gzip.compress(b"<svg/>" * 100))
    assert read_file(path, Refused, 1000, compressed=True) == b"<svg/>" * 100
    sniffed = tmp_path / "art.svg"  # gzip's magic bytes, whatever the name
    sniffed.write_bytes(gzip.compress(b"<svg/>"))
    assert read_file(sniffed, Refused, 1000, compressed=True) == b"<svg/>"
    assert read_file(sniffed, Refused, 1000).startswith(b"\x1f\x8b")  # not for files that are never compressed


def test_a_gzip_bomb_is_stopped_while_inflating(tmp_path: Path) -> None:
    path = tmp_path / "bomb.svgz"
    path.write_bytes(gzip.compress(b"\0" * (64 * 1024 * 1024)))  # 64 MB in 64 kB
    assert path.stat().st_size < 100_000
    with pytest.raises(Refused, match=r"bomb.svgz: the file unpacks to more than 1,000,000 bytes, the limit\."):
        read_file(path, Refused, 1_000_000, compressed=True)


def test_damaged_and_cut_gzip_say_so(tmp_path: Path) -> None:
    packed = gzip.compress(b"<svg/>" * 1000)
    cut = tmp_path / "cut.svgz"
    cut.write_bytes(packed[: len(packed) // 2])
    with pytest.raises(Refused, match="cut.svgz: the compressed data is cut short."):
        read_file(cut, Refused, 100_000, compressed=True)
    damaged = tmp_path / "damaged.svgz"
    damaged.write_bytes(packed[:10] + b"\xff" * 40 + packed[50:])
    with pytest.raises(Refused, match="damaged.svgz: the compressed data is damaged"):
        read_file(damaged, Refused, 100_000, compressed=True)


# --- the logo ----------------------------------------------------------------------------------------------


def test_a_good_logo_comes_back_with_its_kind(tmp_path: Path) -> None:
    from tests.hostile.corpus import _png

    png = tmp_path / "logo.png"
    png.write_bytes(_png(200, 80))
    assert read_logo(png) == (png.read_bytes(), "png")
    svg = tmp_path / "logo.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle r="4"/></svg>')
    assert read_logo(svg) == (svg.read_bytes(), "svg")
    svgz = tmp_path / "logo.svgz"
    svgz.write_bytes(gzip.compress(svg.read_bytes()))
    assert read_logo(svgz) == (svg.read_bytes(), "svg")  # the bytes to draw, unpacked


def test_a_logo_that_is_neither_svg_nor_png_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "logo.gif"
    path.write_bytes(b"GIF89a" + b"\0" * 100)
    with pytest.raises(LogoError, match="logo.gif: a logo must be an SVG or a PNG picture."):
        read_logo(path)
    big = tmp_path / "big.png"
    with open(big, "wb") as f:
        f.truncate(MAX_LOGO_BYTES + 1)
    with pytest.raises(LogoError, match="big.png: the file is 4,194,305 bytes"):
        read_logo(big)


# --- writing state -------------------------------------------------------------------------------------------


def test_write_atomic_replaces_the_file_with_mode_0600_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "state" / "last-run.json"
    write_atomic(path, b"one")
    write_atomic(path, b"two")
    assert path.read_bytes() == b"two"
    assert path.stat().st_mode & 0o777 == 0o600
    assert os.listdir(path.parent) == ["last-run.json"]


def test_write_atomic_never_follows_a_link_planted_at_the_file(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious")
    path = tmp_path / "last-run.json"
    path.symlink_to(victim)
    write_atomic(path, b"state")
    assert victim.read_text() == "precious"
    assert not path.is_symlink() and path.read_bytes() == b"state"


def test_write_atomic_never_writes_through_a_planted_temporary_name(tmp_path: Path) -> None:
    """The old code wrote last-run.json.tmp: a link planted there had its target truncated."""
    victim = tmp_path / "victim"
    victim.write_text("precious")
    for name in ("last-run.json.tmp", ".last-run.json.tmp"):
        (tmp_path / name).symlink_to(victim)
    write_atomic(tmp_path / "last-run.json", b"state")
    assert victim.read_text() == "precious"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "state" / "last-run.json"
    write_atomic(path, b"old")

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError):
        write_atomic(path, b"new")
    monkeypatch.undo()
    assert path.read_bytes() == b"old"
    assert os.listdir(path.parent) == ["last-run.json"]


def test_open_append_nofollow_appends_and_refuses_links_and_pipes(tmp_path: Path) -> None:
    log = tmp_path / "reflexmap.log"
    with open_append_nofollow(log) as f:
        f.write("one\n")
    with open_append_nofollow(log) as f:
        f.write("two\n")
    assert log.read_text() == "one\ntwo\n"
    victim = tmp_path / "victim"
    victim.write_text("precious")
    link = tmp_path / "linked.log"
    link.symlink_to(victim)
    with pytest.raises(OSError) as info:
        open_append_nofollow(link)
    assert info.value.errno == errno.ELOOP
    hard = tmp_path / "hard.log"
    os.link(victim, hard)
    with pytest.raises(OSError):
        open_append_nofollow(hard)
    fifo = tmp_path / "fifo.log"
    os.mkfifo(fifo)
    with pytest.raises(OSError):
        open_append_nofollow(fifo)
    assert victim.read_text() == "precious"


# --- the log file's handler ----------------------------------------------------------------------------------


def test_the_log_handler_refuses_a_symlinked_log_and_says_so_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reflexmap.logfile import SafeRotatingFileHandler

    victim = tmp_path / "victim"
    victim.write_text("precious")
    (tmp_path / "reflexmap.log").symlink_to(victim)
    handler = SafeRotatingFileHandler(
        tmp_path / "reflexmap.log", maxBytes=1000, backupCount=2, encoding="utf-8", delay=True
    )
    logger = logging.getLogger("test.symlinked")
    logger.addHandler(handler)
    try:
        for i in range(50):
            logger.error("forged line %d", i)
    finally:
        logger.removeHandler(handler)
        handler.close()
    assert victim.read_text() == "precious"
    err = capsys.readouterr().err
    assert err.count("cannot write the log file") == 1, err
    assert "Logging error" not in err and "Traceback" not in err


def test_a_full_disk_is_said_once_then_logging_stays_quiet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reflexmap.logfile import SafeRotatingFileHandler

    class Full(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    handler = SafeRotatingFileHandler(
        tmp_path / "reflexmap.log", maxBytes=1_000_000, backupCount=2, encoding="utf-8", delay=True
    )
    handler._open = lambda: Full()  # type: ignore[method-assign, assignment, return-value]
    logger = logging.getLogger("test.full")
    logger.addHandler(handler)
    try:
        for i in range(100):
            logger.error("record %d", i)
        handler._open = lambda: open_append_nofollow(tmp_path / "reflexmap.log")  # type: ignore[method-assign]
        logger.error("room again")
    finally:
        logger.removeHandler(handler)
        handler.close()
    err = capsys.readouterr().err
    assert err.count("cannot write the log file") == 1, err
    assert "No space left on device" in err
    assert "Logging error" not in err and "Traceback" not in err
    assert (tmp_path / "reflexmap.log").read_text().endswith("room again\n")


def test_the_log_handler_rotates_without_following_links(tmp_path: Path) -> None:
    from reflexmap.logfile import SafeRotatingFileHandler

    victim = tmp_path / "victim"
    victim.write_text("precious")
    (tmp_path / "reflexmap.log.1").symlink_to(victim)  # rotation renames over it; the target stays
    handler = SafeRotatingFileHandler(tmp_path / "reflexmap.log", maxBytes=200, backupCount=2, encoding="utf-8")
    logger = logging.getLogger("test.rotate")
    logger.addHandler(handler)
    try:
        for i in range(40):
            logger.error("line %03d", i)
    finally:
        logger.removeHandler(handler)
        handler.close()
    assert victim.read_text() == "precious"
    assert not (tmp_path / "reflexmap.log.1").is_symlink()


# --- the run record ------------------------------------------------------------------------------------------


def test_the_run_record_never_writes_through_planted_links(tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir()
    victim = tmp_path / "victim"
    victim.write_text('{"started": 7.0, "why": "staff exit"}')
    (state / "last-run.json.tmp").symlink_to(victim)
    (state / "last-run.json").symlink_to(victim)
    record = RunRecord(state / "last-run.json", clock=lambda: 1000.0, boot=lambda: "b")
    assert record.last_restart() is None  # a link is not read
    record.begin()
    record.ended(Ending.STAFF_EXIT)
    assert victim.read_text() == '{"started": 7.0, "why": "staff exit"}'
    again = RunRecord(state / "last-run.json", clock=lambda: 2000.0, boot=lambda: "b")
    assert again.last_restart() == PreviousRun(1000.0, Ending.STAFF_EXIT)


def test_a_pipe_planted_as_the_run_record_does_not_hang_the_start(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "last-run.json")
    record = RunRecord(tmp_path / "last-run.json", clock=lambda: 5.0, boot=lambda: "b")
    assert record.last_restart() is None
    record.begin()  # and the start goes on, replacing the pipe with a real record
    assert RunRecord(tmp_path / "last-run.json", clock=lambda: 6.0).last_restart() is not None


@pytest.mark.parametrize("started", ["1e308", "-1", "NaN", "Infinity", '"soon"', "true", "[1]", "1" * 400])
def test_absurd_values_in_the_run_record_are_dropped(started: str, tmp_path: Path) -> None:
    path = tmp_path / "last-run.json"
    path.write_text(f'{{"started": {started}, "ended": null, "why": "x\\u001b[2K{"y" * 1000}"}}')
    previous = RunRecord(path, clock=lambda: 5.0, boot=lambda: "b").last_restart()
    assert previous == PreviousRun(None, Ending.CRASH)  # no time to show, and a reason reflexmap never wrote


# --- layering ----------------------------------------------------------------------------------------------


def test_the_new_model_modules_import_no_qt_at_all() -> None:
    code = textwrap.dedent(
        """
        import sys
        import reflexmap.files, reflexmap.svg_safety, reflexmap.logfile, reflexmap.messages, reflexmap.cache
        assert not any(m.startswith("PySide6") for m in sys.modules), sorted(m for m in sys.modules if "PySide" in m)
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert result.stdout.strip() == "ok", result.stderr


def test_a_log_line_cannot_be_forged_through_a_file_name(tmp_path: Path) -> None:
    from reflexmap.logfile import SafeFormatter, SafeRotatingFileHandler

    handler = SafeRotatingFileHandler(tmp_path / "reflexmap.log", maxBytes=100_000, backupCount=1, encoding="utf-8")
    handler.setFormatter(SafeFormatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("test.forged")
    logger.addHandler(handler)
    try:
        logger.warning("cannot read %s", "x.svg\nERROR staff PIN accepted\r\x1b[2K")
        try:
            raise ValueError("bad\x1b[31m")
        except ValueError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
        handler.close()
    lines = (tmp_path / "reflexmap.log").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "WARNING cannot read x.svg\\u000aERROR staff PIN accepted\\u000d\\u001b[2K"
    assert lines[1] == "ERROR failed" and lines[2].startswith("Traceback")
    assert lines[-1] == "ValueError: bad\\u001b[31m"
