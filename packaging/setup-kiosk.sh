#!/usr/bin/env bash
# Set up reflexmap as the salon's kiosk: no desktop, no display manager, the cage Wayland compositor on a
# terminal with reflexmap as its only client, started at boot by systemd for the unprivileged user
# "reflexmap".  Run it once, as root, on a fresh Debian 12 or 13 or Ubuntu 24.04:
#
#     sudo packaging/setup-kiosk.sh                # from a checkout of reflexmap
#     sudo packaging/setup-kiosk.sh --dry-run      # print every file it would write and command it would run
#     sudo packaging/setup-kiosk.sh --uninstall    # undo it
#
# It installs the Debian packages (cage, xwayland, the libraries Qt's Wayland plugin loads), creates the
# user, installs reflexmap into a virtual environment in /opt/reflexmap, writes a starting config in
# /etc/reflexmap (asking for the staff PIN), installs reflexmap-kiosk@.service and enables it on tty1.
# Running it again is safe: it keeps the config and the user, and brings the rest up to date.
#
# Options:
#   --dry-run          print what it would do, change nothing
#   --uninstall        stop and remove everything it set up (the Debian packages stay)
#   --keep-config      with --uninstall: leave /etc/reflexmap as it is
#   --root DIR         work on the system in DIR (files, the user, the unit's links), not on this machine;
#                      Debian packages are not installed then (they are this machine's)
#   --source SPEC      what pip installs (default: this checkout); e.g. a wheel, or reflexmap==1.2
#   --pip-args ARGS    more pip options (e.g. "--no-deps --no-index" for an offline test)
#   --pin-hash HASH    the staff PIN's hash (from `reflexmap hash-pin`); otherwise it asks, on a terminal
#   --tty TTY          the terminal to take (default tty1)
#   --skip-packages    do not install the Debian packages
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_spec=$(cd "$here/.." && pwd)
root=""
dry_run=0
action=install
keep_config=0
pip_args=""
pin_hash=""
tty=tty1
skip_packages=0
python=${SETUP_KIOSK_PYTHON:-python3}

kiosk_user=reflexmap
prefix=/opt/reflexmap
home_dir=/var/lib/reflexmap
conf_dir=/etc/reflexmap
unit_dir=/etc/systemd/system
unit=reflexmap-kiosk@.service
# cage and the Xwayland it needs; Python; the session bus and logind's PAM module (the seat);
# what Qt's Wayland platform plugin loads (found with ldd on PySide6 6.11.3's libqwayland.so);
# the cue sounds: Qt Multimedia's PulseAudio backend, and a sound server the kiosk's session starts itself;
# the voice (`voice = true` under [kiosk]): Qt TextToSpeech's speechd engine, and speech-dispatcher with
# espeak-ng (it has Ukrainian and English voices; the kiosk's session starts it when first spoken to)
packages=(
    cage xwayland
    python3 python3-venv
    dbus libpam-systemd
    libwayland-client0 libwayland-cursor0 libwayland-egl1 libxkbcommon0 libegl1 libgl1 libfontconfig1 libdbus-1-3
    libpulse0 pipewire-pulse wireplumber
    libspeechd2 speech-dispatcher speech-dispatcher-espeak-ng
)

die() { echo "setup-kiosk: $*" >&2; exit 1; }
say() { echo "setup-kiosk: $*"; }

while [ $# -gt 0 ]; do
    case $1 in
        --dry-run) dry_run=1 ;;
        --uninstall) action=uninstall ;;
        --keep-config) keep_config=1 ;;
        --root) root=${2:?--root needs a folder}; shift ;;
        --source) source_spec=${2:?--source needs what to install}; shift ;;
        --pip-args) pip_args=${2?--pip-args needs options}; shift ;;
        --pin-hash) pin_hash=${2:?--pin-hash needs a hash from reflexmap hash-pin}; shift ;;
        --tty) tty=${2:?--tty needs a terminal, e.g. tty1}; shift ;;
        --skip-packages) skip_packages=1 ;;
        -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done
case $tty in tty[0-9]*) ;; *) die "--tty takes a terminal such as tty1, not $tty" ;; esac
if [ -n "$root" ]; then
    [ -d "$root" ] || die "--root $root is not a folder"
    root=$(cd "$root" && pwd)
fi
if [ "$dry_run" = 0 ] && [ -z "$root" ] && [ "$(id -u)" != 0 ]; then
    die "run me as root (sudo $0), or try --dry-run"
fi

# --- doing, or saying what would be done ---------------------------------------------------------------

# run CMD...: run a command (or, in a dry run, print it)
run() {
    if [ "$dry_run" = 1 ]; then
        echo "would run: $(printf '%q ' "$@")"
    else
        echo "+ $(printf '%q ' "$@")"
        "$@"
    fi
}

# put FILE MODE [OWNER] < content: write FILE (under --root) with MODE, and OWNER (user:group) if given
put() {
    local path=$root$1 mode=$2 owner=${3:-} content
    content=$(cat)
    if [ "$dry_run" = 1 ]; then
        echo "would write: $1 (mode $mode${owner:+, owner $owner})"
        printf '%s\n' "$content" | sed 's/^/    | /'
        return
    fi
    mkdir -p "$(dirname "$path")"
    printf '%s\n' "$content" >"$path.new"
    chmod "$mode" "$path.new"
    mv -f "$path.new" "$path"
    echo "wrote $1"
    if [ -n "$owner" ]; then
        if [ -n "$root" ]; then
            say "(under --root $1 keeps its owner: $owner exists in $root, not here)"
        else
            run chown "$owner" "$path"
        fi
    fi
}

# remove PATH...: delete files or folders (under --root)
remove() {
    local path
    for path in "$@"; do
        if [ -e "$root$path" ] || [ -L "$root$path" ]; then
            run rm -rf "$root$path"
        fi
    done
}

user_exists() {
    if [ -n "$root" ]; then
        grep -q "^$kiosk_user:" "$root/etc/passwd" 2>/dev/null
    else
        getent passwd "$kiosk_user" >/dev/null
    fi
}

# systemctl_ ARGS...: systemctl on this machine, or offline on the system in --root
systemctl_() {
    if [ -n "$root" ]; then
        run systemctl --root="$root" "$@"
    else
        run systemctl "$@"
    fi
}

# --- install ---------------------------------------------------------------------------------------------

check_system() {
    local os=/etc/os-release id="" version="" pretty
    if [ -r "$root$os" ]; then
        id=$(. "$root$os" && echo "${ID:-}")
        version=$(. "$root$os" && echo "${VERSION_ID:-}")
        pretty=$(. "$root$os" && echo "${PRETTY_NAME:-$id $version}")
        say "system: $pretty"
    fi
    case "$id $version" in
        "debian 12" | "debian 13" | "ubuntu 24.04") ;;
        *) say "warning: made for Debian 12 and 13 and Ubuntu 24.04${id:+, not $id $version}" ;;
    esac
    if [ -z "$root" ] && command -v systemctl >/dev/null && systemctl -q is-enabled display-manager.service 2>/dev/null; then
        say "warning: a display manager is enabled and may take the screen too; the kiosk needs none:"
        say "         systemctl disable display-manager.service"
    fi
}

install_packages() {
    if [ "$skip_packages" = 1 ]; then
        say "Debian packages: skipped (--skip-packages)"
    elif [ -n "$root" ]; then
        say "Debian packages: not installed under --root (they are this machine's): ${packages[*]}"
    else
        run env DEBIAN_FRONTEND=noninteractive apt-get update
        run env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}"
    fi
}

create_user() {
    if user_exists; then
        say "user $kiosk_user: there already"
        return
    fi
    local args=(--system --user-group --create-home --home-dir "$home_dir" --shell /usr/sbin/nologin
        --comment "reflexmap kiosk")
    [ -n "$root" ] && args+=(--prefix "$root")
    run useradd "${args[@]}" "$kiosk_user"
}

install_app() {
    local venv=$root$prefix/venv
    if [ "$dry_run" != 1 ] && ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        die "reflexmap needs Python 3.11 or newer; $python here is $("$python" -V 2>&1 || echo missing) (Ubuntu 22.04 has 3.10: use Debian 12 or 13 or Ubuntu 24.04)"
    fi
    if [ ! -x "$venv/bin/python" ] || [ "$dry_run" = 1 ]; then
        run "$python" -m venv "$venv"
    fi
    # shellcheck disable=SC2086 # pip_args are separate options
    run "$venv/bin/pip" install --quiet --upgrade $pip_args "$source_spec"
    put "$prefix/bin/reflexmap-cage-session" 0755 <"$here/reflexmap-cage-session"
}

write_config() {
    if [ -e "$root$conf_dir/config.toml" ]; then
        say "config: keeping $conf_dir/config.toml as it is"
        return
    fi
    if [ -z "$pin_hash" ] && [ "$dry_run" = 0 ] && [ -z "$root" ] && [ -t 0 ]; then
        say "the staff PIN opens the staff panel (hold the bottom-right corner for 3 s): 4 to 12 digits"
        pin_hash=$("$prefix/venv/bin/reflexmap" hash-pin | sed -n 's/^pin_hash = "\(.*\)"$/\1/p')
    fi
    local pin_line="pin_hash = \"$pin_hash\""
    if [ -z "$pin_hash" ] && [ "$dry_run" = 1 ] && [ -t 0 ]; then
        say "would ask for the staff PIN (reflexmap hash-pin) and write its hash in the config"
    elif [ -z "$pin_hash" ]; then
        say "warning: no staff PIN: the staff exit stays shut until you set one (reflexmap hash-pin, see the README)"
        pin_line="# pin_hash = \"...\"               # from: sudo $prefix/venv/bin/reflexmap hash-pin"
    fi
    put "$conf_dir/config.toml" 0640 "root:$kiosk_user" <<EOF
# reflexmap kiosk, written by setup-kiosk.sh.  Every setting: the README, "Configuration".
# Edits are checked and shown at the next quiet moment; \`$prefix/venv/bin/reflexmap check --config
# $conf_dir/config.toml\` lists any problem.
language = "uk"

[kiosk]
enabled = true
hide_cursor = true
staff_corner = "bottom-right"
$pin_line

[branding]
salon_name = ""
# logo = "logo.svg"
# accent = "#1f7a8c"
# booking_url = "https://example.com/book"
EOF
}

install_unit() {
    put "$unit_dir/$unit" 0644 <"$here/$unit"
    if [ -z "$root" ]; then
        run systemctl daemon-reload
    fi
    # the kiosk takes the terminal's login prompt's place
    systemctl_ disable "getty@$tty.service" || say "(no getty@$tty.service to disable)"
    systemctl_ enable "reflexmap-kiosk@$tty.service"
}

install_all() {
    check_system
    install_packages
    create_user
    install_app
    write_config
    install_unit
    if [ "$dry_run" = 1 ]; then
        say "dry run: nothing was changed"
    elif [ -z "$root" ]; then
        say "done. Reboot, or start it now (this takes over $tty): systemctl start reflexmap-kiosk@$tty"
        say "after a staff exit it stays stopped; start it again with: systemctl start reflexmap-kiosk@$tty"
    else
        say "done in $root"
    fi
}

# --- uninstall -------------------------------------------------------------------------------------------

uninstall_all() {
    if [ -z "$root" ]; then
        run systemctl disable --now "reflexmap-kiosk@$tty.service" || true
    else
        systemctl_ disable "reflexmap-kiosk@$tty.service" || true
    fi
    remove "$unit_dir/$unit"
    if [ -z "$root" ]; then
        run systemctl daemon-reload
    fi
    systemctl_ enable "getty@$tty.service" || say "(no getty@$tty.service to enable again)"
    remove "$prefix"
    if [ "$keep_config" = 1 ]; then
        say "config: kept in $conf_dir (--keep-config)"
    else
        remove "$conf_dir"
    fi
    if user_exists; then
        local args=(--remove)
        [ -n "$root" ] && args+=(--prefix "$root")
        run userdel "${args[@]}" "$kiosk_user"
    fi
    say "the Debian packages stay (other programs may use them); to remove them too:"
    say "    apt-get remove cage xwayland   (the libraries and Python may serve other programs)"
    [ "$dry_run" = 1 ] && say "dry run: nothing was changed"
    return 0
}

if [ "$action" = install ]; then
    install_all
else
    uninstall_all
fi
