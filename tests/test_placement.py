"""Where the desktop window opens, and what it remembers."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflexmap.placement import MINIMUM, PREFERRED, Rect, SavedWindow, first_placement, load_saved, restore, save

# available areas (a panel or dock taken off) of the screens the issue names; 4K at scale 2 is 1920x1080 logical
SCREENS = {
    "1366x768": Rect(0, 27, 1366, 741),
    "1280x800": Rect(0, 0, 1280, 800),
    "800x1280": Rect(0, 0, 800, 1280),
    "1920x1080": Rect(0, 32, 1920, 1048),
    "3840x2160 at scale 2": Rect(0, 0, 1920, 1080),
}


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_the_first_window_fits_the_screen_centred_and_at_most_the_preferred_size(name: str) -> None:
    available = SCREENS[name]
    placed = first_placement(available)
    assert available.contains(placed)
    assert placed.width <= min(PREFERRED[0], 0.9 * available.width) + 1
    assert placed.height <= min(PREFERRED[1], 0.9 * available.height) + 1
    assert placed.width >= MINIMUM[0] and placed.height >= MINIMUM[1]
    assert abs((placed.x - available.x) - (available.x + available.width - placed.x - placed.width)) <= 1
    assert abs((placed.y - available.y) - (available.y + available.height - placed.y - placed.height)) <= 1


def test_a_big_screen_gets_the_preferred_size() -> None:
    placed = first_placement(SCREENS["1920x1080"])
    assert (placed.width, placed.height) == PREFERRED


def test_the_placement_is_remembered_and_restored_only_where_it_still_fits(tmp_path: Path) -> None:
    path = tmp_path / "state" / "window.json"
    left = SavedWindow(Rect(1900, 100, 1000, 700), maximized=True)  # on a second monitor
    save(path, left)
    assert load_saved(path) == left
    two_monitors = [Rect(0, 0, 1920, 1080), Rect(1920, 0, 1920, 1080)]
    assert restore(load_saved(path), two_monitors) is None  # straddles the two: not restored
    inside = SavedWindow(Rect(2000, 100, 1000, 700), maximized=False)
    save(path, inside)
    assert restore(load_saved(path), two_monitors) == inside
    assert restore(load_saved(path), two_monitors[:1]) is None  # that monitor is gone: a fresh placement
    assert restore(SavedWindow(Rect(10, 10, 300, 200)), two_monitors) is None  # smaller than the minimum


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "[]",
        '{"x": 1}',
        '{"x": "a", "y": 0, "width": 800, "height": 600}',
        '{"x": 0, "y": 0, "width": 1e308, "height": 600}',
        '{"x": 0, "y": 0, "width": 800, "height": 600, "maximized": 1}',
        "{" * 5000,
    ],
)
def test_a_damaged_state_file_means_a_fresh_placement(tmp_path: Path, text: str) -> None:
    path = tmp_path / "window.json"
    path.write_text(text, encoding="utf-8")
    assert load_saved(path) is None


def test_a_planted_link_is_not_followed_when_saving(tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("the owner's notes", encoding="utf-8")
    path = tmp_path / "window.json"
    path.symlink_to(target)
    save(path, SavedWindow(Rect(0, 0, 800, 600)))
    assert target.read_text(encoding="utf-8") == "the owner's notes"
