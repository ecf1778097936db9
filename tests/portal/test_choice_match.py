"""The Choice parser's letter-by-letter match is the JSON Schema pattern's (``re``)."""

from __future__ import annotations

import enum
import random
import re

import pytest

from aneel_rules._portal.fields import Choice, _caseless_fullmatch, caseless_pattern
from aneel_rules._tariffs.posts import TariffPost
from aneel_rules._tariffs.units import ConsumerClass, Subgroup


class _Odd(enum.Enum):
    TITLE = "ǅx"  # a titlecase letter: its class is [ǆǄ], without itself
    SHARP = "straße"  # "ß".upper() is two letters: a literal
    SYNTAX = "a.b(c)|d"
    DOTTED_I = "İi"
    BLANK_INSIDE = "fora de ponta"


_ALPHABET = " \t\n\rxXaAbB.()|dDǅǆǄßSsİi̇ -ãÃçÇéÉ"


def _texts(options: list[str]) -> list[str]:
    rng = random.Random(7)  # noqa: S311 (test data)
    texts = ["", " ", "\n", *options]
    for option in options:
        for _ in range(150):
            chars = list(option)
            for index in range(len(chars)):
                if rng.random() < 0.2:
                    chars[index] = rng.choice(_ALPHABET)
            core = "".join(chars)
            core = core.swapcase() if rng.random() < 0.3 else core
            texts.append(
                rng.choice(["", " ", "\t", " \n", "\r\n "])
                + core
                + rng.choice(["", " ", "\n", " \t"])
            )
    texts.extend(
        "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 8))) for _ in range(500)
    )
    return texts


@pytest.mark.parametrize("enum_cls", [_Odd, TariffPost, ConsumerClass, Subgroup])
def test_letter_by_letter_is_the_pattern(enum_cls: type[enum.Enum]) -> None:
    options = [str(m.value) for m in enum_cls]
    pattern = Choice(enum_cls).pattern
    for text in _texts(options):
        expected = re.fullmatch(pattern, text) is not None
        found = any(_caseless_fullmatch(text, option) for option in options)
        assert found == expected, (text, pattern)


def test_one_option() -> None:
    assert re.fullmatch(caseless_pattern("ACR"), "acR")
    assert _caseless_fullmatch(" acR\n", "ACR")
    assert not _caseless_fullmatch("ac", "ACR")
    assert not _caseless_fullmatch("ǅX", "ǅx")
