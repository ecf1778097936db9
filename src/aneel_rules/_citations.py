"""Citation building blocks (dispositivos citados): acts, pinpoint references, distributor rules.

Private: import the public names from :mod:`aneel_rules.legal`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable
from typing import Any, Final, Generic, TypeVar

import attrs

from aneel_rules._convert import masked
from aneel_rules.errors import InvalidInputError

__all__ = (
    "AmendmentKind",
    "Basis",
    "Determination",
    "DistributorRule",
    "LegalRef",
    "Norm",
    "check_bases",
    "cite",
    "ren414",
    "ren1000",
    "to_bases",
)

T = TypeVar("T")


class Norm(enum.Enum):
    """Legal act cited by the library (ato normativo); the value is its usual short name."""

    # ANEEL normative resolutions (Resoluções Normativas)
    REN_414_2010 = "REN 414/2010"
    REN_418_2010 = "REN 418/2010"
    REN_479_2012 = "REN 479/2012"
    REN_547_2013 = "REN 547/2013"
    REN_626_2014 = "REN 626/2014"
    REN_733_2016 = "REN 733/2016"
    REN_1000_2021 = "REN 1.000/2021"
    REN_1057_2023 = "REN 1.057/2023"
    REN_1059_2023 = "REN 1.059/2023"
    REN_1095_2024 = "REN 1.095/2024"
    REN_1098_2024 = "REN 1.098/2024"
    REN_1101_2024 = "REN 1.101/2024"
    REN_1147_2025 = "REN 1.147/2025"
    # ANEEL orders (Despachos)
    DSP_18_2019 = "Despacho ANEEL 18/2019"
    DSP_2006_2024 = "Despacho ANEEL 2.006/2024"
    DSP_1731_2025 = "Despacho ANEEL 1.731/2025"
    # Federal laws, provisional measures and decrees
    LEI_1348_1951 = "Lei 1.348/1951"
    LEI_6802_1980 = "Lei 6.802/1980"
    LC_95_1998 = "Lei Complementar 95/1998"
    LEI_10438_2002 = "Lei 10.438/2002"
    LEI_10607_2002 = "Lei 10.607/2002"
    LEI_12212_2010 = "Lei 12.212/2010"
    LEI_12876_2013 = "Lei 12.876/2013"
    LEI_13709_2018 = "Lei 13.709/2018"
    LEI_14195_2021 = "Lei 14.195/2021"
    LEI_14300_2022 = "Lei 14.300/2022"
    LEI_14759_2023 = "Lei 14.759/2023"
    LEI_15235_2025 = "Lei 15.235/2025"
    MP_1300_2025 = "Medida Provisória 1.300/2025"
    DEC_6219_2007 = "Decreto 6.219/2007"
    # Technical standards
    ABNT_NBR_5891 = "ABNT NBR 5891"

    def __str__(self) -> str:
        return self.value

    @property
    def by(self) -> str:
        """``"pela REN 1.101/2024"`` / ``"pelo Despacho ANEEL 2.006/2024"`` (grammatical gender)."""
        masculine = self.value.startswith(("Despacho", "Decreto"))
        return f"{'pelo' if masculine else 'pela'} {self.value}"


class AmendmentKind(enum.Enum):
    """How an amending act touched a provision (nota de alteração in the compiled text)."""

    WORDING = "redação dada"
    INSERTED = "incluído"
    SUSPENDED = "suspenso"
    SEE = "vide"
    """The compiled text's "Vide:" note: an act that applies to the provision without
    rewriting it (REN 1.000/2021, art. 291, III: "Vide: Despacho 1.731/2025")."""


_ROMAN = re.compile(r"^(?=[IVXLC])C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ARTICLE = re.compile(r"^[1-9]\d*(-[A-Z])?$")
_ALINEA = re.compile(r"^[a-z]{1,2}$")
_SOLE_PARAGRAPH: Final = "único"
_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _article_converter(value: int | str) -> str:
    return str(value)


def _ordinal(number: str) -> str:
    """Brazilian legal drafting: ordinal up to the ninth (1º … 9º), cardinal from 10 on."""
    head, _, suffix = number.partition("-")
    text = f"{head}º" if int(head) < 10 else head  # LC 95/1998, art. 10, I
    return f"{text}-{suffix}" if suffix else text


def _check_article(_inst: object, _attr: object, value: str) -> None:
    if not _ARTICLE.match(value):
        raise InvalidInputError.single(
            "article",
            "invalid_article",
            "article {value} is not an article number",
            value=repr(value),
        )


def _check_paragraph(_inst: object, _attr: object, value: int | str | None) -> None:
    if value is None or value == _SOLE_PARAGRAPH:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InvalidInputError.single(
            "paragraph",
            "invalid_paragraph",
            "paragraph {value} must be a positive int or 'único'",
            value=repr(value),
        )


_NOT_A_KIND: Final = "{path} must be a {expected}, got {value}"
_NOT_TEXT: Final = "{path} must be non-empty text, got {value}"


def _kind_check(expected: type[enum.Enum], code: str, *, optional: bool = False) -> _Validator:
    """Validator: a member of ``expected`` (or ``None`` when ``optional``), else the input error."""

    def check(_inst: object, attribute: attrs.Attribute[object], value: object) -> None:
        if (optional and value is None) or isinstance(value, expected):
            return
        raise InvalidInputError.single(
            attribute.name,
            code,
            _NOT_A_KIND,
            path=attribute.name,
            expected=expected.__name__,
            value=masked(value),
        )

    return check


def _text_check(*, optional: bool = False) -> _Validator:
    """Validator: non-empty text (or ``None`` when ``optional``), else the input error."""

    def check(_inst: object, attribute: attrs.Attribute[object], value: object) -> None:
        if (optional and value is None) or (isinstance(value, str) and value.strip()):
            return
        raise InvalidInputError.single(
            attribute.name, "not_text", _NOT_TEXT, path=attribute.name, value=masked(value)
        )

    return check


def _check_item(_inst: object, _attr: object, value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not _ROMAN.match(value)):
        raise InvalidInputError.single(
            "item", "invalid_item", "inciso {value} is not a Roman numeral", value=repr(value)
        )


def _check_subitem(_inst: object, _attr: object, value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not _ALINEA.match(value)):
        raise InvalidInputError.single(
            "subitem",
            "invalid_subitem",
            "alínea {value} is not a lower-case letter",
            value=repr(value),
        )


@attrs.frozen(kw_only=True, repr=False)
class LegalRef:
    """Pinpoint citation of a legal provision (dispositivo legal).

    Attributes:
        norm: The act cited.
        article: Article number as printed (``"260"``, ``"659-A"``); ints are accepted.
        paragraph: ``§`` number, ``"único"`` for the parágrafo único, or ``None`` for the caput.
        item: Inciso as a Roman numeral (``"II"``).
        subitem: Alínea (``"a"``).
        amended_by: Act that gave the provision the wording applied (or inserted or suspended
            it, per ``amendment_kind``), if any.
        amendment_kind: What ``amended_by`` did; the compiled text's "Redação dada pela",
            "Incluído pela" or a suspension.

    Examples:
        >>> str(LegalRef(norm=Norm.REN_1000_2021, article=260, paragraph=1))
        'REN 1.000/2021, art. 260, § 1º'
        >>> str(ren1000(323, paragraph=10))
        'REN 1.000/2021, art. 323, § 10'
        >>> str(ren1000(657, paragraph="único"))
        'REN 1.000/2021, art. 657, parágrafo único'
        >>> str(ren1000("659-A"))
        'REN 1.000/2021, art. 659-A'
        >>> ren1000(285, item="II")
        LegalRef('REN 1.000/2021, art. 285, II')
        >>> str(ren1000("659-A", amended_by=Norm.REN_1095_2024,
        ...             amendment_kind=AmendmentKind.INSERTED))
        'REN 1.000/2021, art. 659-A (incluído pela REN 1.095/2024)'
        >>> str(ren1000(323, item="II", amended_by=Norm.DSP_2006_2024,
        ...             amendment_kind=AmendmentKind.SUSPENDED))
        'REN 1.000/2021, art. 323, II (suspenso pelo Despacho ANEEL 2.006/2024)'
        >>> str(ren1000(291, item="III", amended_by=Norm.DSP_1731_2025,
        ...             amendment_kind=AmendmentKind.SEE))
        'REN 1.000/2021, art. 291, III (vide Despacho ANEEL 1.731/2025)'
    """

    norm: Norm = attrs.field(validator=_kind_check(Norm, "not_a_norm"))
    article: str = attrs.field(converter=_article_converter, validator=_check_article)
    paragraph: int | str | None = attrs.field(default=None, validator=_check_paragraph)
    item: str | None = attrs.field(default=None, validator=_check_item)
    subitem: str | None = attrs.field(default=None, validator=_check_subitem)
    amended_by: Norm | None = attrs.field(
        default=None, validator=_kind_check(Norm, "not_a_norm", optional=True)
    )
    amendment_kind: AmendmentKind = attrs.field(
        default=AmendmentKind.WORDING, validator=_kind_check(AmendmentKind, "not_an_amendment_kind")
    )

    def __str__(self) -> str:
        parts = [self.norm.value, f"art. {_ordinal(self.article)}"]
        if self.paragraph == _SOLE_PARAGRAPH:
            parts.append("parágrafo único")
        elif self.paragraph is not None:
            parts.append(f"§ {_ordinal(str(self.paragraph))}")
        if self.item is not None:
            parts.append(self.item)
        if self.subitem is not None:
            parts.append(f'"{self.subitem}"')
        text = ", ".join(parts)
        if self.amended_by is not None and self.amendment_kind is AmendmentKind.SEE:
            text += f" (vide {self.amended_by.value})"
        elif self.amended_by is not None:
            text += f" ({self.amendment_kind.value} {self.amended_by.by})"
        return text

    def __repr__(self) -> str:
        return f"LegalRef({str(self)!r})"


@attrs.frozen(kw_only=True, repr=False)
class DistributorRule:
    """A distributor's own rule (norma técnica or portal rule) — not an ANEEL provision.

    Examples:
        >>> str(DistributorRule(distributor="Amazonas Energia",
        ...                     document="Manual da Agência Virtual", section="4.5"))
        'Amazonas Energia, Manual da Agência Virtual, item 4.5 (regra da distribuidora)'
    """

    distributor: str = attrs.field(validator=_text_check())
    document: str = attrs.field(validator=_text_check())
    section: str | None = attrs.field(default=None, validator=_text_check(optional=True))

    def __str__(self) -> str:
        text = f"{self.distributor}, {self.document}"
        if self.section:
            text += f", item {self.section}"
        return text + " (regra da distribuidora)"

    def __repr__(self) -> str:
        return f"DistributorRule({str(self)!r})"


Basis = LegalRef | DistributorRule
"""Anything a rule may cite as its basis."""


def to_bases(value: object) -> tuple[Basis, ...]:
    """A result's ``basis`` as a tuple: one reference is accepted for a tuple of one.

    Typed ``object`` so that the generated ``__init__`` annotations resolve in any module;
    :func:`check_bases` refuses anything that is not a non-empty tuple of references.
    """
    if isinstance(value, Iterable) and not isinstance(value, str | bytes):
        try:
            return tuple(value)
        except TypeError:  # iterable by type, not by value (a 0-d numpy array)
            pass
    return (value,)  # type: ignore[return-value]  # check_bases names a bad item


def check_bases(_inst: object, _attr: object, value: tuple[object, ...]) -> None:
    """Validator of every ``basis`` field: a non-empty tuple of references (one shape)."""
    if not value or not all(isinstance(ref, LegalRef | DistributorRule) for ref in value):
        raise InvalidInputError.single(
            "basis",
            "invalid_basis",
            "basis must be a non-empty tuple of LegalRef or DistributorRule, got {value}",
            value=masked(value),
        )


def cite(basis: Iterable[Basis]) -> str:
    """A result's ``basis`` as one line of text: the references joined by ``"; "``.

    Examples:
        >>> cite((ren1000(323, item="II"), ren1000(656, paragraph=2)))
        'REN 1.000/2021, art. 323, II; REN 1.000/2021, art. 656, § 2º'
    """
    refs = to_bases(basis)
    if refs:  # an empty basis is an empty line; anything else must be references
        check_bases(None, None, refs)
    return "; ".join(map(str, refs))


@attrs.frozen
class Determination(Generic[T]):
    """A computed value together with the provisions that produced it."""

    value: T
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


def ren1000(
    article: int | str,
    *,
    paragraph: int | str | None = None,
    item: str | None = None,
    subitem: str | None = None,
    amended_by: Norm | None = None,
    amendment_kind: AmendmentKind = AmendmentKind.WORDING,
) -> LegalRef:
    """Cite REN 1.000/2021 (shorthand for :class:`LegalRef`)."""
    return LegalRef(
        norm=Norm.REN_1000_2021,
        article=article,
        paragraph=paragraph,
        item=item,
        subitem=subitem,
        amended_by=amended_by,
        amendment_kind=amendment_kind,
    )


def ren414(
    article: int | str,
    *,
    paragraph: int | str | None = None,
    item: str | None = None,
    subitem: str | None = None,
    amended_by: Norm | None = None,
    amendment_kind: AmendmentKind = AmendmentKind.WORDING,
) -> LegalRef:
    """Cite REN 414/2010 (shorthand for :class:`LegalRef`).

    Article numbers of REN 414/2010 follow the project's 2013 study note
    (``shared/seeds/004_…txt``), i.e. the numbering of the text as amended up to 2013.
    """
    return LegalRef(
        norm=Norm.REN_414_2010,
        article=article,
        paragraph=paragraph,
        item=item,
        subitem=subitem,
        amended_by=amended_by,
        amendment_kind=amendment_kind,
    )
