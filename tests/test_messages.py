"""Messages for people: whatever a file puts in them, they stay one short, visible, honest sentence."""

from __future__ import annotations

import copy
import pickle

import pytest

from reflexmap.messages import MAX_MESSAGE, MAX_NAME, Message, shorten, visible

TEMPLATE = "{file}: field {field}: {value!r} is not a zone reflexmap knows."


@pytest.mark.parametrize(
    "hidden",
    [
        "\x1b[2K",
        "\r",
        "\x00",
        "\x7f",
        "\x85",
        "\x9b",
        "\u202e",
        "\u202a",
        "\u2066",
        "\u2069",
        "\u200e",
        "\u200f",
        "\u061c",
        "\u200b",
        "\ufeff",
        "\u2028",
        "\u00a0",
        "\U000e0041",
        "\udc80",
        "\u3164",
        "\ufe0f",
        "\t",
        "\n",
    ],
)
def test_control_bidi_and_invisible_characters_are_shown_as_escapes(hidden: str) -> None:
    message = Message(TEMPLATE, file=f"a{hidden}b.toml", field=f"zo{hidden}ne", value=f"he{hidden}el")
    assert hidden not in message
    assert message.isprintable(), repr(message)
    code = ord(hidden[0])
    escape = f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
    assert message.startswith(f"a{escape}{hidden[1:]}b.toml: field zo{escape}"), message


def test_a_carriage_return_cannot_rewrite_what_check_printed() -> None:
    message = Message("{file}: not valid TOML ({detail}).", file="x\rreflexmap check: no problems.toml", detail="oops")
    assert "\r" not in message and message.startswith("x\\u000dreflexmap check")


def test_a_long_name_is_shortened_in_the_middle() -> None:
    name = "a" * 5_000 + ".svg"
    message = Message("{file}: the file is not well-formed XML ({detail}).", file=name, detail="x" * 10_000)
    assert len(message) <= MAX_MESSAGE
    shown = message.split(":")[0]
    assert len(shown) == MAX_NAME and shown.endswith(".svg") and "\u2026" in shown


def test_the_whole_sentence_stays_within_300_characters() -> None:
    inner = Message("{file}: field {field}: {problem}.", file="c" * 200, field="f" * 200, problem="p" * 200)
    outer = Message("{problem} Showing the built-in feet instead.", problem=inner)
    assert len(inner) <= MAX_MESSAGE and len(outer) <= MAX_MESSAGE
    assert outer.endswith("Showing the built-in feet instead.")


def test_a_look_alike_letter_in_an_identifier_is_named() -> None:
    message = Message(TEMPLATE, file="routine.toml", field="steps[0].zone", value="t\u043ees")
    assert "'t\u043ees' (U+043E CYRILLIC SMALL LETTER O at position 2) is not a zone" in message
    plain = Message("{file}: zone {zone} is drawn in more than 5 pieces.", file="a.svg", zone="t\u043ees")
    assert "zone t\u043ees (U+043E CYRILLIC SMALL LETTER O at position 2) is drawn" in plain


def test_look_alikes_in_a_list_of_names_are_named_for_each_name() -> None:
    message = Message(
        "{file}: data-zone names not known to reflexmap are ignored: {names}.",
        file="a.svg",
        names="heel, t\u043ees, \u0430rch",
    )
    assert (
        "heel, t\u043ees (U+043E CYRILLIC SMALL LETTER O at position 2), \u0430rch (U+0430 CYRILLIC SMALL LETTER A "
        "at position 1)." in message
    )


def test_plain_text_and_numbers_are_left_alone() -> None:
    message = Message(
        "{file}: the file is {size:,} bytes; the limit is {limit:,}.", file="вечір.toml", size=10**6, limit=262_144
    )
    assert message == "вечір.toml: the file is 1,000,000 bytes; the limit is 262,144."


def test_the_template_and_safe_values_are_kept_for_translation() -> None:
    message = Message(TEMPLATE, file="a\x1bb.toml", field="zone", value="x" * 1000)
    assert message.template == TEMPLATE
    assert message.template.format(**message.params) == message  # what the window's translation fills in
    assert "\x1b" not in "".join(map(str, message.params.values()))


def test_copies_and_pickles_of_a_message_stay_the_same() -> None:
    message = Message(TEMPLATE, file="a\u202eb.toml", field="zone", value="t\u043ees")
    for other in (copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert other == message and other.template == message.template


def test_visible_and_shorten() -> None:
    assert visible("plain text") == "plain text"
    assert visible("Зона \u00e9") == "Зона \u00e9"
    assert visible("a\u202eb") == "a\\u202eb"
    assert shorten("abc", 5) == "abc"
    assert shorten("abcdefghij", 5) == "ab\u2026ij"
