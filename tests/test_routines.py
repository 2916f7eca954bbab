"""Routine files: the built-ins, every kind of bad file, and arbitrary input."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflexmap.content import ZONES
from reflexmap.resources import asset_path
from reflexmap.routines import RoutineError, load_routine, load_routines

BUILTIN = asset_path("routines")

HEAD = 'name = { en = "Test", uk = "Тест" }\ndescription = { en = "A test", uk = "Перевірка" }\n'


def _step(
    zone: str = '"heel"',
    foot: str = '"left"',
    duration: str = "10",
    instruction: str = '{ en = "Rub", uk = "Розтирайте" }',
) -> str:
    return f"[[steps]]\nzone = {zone}\nfoot = {foot}\nduration = {duration}\ninstruction = {instruction}\n"


def test_builtin_routines_load_and_match_the_article() -> None:
    routines, notices = load_routines([BUILTIN])
    assert notices == []
    by_id = {r.id: r for r in routines}
    assert set(by_id) == {"finger-self-massage", "massage-ball", "acupressure-tour"}
    finger = by_id["finger-self-massage"]
    assert [s.zones[0] for s in finger.steps] == [
        "top",
        "arch",
        "metatarsus",
        "heel",
        "achilles",
        "toes",
        "ankle",
        "ankle",
    ]
    assert [s.foot for s in finger.sequence()][7:9] == ["right", "left"]  # one foot, then the other
    assert finger.total_seconds == 180  # the three-minute routine
    ball = by_id["massage-ball"]
    assert any("tennis ball" in n("en") for n in ball.needs)
    assert {"people with flat feet", "a heel spur"} <= {i("en") for i in ball.indications}
    assert any("allergy" in c("en") for c in ball.contraindications)
    assert ball.has_until_done
    tour = by_id["acupressure-tour"]
    assert [s.zones for s in tour.steps[:5]] == [("toes",), ("metatarsus",), ("arch",), ("heel",), ("medial-edge",)]
    assert "back of your hand" in tour.steps[-1].instruction("en")


BAD = {
    "unknown-zone": (HEAD + _step() + _step(zone='"elbow"'), "step 2, field zone: 'elbow' is not a zone"),
    "zero-duration": (HEAD + _step(duration="0"), "step 1, field duration: must be more than 0 seconds"),
    "negative-duration": (HEAD + _step(duration="-5"), "step 1, field duration: must be more than 0 seconds"),
    "absurd-duration": (HEAD + _step(duration="1e12"), "step 1, field duration: 1e+12 seconds is too long"),
    "nan-duration": (HEAD + _step(duration="nan"), "step 1, field duration: is not a number of seconds"),
    "text-duration": (HEAD + _step(duration='"ten"'), "step 1, field duration: 'ten' is neither"),
    "bool-duration": (HEAD + _step(duration="true"), "step 1, field duration: expected"),
    "bad-foot": (HEAD + _step(foot='"middle"'), "step 1, field foot: 'middle' is not one of"),
    "missing-instruction-uk": (
        HEAD + _step(instruction='{ en = "Rub" }'),
        "step 1, field instruction: missing field uk",
    ),
    "missing-name": ('description = { en = "a", uk = "б" }\n' + _step(), "missing field name"),
    "name-wrong-type": ('name = 5\ndescription = { en = "a", uk = "б" }\n' + _step(), "field name: expected"),
    "no-steps": (HEAD, "missing field steps"),
    "empty-steps": (HEAD + "steps = []\n", "field steps: a routine needs at least one step"),
    "bad-toml": (HEAD + "[[steps]\nzone = 1", "not valid TOML"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_bad_file_gets_one_sentence_naming_file_step_and_field(case: str, tmp_path: Path) -> None:
    text, expected = BAD[case]
    path = tmp_path / f"{case}.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RoutineError) as info:
        load_routine(path)
    message = str(info.value)
    assert message.startswith(f"{case}.toml: "), message
    assert expected in message, message
    assert "\n" not in message
    assert isinstance(info.value, ValueError)


def test_non_utf8_and_binary_junk(tmp_path: Path) -> None:
    latin = tmp_path / "latin1.toml"
    latin.write_bytes(HEAD.encode() + _step(instruction='{ en = "Rub", uk = "\xe9" }').encode("latin-1"))
    with pytest.raises(RoutineError, match=r"latin1.toml: line \d+ is not UTF-8"):
        load_routine(latin)
    junk = tmp_path / "junk.toml"
    junk.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(RoutineError, match="junk.toml: "):
        load_routine(junk)


def test_too_large_a_file_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "million.toml"
    big.write_text(HEAD + _step() * 20_000, encoding="utf-8")
    with pytest.raises(RoutineError, match="million.toml: the file is .* bytes; the limit is"):
        load_routine(big)


def test_bad_files_are_skipped_with_a_notice_and_the_rest_load(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "mine.toml").write_text(HEAD + _step(zone='["heel", "arch"]', duration='"until-done"'), encoding="utf-8")
    (user / "broken.toml").write_text(HEAD + _step(duration="-1"), encoding="utf-8")
    (user / "notes.txt").write_text("not a routine", encoding="utf-8")
    routines, notices = load_routines([BUILTIN, user, tmp_path / "missing"])
    assert {r.id for r in routines} == {"finger-self-massage", "massage-ball", "acupressure-tour", "mine"}
    assert notices == ["broken.toml: step 1, field duration: must be more than 0 seconds (it is -1)."]
    mine = next(r for r in routines if r.id == "mine")
    assert mine.steps[0].zones == ("heel", "arch") and mine.steps[0].seconds is None


def test_a_user_routine_can_replace_a_builtin_of_the_same_name(tmp_path: Path) -> None:
    (tmp_path / "massage-ball.toml").write_text(HEAD + _step(), encoding="utf-8")
    routines, _ = load_routines([BUILTIN, tmp_path])
    ball = next(r for r in routines if r.id == "massage-ball")
    assert ball.name("en") == "Test"
    assert (BUILTIN / "massage-ball.toml").read_text(encoding="utf-8").startswith("#")  # untouched


def test_user_folder_and_routines_option_feed_the_routines_tab(tmp_path: Path, user_dirs: Path) -> None:
    from reflexmap.app.files import routine_folders

    data_folder = routine_folders()[1]
    data_folder.mkdir(parents=True)
    (data_folder / "salon.toml").write_text(HEAD.replace("Test", "Salon special") + _step(), encoding="utf-8")
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "bad.toml").write_text(HEAD + _step(zone='"knee"'), encoding="utf-8")
    code = (
        "from reflexmap.app.build import create_window;"
        f"w = create_window(['--routines', {str(extra)!r}]).window;"
        "t = w.routines; w.show(); w.show_routines();"
        "from PySide6.QtWidgets import QApplication, QListWidget; QApplication.processEvents();"
        "names = t.findChild(QListWidget, 'routineList');"
        "print([names.item(i).text() for i in range(names.count())]);"
        "print(t.choose_page.notice.isVisibleTo(t), t.choose_page.notice.text())"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "Salon special" in result.stdout
    assert "True" in result.stdout and "bad.toml: step 1, field zone: 'knee'" in result.stdout


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_raise_nothing_but_routine_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.toml"
    path.write_bytes(data)
    try:
        load_routine(path)
    except RoutineError:
        pass


toml_scalars = st.one_of(
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=12),
    st.sampled_from(list(ZONES) + ["until-done", "left", "right", "both", "none"]),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(["en", "uk", "zone", "foot", "duration", "instruction", "name", "steps"]), inner, max_size=4
        ),
    ),
    max_leaves=12,
)


def _to_toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return (
            "nan"
            if math.isnan(value)
            else ("inf" if value == float("inf") else "-inf" if value == float("-inf") else repr(value))
        )
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_to_toml(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{k} = {_to_toml(v)}" for k, v in value.items()) + "}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=toml_values,
    description=toml_values,
    steps=st.lists(
        st.dictionaries(st.sampled_from(["zone", "foot", "duration", "instruction"]), toml_values), max_size=4
    ),
)
def test_arbitrary_routine_shaped_toml_raises_nothing_but_routine_error(
    tmp_path: Path, name: object, description: object, steps: list[dict[str, object]]
) -> None:
    text = f"name = {_to_toml(name)}\ndescription = {_to_toml(description)}\n"
    text += "".join("[[steps]]\n" + "".join(f"{k} = {_to_toml(v)}\n" for k, v in step.items()) for step in steps)
    path = tmp_path / "shaped.toml"
    path.write_text(text, encoding="utf-8")
    try:
        routine = load_routine(path)
    except RoutineError as e:
        assert str(e).startswith("shaped.toml: ")
    else:
        assert routine.steps and all(s.zones for s in routine.steps)
