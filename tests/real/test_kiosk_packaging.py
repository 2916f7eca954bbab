"""The salon's setup: the units (systemd-analyze verify, offline), the setup script (a dry run, and a real run
in a throwaway root, twice, then --uninstall), and the cage session script's exit statuses.

Nothing here touches this machine: the dry run changes nothing, and the real run works in a folder given
with --root (files, the user in its /etc/passwd, the unit's links made by ``systemctl --root``).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reflexmap.systemd import EXIT_STAFF
from tests.support.real import REPO, need_program, wait_until

PACKAGING = REPO / "packaging"
SETUP = PACKAGING / "setup-kiosk.sh"
SESSION = PACKAGING / "reflexmap-cage-session"
UNIT = PACKAGING / "reflexmap-kiosk@.service"
PIN_HASH = "pbkdf2_sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
#: What the setup writes on a real machine; the dry run must leave every one as it was.
WRITTEN = ("/opt/reflexmap", "/etc/reflexmap", "/etc/systemd/system/reflexmap-kiosk@.service")


def _not_ordinary(folder: str, names: list[str]) -> list[str]:
    return [
        n for n in names if not (os.path.islink(p := os.path.join(folder, n)) or os.path.isfile(p) or os.path.isdir(p))
    ]


def _bash() -> str:
    return need_program("bash", "bash")


def _setup(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SETUP_KIOSK_PYTHON": sys.executable}
    return subprocess.run(
        [_bash(), str(SETUP), *args], capture_output=True, text=True, timeout=timeout, env=env, check=False
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """reflexmap's wheel, built once: what the throwaway run installs (offline, without its dependencies)."""
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(folder), str(REPO)],
        check=True,
        timeout=600,
    )
    (built,) = folder.glob("reflexmap-*.whl")
    return built


@pytest.fixture
def throwaway_root(tmp_path: Path) -> Iterator[Path]:
    """A folder that looks enough like a fresh Debian's root for the setup: /etc with its user databases."""
    need_program("useradd", "passwd")
    need_program("userdel", "passwd")
    need_program("systemctl", "systemd")
    root = tmp_path / "root"
    etc = root / "etc"
    etc.mkdir(parents=True)
    (etc / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (etc / "group").write_text("root:x:0:\n")
    (etc / "shadow").write_text("root:*:19000:0:99999:7:::\n")
    (etc / "gshadow").write_text("root:*::\n")
    for name in ("os-release", "login.defs"):
        if Path("/etc", name).exists():
            shutil.copy(Path("/etc", name), etc / name)
    yield root


def _run_in(root: Path, wheel: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    result = _setup("--root", str(root), "--source", str(wheel), "--pip-args", "--no-deps --no-index", *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_the_dry_run_prints_every_file_and_every_command_and_changes_nothing() -> None:
    before = {path: os.path.lexists(path) for path in WRITTEN}
    result = _setup("--dry-run")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    commands = [line.removeprefix("would run: ").strip() for line in out.splitlines() if line.startswith("would run:")]
    apt = next(c for c in commands if " apt-get install " in c)
    for package in ("cage", "xwayland", "python3-venv", "libwayland-client0", "libwayland-cursor0", "libwayland-egl1"):
        assert f" {package}" in apt, package
    assert any(
        c.startswith("useradd --system --user-group --create-home --home-dir /var/lib/reflexmap") for c in commands
    )
    assert "python3 -m venv /opt/reflexmap/venv" in commands or any(
        c.endswith("-m venv /opt/reflexmap/venv") for c in commands
    )
    assert any(c.startswith("/opt/reflexmap/venv/bin/pip install") and str(REPO) in c for c in commands)
    assert "systemctl daemon-reload" in commands
    assert "systemctl disable getty@tty1.service" in commands
    assert "systemctl enable reflexmap-kiosk@tty1.service" in commands
    files = {line.split()[2]: line for line in out.splitlines() if line.startswith("would write:")}
    assert set(files) == {
        "/opt/reflexmap/bin/reflexmap-cage-session",
        "/etc/reflexmap/config.toml",
        "/etc/systemd/system/reflexmap-kiosk@.service",
    }
    assert "(mode 0755)" in files["/opt/reflexmap/bin/reflexmap-cage-session"]
    assert "(mode 0640, owner root:reflexmap)" in files["/etc/reflexmap/config.toml"]
    shown = "\n".join(line[6:] for line in out.splitlines() if line.startswith("    | "))
    assert UNIT.read_text(encoding="utf-8").strip() in shown  # each file, whole
    assert SESSION.read_text(encoding="utf-8").strip() in shown
    assert "[kiosk]\nenabled = true" in shown
    assert "dry run: nothing was changed" in out
    assert {path: os.path.lexists(path) for path in WRITTEN} == before


def test_the_setup_in_a_throwaway_root_is_safe_to_run_twice_and_undone_by_uninstall(
    throwaway_root: Path, wheel: Path
) -> None:
    root = throwaway_root
    first = _run_in(root, wheel, "--pin-hash", PIN_HASH)
    assert "Debian packages: not installed under --root" in first.stdout
    passwd = (root / "etc/passwd").read_text()
    assert "reflexmap:x:" in passwd and ":/var/lib/reflexmap:/usr/sbin/nologin" in passwd
    assert (root / "var/lib/reflexmap").is_dir()
    reflexmap = root / "opt/reflexmap/venv/bin/reflexmap"
    version = subprocess.run([str(reflexmap), "--version"], capture_output=True, text=True, timeout=60, check=True)
    assert version.stdout.startswith("reflexmap ")
    session = root / "opt/reflexmap/bin/reflexmap-cage-session"
    assert session.read_bytes() == SESSION.read_bytes() and session.stat().st_mode & 0o777 == 0o755
    unit = root / "etc/systemd/system/reflexmap-kiosk@.service"
    assert unit.read_bytes() == UNIT.read_bytes()
    link = root / "etc/systemd/system/multi-user.target.wants/reflexmap-kiosk@tty1.service"
    assert link.is_symlink() and os.readlink(link) == "/etc/systemd/system/reflexmap-kiosk@.service"
    config = root / "etc/reflexmap/config.toml"
    assert config.stat().st_mode & 0o777 == 0o640
    text = config.read_text(encoding="utf-8")
    assert f'pin_hash = "{PIN_HASH}"' in text and 'staff_corner = "bottom-right"' in text
    check = subprocess.run(
        [sys.executable, "-m", "reflexmap", "check", "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert check.returncode == 0, check.stdout  # the starting config is one reflexmap takes as it is

    config.write_text(text.replace('salon_name = ""', 'salon_name = "Seizó"'), encoding="utf-8")  # the owner's edit
    second = _run_in(root, wheel)  # again: keeps the config and the user, brings the rest up to date
    assert "config: keeping /etc/reflexmap/config.toml" in second.stdout
    assert "user reflexmap: there already" in second.stdout
    assert 'salon_name = "Seizó"' in config.read_text(encoding="utf-8")
    assert (root / "etc/passwd").read_text().count("reflexmap:x:") == 1
    assert link.is_symlink() and reflexmap.exists()

    undone = _run_in(root, wheel, "--uninstall")
    assert "apt-get remove cage xwayland" in undone.stdout  # said, not done: other programs may use them
    for gone in ("opt/reflexmap", "etc/reflexmap", "etc/systemd/system/reflexmap-kiosk@.service", "var/lib/reflexmap"):
        assert not (root / gone).exists(), gone
    assert not link.is_symlink()
    assert "reflexmap" not in (root / "etc/passwd").read_text()


def test_the_units_pass_systemd_analyze_verify(throwaway_root: Path, wheel: Path, tmp_path: Path) -> None:
    """Offline: the system unit in the throwaway root the setup made (so its ExecStart= is there), with
    systemd's own units copied in; the desktop user unit with a stand-in program in a stand-in home."""
    analyze = need_program("systemd-analyze", "systemd")
    units = Path("/usr/lib/systemd/system")
    if not (units / "multi-user.target").exists():
        pytest.skip("needs systemd's units in /usr/lib/systemd/system (Debian package systemd)")
    root = throwaway_root
    _run_in(root, wheel, "--pin-hash", PIN_HASH)
    (root / "usr/lib/systemd").mkdir(parents=True)
    # ordinary files and links only: a unit hidden to mimic a machine without its package is a device node
    shutil.copytree(units, root / "usr/lib/systemd/system", symlinks=True, ignore=_not_ordinary)
    result = subprocess.run(
        [analyze, "verify", f"--root={root}", "reflexmap-kiosk@tty1.service"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0 and not result.stderr.strip() and not result.stdout.strip(), result.stderr

    home = tmp_path / "home"
    program = home / "reflexmap/.venv/bin/reflexmap"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    result = subprocess.run(
        [analyze, "--user", "verify", str(PACKAGING / "reflexmap-kiosk.service")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime)},
        check=False,
    )
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


# --- the session script, with stand-ins for cage and reflexmap ---------------------------------------------


def _script(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o755)
    return path


@pytest.fixture
def stand_in_cage(tmp_path: Path) -> Path:
    """Like cage 0.1.4: runs its application (after --) as its child, and exits 0 whatever it did."""
    return _script(tmp_path, "cage", 'while [ "$1" != -- ]; do shift; done; shift\n"$@"\nexit 0\n')


def _session(tmp_path: Path, cage: Path, app: Path) -> subprocess.Popen[str]:
    need_program("sh", "dash")
    env = {**os.environ, "CAGE": str(cage), "REFLEXMAP": str(app), "XDG_RUNTIME_DIR": str(tmp_path)}
    return subprocess.Popen([str(SESSION)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize(
    ("app", "status"),
    [
        ('echo 10 > "$REFLEXMAP_STATUS_FILE"; exit 10\n', EXIT_STAFF),  # staff exit: the units do not restart it
        ('echo 0 > "$REFLEXMAP_STATUS_FILE"; exit 0\n', 0),  # a clean stop
        ("kill -SEGV $$\n", 0),  # a crash leaves nothing: cage's own status, and Restart=always restarts it
    ],
    ids=["staff exit", "clean stop", "crash"],
)
def test_the_session_script_exits_with_the_status_reflexmap_left(
    tmp_path: Path, stand_in_cage: Path, app: str, status: int
) -> None:
    proc = _session(tmp_path, stand_in_cage, _script(tmp_path, "app", app))
    assert proc.wait(timeout=60) == status
    assert not list(tmp_path.glob("reflexmap-status.*"))  # it cleans up after itself


def test_on_a_stop_the_session_script_asks_reflexmap_first(tmp_path: Path, stand_in_cage: Path) -> None:
    """SIGTERM to the script alone (KillMode=mixed): it passes it to reflexmap, which ends cleanly, then cage."""
    seen = tmp_path / "seen"
    app = _script(
        tmp_path,
        "app",
        f'trap \'echo TERM > "{seen}"; echo 0 > "$REFLEXMAP_STATUS_FILE"; exit 0\' TERM\n'
        f'echo up > "{seen}"\nwhile :; do sleep 0.1; done\n',
    )
    proc = _session(tmp_path, stand_in_cage, app)
    wait_until(lambda: seen.exists(), 30, "the stand-in reflexmap to start")
    time.sleep(0.2)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    assert seen.read_text().strip() == "TERM"


def test_a_python_older_than_the_app_needs_stops_the_setup_with_one_sentence(
    throwaway_root: Path, wheel: Path, tmp_path: Path
) -> None:
    """Ubuntu 22.04's python3 is 3.10: the setup says so before it makes a venv pip cannot fill."""
    old = tmp_path / "python3"
    old.write_text('#!/bin/sh\ncase "$*" in *-V*) echo "Python 3.10.12" ;; *) exit 1 ;; esac\n')
    old.chmod(0o755)
    env = {**os.environ, "SETUP_KIOSK_PYTHON": str(old)}
    args = ["--root", str(throwaway_root), "--source", str(wheel), "--pip-args", "--no-deps --no-index"]
    result = subprocess.run(
        [_bash(), str(SETUP), *args], capture_output=True, text=True, timeout=600, env=env, check=False
    )
    assert result.returncode == 1
    assert "needs Python 3.11 or newer" in result.stderr and "3.10.12" in result.stderr, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (throwaway_root / "opt" / "reflexmap" / "venv").exists()
