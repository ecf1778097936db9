"""Legal citations (fundamentação legal): norms, pinpoint references and the regime in force.

Every rule of the library answers with the legal basis that produced it. A
:class:`LegalRef` pinpoints a provision of an act (article, paragraph, inciso,
alínea, and the amending act where the wording was changed); a
:class:`DistributorRule` cites a rule that is a distributor's own (its
technical standard or portal manual), never to be mistaken for ANEEL's.

:data:`NORMS` dates every act the library cites (signed, published in the DOU, in force) and
says where each date was read. A rule that changes with an act switches on
:func:`in_force_from` — the day the act took effect, usually its DOU publication, never its
signature — and on nothing else.

Sources:
    - REN 1.000/2021, art. 679 (entry into force on 3 Jan 2022) and art. 677, VI
      (revocation of REN 414/2010): ``shared/sources/ren1000_compilado.txt``.
    - The amending acts' notes of the compiled text (``Redação dada pela REN ANEEL 1.059, de
      07.02.2023``) for the dates of the acts; each entry of :data:`NORMS` names its source.

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
    >>> NORMS[Norm.REN_1059_2023].signed_on, in_force_from(Norm.REN_1059_2023)
    (datetime.date(2023, 2, 7), datetime.date(2023, 2, 10))
"""

from __future__ import annotations

from datetime import date
from typing import Final

import attrs

from aneel_rules._citations import (
    AmendmentKind,
    Basis,
    Determination,
    DistributorRule,
    LegalRef,
    Norm,
    check_bases,
    cite,
    ren414,
    ren1000,
    to_bases,
)
from aneel_rules._convert import plain_date
from aneel_rules.errors import NotInForceError

__all__ = (
    "LAST_VERIFIED",
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
    "check_bases",
    "cite",
    "in_force_from",
    "norm_in_force",
    "ren414",
    "ren1000",
    "to_bases",
)

LAST_VERIFIED: Final = date(2026, 11, 23)
"""Day the dates of :data:`NORMS` and of every timeline were last checked against the sources."""


@attrs.frozen(kw_only=True)
class NormInfo:
    """Dates of an act (vigência de norma): signature, DOU publication, entry into force.

    Attributes:
        norm: The act.
        signed_on: Date of the act (the date in its name), or ``None`` where not read.
        published_on: Date of its publication in the Diário Oficial da União, or ``None``
            where no source read gives it.
        in_force_from: First day the library applies it (inclusive): its entry into force,
            which is its publication unless the act says otherwise. ``None`` where unknown and
            no rule of the library switches on it. Where the publication is unknown but a rule
            switches on the act, the fallback is stated in ``note``.
        revoked_from: First day no longer in force, or ``None``.
        basis: Provision that fixes ``in_force_from``; ``None`` where we could not read it.
        source: Where the dates were read.
        note: How sure we are of the dates, and the fallback used.
    """

    norm: Norm
    signed_on: date | None
    published_on: date | None
    in_force_from: date | None
    revoked_from: date | None = None
    basis: LegalRef | None = None
    source: str
    note: str = ""


_COMPILED: Final = "amending-act notes of the REN 1.000/2021 compiled text (ren1000_compilado.txt)"
_NOT_SWITCHED: Final = "No rule of the library switches on its date."
_PUBLICATION_FALLBACK: Final = (
    "Its DOU publication was not found in any source read: the date of the act is used as the "
    "first day in force (the earliest day it can apply); publication can only be later."
)


def _info(
    norm: Norm,
    *,
    signed: date | None,
    published: date | None = None,
    in_force: date | None = None,
    revoked: date | None = None,
    basis: LegalRef | None = None,
    source: str,
    note: str = "",
) -> tuple[Norm, NormInfo]:
    return norm, NormInfo(
        norm=norm,
        signed_on=signed,
        published_on=published,
        in_force_from=in_force,
        revoked_from=revoked,
        basis=basis,
        source=source,
        note=note,
    )


NORMS: Final[dict[Norm, NormInfo]] = dict(
    (
        _info(
            Norm.REN_414_2010,
            signed=date(2010, 9, 9),
            published=date(2010, 9, 15),
            in_force=date(2010, 9, 15),
            revoked=date(2022, 1, 3),
            source="secondary copies of REN 414/2010; revocation: REN 1.000/2021, art. 677, VI",
            note=(
                "In force from its publication in the DOU of 15 Sep 2010 (secondary sources; the "
                "article fixing it could not be read in a stored copy: UNVERIFIED). Revoked by "
                "REN 1.000/2021, art. 677, VI, effective with REN 1.000/2021 on 3 Jan 2022 "
                "(art. 679)."
            ),
        ),
        _info(
            Norm.REN_418_2010,
            signed=date(2010, 11, 23),
            in_force=date(2010, 11, 23),
            revoked=date(2022, 1, 3),
            source=(
                "the act's first page (livrozilla.com/doc/1292408 and docplayer.com.br/5030350: "
                "'RESOLUÇÃO NORMATIVA Nº 418, DE 23 DE NOVEMBRO DE 2010. Retifica a Resolução "
                "Normativa ANEEL no 414, de 2010', with the list of provisions it rewrote); its "
                "notes 'Redação dada pela Resolução Normativa ANEEL nº 418, de 23.11.2010' in "
                "ANEEL's REN 414 booklet (1library.org, document y969mk4j)"
            ),
            note=_PUBLICATION_FALLBACK
            + " The library applies REN 414, arts. 95–96 (reactive excess) in its wording from "
            "this day and refuses reactive excess before it (the 2010 wording was not found).",
        ),
        _info(
            Norm.REN_479_2012,
            signed=date(2012, 4, 3),
            in_force=date(2012, 4, 3),
            source="REN 414/2010 compiled text, secondary copy (dossier S3)",
            note=_PUBLICATION_FALLBACK
            + " The library refuses REN 414, art. 113 cases before this wording.",
        ),
        # --- invoice rules under REN 414/2010 (tarifa social, bandeiras tarifárias) ---------
        _info(
            Norm.REN_547_2013,
            signed=date(2013, 4, 16),
            revoked=date(2022, 1, 3),
            source=(
                "REN 1.000/2021, art. 677, XXIII ('Resolução Normativa ANEEL nº 547, de 16 de "
                "abril de 2013', revoked); REN 626/2014's preamble (legisweb.com.br, id 275503)"
            ),
            note=(
                "Bandeiras tarifárias procedures under REN 414/2010. Its original art. 3 was not "
                "read: the library bills flags only in the wording REN 626/2014 gave art. 3. "
                + _NOT_SWITCHED
            ),
        ),
        _info(
            Norm.REN_626_2014,
            signed=date(2014, 9, 30),
            published=date(2014, 10, 6),
            in_force=date(2014, 10, 6),
            revoked=date(2022, 1, 3),
            source=(
                "the act's text (legisweb.com.br/legislacao/?id=275503, 'Publicado no DOU em 6 out "
                "2014'); date of the act also in REN 1.000/2021, art. 677, XXXI; the DOU date also "
                "in a press report (panorama-brasil.com/?p=572, 'publicada no Diário Oficial da "
                "União desta segunda (6)')"
            ),
            note=(
                "Its vigência article was not read; the DOU publication is the first day it can "
                "bind. It gave art. 3 of REN 547/2013 the wording the library applies to flags "
                "on REN 414/2010 bills (pro rata by the days of each flag)."
            ),
        ),
        _info(
            Norm.LEI_12212_2010,
            signed=date(2010, 1, 20),
            published=date(2010, 1, 21),
            in_force=date(2010, 1, 21),
            source=(
                "the law's text (dou.vlex.com.br and cpisp.org.br: 'LEI Nº 12.212, DE 20 DE "
                "JANEIRO DE 2010'); publication: press report of the sanction (tribunapr.com.br: "
                "sanctioned 'ontem', in force 'hoje, com sua publicação no Diário Oficial da "
                "União')"
            ),
            note=(
                "Publication date from one press report (MEDIUM); its vigência article was not "
                "read. The library applies its tarifa social tiers from REN 414/2010's start "
                "(15 Sep 2010), the first day it answers."
            ),
        ),
        _info(
            Norm.REN_733_2016,
            signed=None,
            source="press reports of the tarifa branca phase-in (four agree); the act not read",
            note=(
                "The act itself was not read. The library encodes only its phase-in of the "
                "tarifa branca (1 Jan 2018, 2019 and 2020: dates the act sets for the rule, held "
                "in tariffs.WHITE_TARIFF_AVAILABILITY), not the act's own dates."
            ),
        ),
        _info(
            Norm.REN_1000_2021,
            signed=date(2021, 12, 7),
            published=date(2021, 12, 20),
            in_force=date(2022, 1, 3),
            basis=ren1000(679),
            source=(
                "compiled text: title, art. 679 and closing note (original in the DOU of "
                "20/12/2021, ed. 238, seção 1, p. 206; republished in the DOU of 21.01.2022)"
            ),
            note="Art. 679: 'Esta Resolução entra em vigor em 3 de janeiro de 2022.'",
        ),
        _info(
            Norm.REN_1057_2023,
            signed=date(2023, 1, 24),
            source=_COMPILED,
            note="Publication not found. " + _NOT_SWITCHED,
        ),
        _info(
            Norm.REN_1059_2023,
            signed=date(2023, 2, 7),
            published=date(2023, 2, 10),
            in_force=date(2023, 2, 10),
            source=(
                "date of the act: " + _COMPILED + "; publication: DOU nº 30 of 10 Feb 2023, "
                "seção 1, p. 65, as cited by the act's retification notice (normasbrasil.com.br, "
                "norma 447271)"
            ),
            note=(
                "Its vigência article was not read; the publication is the first day it can "
                "bind anyone, so art. 23 §§ 1º and 6º change on 10 Feb 2023, not on 7 Feb."
            ),
        ),
        _info(
            Norm.REN_1095_2024,
            signed=date(2024, 6, 18),
            published=date(2024, 6, 26),
            in_force=date(2024, 6, 26),
            source=(
                "date of the act: " + _COMPILED + "; publication: secondary source "
                "(certhil.com.br, 'publicada no Diário Oficial da União em 26 de junho de 2024')"
            ),
            note=(
                "Publication from a secondary source (MEDIUM); its vigência article was not read. "
                "The UC-number layout (art. 659-A) has its own implementation deadline."
            ),
        ),
        _info(
            Norm.REN_1098_2024,
            signed=date(2024, 7, 23),
            in_force=date(2024, 7, 23),
            source=_COMPILED,
            note=_PUBLICATION_FALLBACK,
        ),
        _info(
            Norm.REN_1101_2024,
            signed=date(2024, 8, 27),
            in_force=date(2024, 8, 27),
            source=_COMPILED + " (art. 2º, XXXVIII, 'a')",
            note=(
                _PUBLICATION_FALLBACK + " Any entry into force up to 20 Nov 2024 gives the same "
                "answer for every day (the first 20 November after the act is 20 Nov 2024)."
            ),
        ),
        _info(
            Norm.REN_1147_2025,
            signed=date(2025, 12, 9),
            published=date(2025, 12, 16),
            in_force=date(2025, 12, 16),
            source="date of the act: " + _COMPILED + "; publication: DOU of 16 Dec 2025, p. 155 "
            "(REGULATION.md, source S7)",
            note="Its vigência article was not read; publication is the first day it can bind.",
        ),
        _info(
            Norm.DSP_18_2019,
            signed=date(2019, 1, 4),
            in_force=date(2019, 1, 4),
            revoked=date(2022, 1, 3),
            source=(
                "notes on the first page of the REN 414/2010 compiled text ('Despacho 018/2019: "
                "Decisão Judicial - suspensão dos efeitos do inciso II do Art. 113': passeidireto "
                "88064574, scribd 430937307 and 526083913); date: ANEEL's Procuradoria as quoted "
                "in ABRADEE's question at norven.com.br/?p=2717 ('Despacho ANEEL nº 18, de 4 de "
                "janeiro de 2019')"
            ),
            note=(
                _PUBLICATION_FALLBACK + " It gives effect to a court decision suspending REN "
                "414/2010, art. 113, II (the 36-cycle refund term; the same question names a "
                "ten-year retroactivity, not ANEEL's text). It lost its object with REN 414's "
                "revocation (the Procuradoria's opinion quoted there): revoked from 3 Jan 2022."
            ),
        ),
        _info(
            Norm.DSP_2006_2024,
            signed=date(2024, 7, 8),
            in_force=date(2024, 7, 8),
            source="header and art. 323, II notes of the compiled text ('DSP ANEEL 2.006, de "
            "08.07.2024')",
            note=_PUBLICATION_FALLBACK
            + " It gives effect to a court decision suspending art. 323, II's 60-cycle term.",
        ),
        _info(
            Norm.DSP_1731_2025,
            signed=None,
            in_force=date(2025, 7, 5),
            source="compiled text header ('Vide: Despacho 1.731/2025'); the 5 Jul 2025 start: "
            "secondary sources (REGULATION.md, dossier S7, MEDIUM)",
            note=(
                "Neither its date nor its publication was read. It applies MP 1.300/2025's "
                "tarifa social from 5 Jul 2025 (press); the alternative reading starts with "
                "REN 1.147/2025."
            ),
        ),
        _info(
            Norm.MP_1300_2025,
            signed=date(2025, 5, 21),
            source="compiled text header ('MEDIDA PROVISÓRIA Nº 1.300, DE 21 DE MAIO DE 2025')",
            note="Converted into Lei 15.235/2025. " + _NOT_SWITCHED,
        ),
        _info(
            Norm.LEI_1348_1951,
            signed=date(1951, 2, 10),
            source="compiled text, art. 186, I ('Lei nº 1.348, de 10 de fevereiro de 1951')",
            note=_NOT_SWITCHED,
        ),
        _info(
            Norm.LEI_6802_1980,
            signed=None,
            source="holiday list (Nossa Senhora Aparecida); the law's text not read",
            note=_NOT_SWITCHED,
        ),
        _info(
            Norm.LC_95_1998,
            signed=None,
            source="cited for the ordinal numbering of articles (art. 10, I); not read",
            note=_NOT_SWITCHED,
        ),
        _info(
            Norm.LEI_10438_2002,
            signed=date(2002, 4, 26),
            source="compiled text ('Lei nº 10.438, de 26 de abril de 2002')",
            note=_NOT_SWITCHED,
        ),
        _info(
            Norm.LEI_10607_2002,
            signed=None,
            source="holiday list (national holidays); the law's text not read",
            note=_NOT_SWITCHED,
        ),
        _info(
            Norm.LEI_12876_2013,
            signed=None,
            source="REGULATION.md (time zones, source S11)",
            note=_NOT_SWITCHED + " The zones are the caller's (zoneinfo).",
        ),
        _info(
            Norm.LEI_13709_2018,
            signed=date(2018, 8, 14),
            source="REGULATION.md ('Lei nº 13.709, de 14 de agosto de 2018', LGPD)",
            note=_NOT_SWITCHED,
        ),
        _info(
            Norm.LEI_14195_2021,
            signed=date(2021, 8, 26),
            source="compiled text, art. 90 ('Lei nº 14.195, de 26 de agosto de 2021')",
            note=_NOT_SWITCHED,
        ),
        _info(
            Norm.LEI_14300_2022,
            signed=date(2022, 1, 6),
            source="compiled text ('Lei nº 14.300, de 6 de janeiro de 2022')",
            note=_NOT_SWITCHED,
        ),
        _info(
            Norm.LEI_14759_2023,
            signed=date(2023, 12, 21),
            source="REGULATION.md, source S2 (DOU and Planalto links)",
            note="ANEEL's list of days without ponta follows it from REN 1.101/2024. "
            + _NOT_SWITCHED,
        ),
        _info(
            Norm.LEI_15235_2025,
            signed=date(2025, 10, 8),
            source="REGULATION.md (tarifa social and irrigation, sources S7, S8)",
            note="The library switches on REN 1.147/2025, which applies it. " + _NOT_SWITCHED,
        ),
        _info(
            Norm.DEC_6219_2007,
            signed=None,
            source="cited for SUDENE's area (Anexo I, art. 2º); not read",
            note=_NOT_SWITCHED,
        ),
        _info(
            Norm.ABNT_NBR_5891,
            signed=None,
            source="named by REN 1.000/2021, art. 657 (rounding); the standard not read",
            note="A technical standard, not an act: it has no DOU publication.",
        ),
    )
)
"""Dates of every act the library cites, each with where it was read (see :class:`NormInfo`)."""


def in_force_from(norm: Norm) -> date:
    """First day ``norm`` is applied by the library (its entry into force, :data:`NORMS`).

    Raises:
        NotInForceError: the library holds no entry-into-force date for ``norm``.

    Examples:
        >>> in_force_from(Norm.REN_1000_2021)
        datetime.date(2022, 1, 3)
    """
    info = NORMS.get(norm)
    if info is None or info.in_force_from is None:
        raise NotInForceError(
            "the library holds no entry-into-force date for {norm}",
            code="no_in_force_date",
            what=str(norm),
            norm=str(norm),
        )
    return info.in_force_from


REN414_IN_FORCE_FROM: Final[date] = in_force_from(Norm.REN_414_2010)
"""First day of REN 414/2010 (2010-09-15); the first period of every REN 414 timeline."""

REN1000_IN_FORCE_FROM: Final[date] = in_force_from(Norm.REN_1000_2021)
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
    day = plain_date(on, path="on")
    # REN 1.000/2021, art. 679
    if day >= REN1000_IN_FORCE_FROM:
        return Norm.REN_1000_2021
    if day >= REN414_IN_FORCE_FROM:
        return Norm.REN_414_2010
    raise NotInForceError(
        "no regime in force on {on}: REN 414/2010 applies from {since}",
        code="no_regime",
        on=day,
        since=REN414_IN_FORCE_FROM.isoformat(),
    )
