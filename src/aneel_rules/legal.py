"""Legal citations (fundamentação legal): norms, pinpoint references and the regime in force.

Every rule of the library answers with the legal basis that produced it. A
:class:`LegalRef` pinpoints a provision of an act (article, paragraph, inciso,
alínea, and the amending act where the wording was changed); a
:class:`DistributorRule` cites a rule that is a distributor's own (its
technical standard or portal manual), never to be mistaken for ANEEL's.

Sources:
    - REN 1.000/2021, art. 679 (entry into force on 3 Jan 2022) and art. 677, VI
      (revocation of REN 414/2010): ``shared/sources/ren1000_compilado.txt``.

Examples:
    >>> from datetime import date
    >>> norm_in_force(date(2022, 1, 2))
    <Norm.REN_414_2010: 'REN 414/2010'>
    >>> norm_in_force(date(2022, 1, 3))
    <Norm.REN_1000_2021: 'REN 1.000/2021'>
    >>> str(ren1000(220, item="II"))
    'REN 1.000/2021, art. 220, II'
    >>> str(ren1000(2, item="XXXVIII", subitem="a", amended_by=Norm.REN_1101_2024))
    'REN 1.000/2021, art. 2º, XXXVIII, "a" (redação dada pela REN 1.101/2024)'
"""

from __future__ import annotations

import enum
import re
from datetime import date, datetime
from typing import Final, Generic, TypeVar

import attrs

from aneel_rules._convert import quoted
from aneel_rules.errors import InvalidInputError, NotInForceError

__all__ = (
    "NORMS",
    "AmendmentKind",
    "Basis",
    "Determination",
    "DistributorRule",
    "LegalRef",
    "Norm",
    "NormInfo",
    "REN414_IN_FORCE_FROM",
    "REN1000_IN_FORCE_FROM",
    "norm_in_force",
    "ren414",
    "ren1000",
)

T = TypeVar("T")


class Norm(enum.Enum):
    """Legal act cited by the library (ato normativo); the value is its usual short name."""

    # ANEEL normative resolutions (Resoluções Normativas)
    REN_414_2010 = "REN 414/2010"
    REN_479_2012 = "REN 479/2012"
    REN_733_2016 = "REN 733/2016"
    REN_1000_2021 = "REN 1.000/2021"
    REN_1057_2023 = "REN 1.057/2023"
    REN_1059_2023 = "REN 1.059/2023"
    REN_1095_2024 = "REN 1.095/2024"
    REN_1098_2024 = "REN 1.098/2024"
    REN_1101_2024 = "REN 1.101/2024"
    REN_1147_2025 = "REN 1.147/2025"
    # ANEEL orders (Despachos)
    DSP_2006_2024 = "Despacho ANEEL 2.006/2024"
    DSP_1731_2025 = "Despacho ANEEL 1.731/2025"
    # Federal laws and decrees
    LEI_6802_1980 = "Lei 6.802/1980"
    LEI_10438_2002 = "Lei 10.438/2002"
    LEI_10607_2002 = "Lei 10.607/2002"
    LEI_12876_2013 = "Lei 12.876/2013"
    LEI_14759_2023 = "Lei 14.759/2023"
    LEI_15235_2025 = "Lei 15.235/2025"
    # Technical standards
    ABNT_NBR_5891 = "ABNT NBR 5891"

    def __str__(self) -> str:
        return self.value

    @property
    def by(self) -> str:
        """``"pela REN 1.101/2024"`` / ``"pelo Despacho ANEEL 2.006/2024"`` (grammatical gender)."""
        masculine = self.value.startswith("Despacho")
        return f"{'pelo' if masculine else 'pela'} {self.value}"


class AmendmentKind(enum.Enum):
    """How an amending act touched a provision (nota de alteração in the compiled text)."""

    WORDING = "redação dada"
    INSERTED = "incluído"
    SUSPENDED = "suspenso"


@attrs.frozen(kw_only=True)
class NormInfo:
    """Dates of a regime-defining norm: signature, entry into force and revocation.

    Attributes:
        norm: The act.
        signed_on: Date of the act.
        in_force_from: First day in force (inclusive).
        revoked_from: First day no longer in force, or ``None``.
        basis: Provision that fixes ``in_force_from``; ``None`` where we could not read it.
        note: How sure we are of the dates and why.
    """

    norm: Norm
    signed_on: date
    in_force_from: date
    revoked_from: date | None
    basis: LegalRef | None
    note: str = ""


_ROMAN = re.compile(r"^(?=[IVXLC])C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ARTICLE = re.compile(r"^[1-9]\d*(-[A-Z])?$")
_ALINEA = re.compile(r"^[a-z]{1,2}$")
_SOLE_PARAGRAPH: Final = "único"


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


def _check_item(_inst: object, _attr: object, value: str | None) -> None:
    if value is not None and not _ROMAN.match(value):
        raise InvalidInputError.single(
            "item", "invalid_item", "inciso {value} is not a Roman numeral", value=repr(value)
        )


def _check_subitem(_inst: object, _attr: object, value: str | None) -> None:
    if value is not None and not _ALINEA.match(value):
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
    """

    norm: Norm = attrs.field(validator=attrs.validators.instance_of(Norm))
    article: str = attrs.field(converter=_article_converter, validator=_check_article)
    paragraph: int | str | None = attrs.field(default=None, validator=_check_paragraph)
    item: str | None = attrs.field(default=None, validator=_check_item)
    subitem: str | None = attrs.field(default=None, validator=_check_subitem)
    amended_by: Norm | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Norm))
    )
    amendment_kind: AmendmentKind = attrs.field(
        default=AmendmentKind.WORDING, validator=attrs.validators.instance_of(AmendmentKind)
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
        if self.amended_by is not None:
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

    distributor: str = attrs.field(validator=attrs.validators.min_len(1))
    document: str = attrs.field(validator=attrs.validators.min_len(1))
    section: str | None = None

    def __str__(self) -> str:
        text = f"{self.distributor}, {self.document}"
        if self.section:
            text += f", item {self.section}"
        return text + " (regra da distribuidora)"

    def __repr__(self) -> str:
        return f"DistributorRule({str(self)!r})"


Basis = LegalRef | DistributorRule
"""Anything a rule may cite as its basis."""


@attrs.frozen
class Determination(Generic[T]):
    """A computed value together with the provisions that produced it."""

    value: T
    basis: tuple[Basis, ...]


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


NORMS: Final[dict[Norm, NormInfo]] = {
    Norm.REN_414_2010: NormInfo(
        norm=Norm.REN_414_2010,
        signed_on=date(2010, 9, 9),
        in_force_from=date(2010, 9, 15),
        revoked_from=date(2022, 1, 3),
        basis=None,
        note=(
            "In force from its publication in the DOU of 15 Sep 2010 (secondary sources; the "
            "article fixing it could not be read in a stored copy: UNVERIFIED). "
            "Revoked by REN 1.000/2021, art. 677, VI, effective with REN 1.000/2021 "
            "on 3 Jan 2022 (art. 679)."
        ),
    ),
    Norm.REN_1000_2021: NormInfo(
        norm=Norm.REN_1000_2021,
        signed_on=date(2021, 12, 7),
        in_force_from=date(2022, 1, 3),
        revoked_from=None,
        basis=ren1000(679),
        note="Art. 679: 'Esta Resolução entra em vigor em 3 de janeiro de 2022.'",
    ),
}
"""Dates of the two regimes (REN 414/2010 → REN 1.000/2021)."""

REN414_IN_FORCE_FROM: Final[date] = NORMS[Norm.REN_414_2010].in_force_from
"""First day of REN 414/2010 (2010-09-15); the first period of every REN 414 timeline."""

REN1000_IN_FORCE_FROM: Final[date] = NORMS[Norm.REN_1000_2021].in_force_from
"""First day of REN 1.000/2021 (2022-01-03, art. 679); where REN 414 periods end."""


def norm_in_force(on: date) -> Norm:
    """Regime (norma vigente) governing distribution service on a date.

    Args:
        on: The date asked about.

    Returns:
        ``Norm.REN_1000_2021`` from 3 Jan 2022 (REN 1.000/2021, art. 679),
        ``Norm.REN_414_2010`` before that.

    Raises:
        NotInForceError: ``on`` is before REN 414/2010 came into force.
        InvalidInputError: ``on`` is not a date.

    Legal basis:
        - REN 1.000/2021, art. 679 (in force 3 Jan 2022) and art. 677, VI (revokes REN 414/2010).

    Examples:
        >>> norm_in_force(date(2015, 6, 1)).value
        'REN 414/2010'
        >>> norm_in_force(date(2010, 1, 1))
        Traceback (most recent call last):
        ...
        aneel_rules.errors.NotInForceError: no regime in force on 2010-01-01: ...
    """
    # A datetime is a date subclass but cannot be compared with one: refused, not a TypeError.
    if isinstance(on, datetime) or not isinstance(on, date):
        raise InvalidInputError.single(
            "on", "not_a_date", "on must be a date, got {value}", value=quoted(on)
        )
    ren1000_info = NORMS[Norm.REN_1000_2021]
    ren414_info = NORMS[Norm.REN_414_2010]
    # REN 1.000/2021, art. 679
    if on >= ren1000_info.in_force_from:
        return Norm.REN_1000_2021
    if on >= ren414_info.in_force_from:
        return Norm.REN_414_2010
    raise NotInForceError(
        f"no regime in force on {on.isoformat()}: REN 414/2010 applies from "
        f"{ren414_info.in_force_from.isoformat()}",
        on=on,
    )
