"""Errors raised by the library (exceções).

The hierarchy (callers catch the base class, or the leaf they can handle)::

    AneelRulesError(Exception)                        base, never raised itself
    ├─ InvalidInputError(AneelRulesError, ValueError)  bad input; .errors lists every problem
    ├─ NotInForceError(AneelRulesError, LookupError)   no rule or value in force on the date
    ├─ RegulatoryGapError(AneelRulesError)             the norm gives no answer for this case
    └─ UnsupportedCaseError(AneelRulesError)           regulated case the library does not model

``str(error)`` is English (it names the field and the bad value);
``error.errors[i].message`` is the human message in Portuguese, and
``error.errors[i].message_in("en")`` the English one.

Examples:
    >>> err = InvalidInputError.single("cpf", "checksum", "CPF {value} has wrong check digits",
    ...                                 value="529.982.247-26")
    >>> str(err)
    'cpf: CPF 529.982.247-26 has wrong check digits'
    >>> err.errors[0].code
    'checksum'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from aneel_rules.legal import Basis

__all__ = (
    "AneelRulesError",
    "FieldError",
    "InvalidInputError",
    "NotInForceError",
    "RegulatoryGapError",
    "UnsupportedCaseError",
)


def _params_converter(
    value: Mapping[str, object] | Iterable[tuple[str, object]],
) -> tuple[tuple[str, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(k), v if isinstance(v, str) else repr(v)) for k, v in items))


@attrs.frozen(kw_only=True)
class FieldError:
    """One problem with one input field (erro de campo).

    Attributes:
        path: Dotted path of the field (``"address.cep"``, ``"load_survey.0.quantity"``).
        code: Stable machine code (``"required"``, ``"checksum"``…) a front end can map.
        template: English message template (also the catalog msgid), with ``{name}``
            placeholders filled from ``params``.
        params: Values for the placeholders, as text. Strings are kept verbatim and anything
            else is stored as its ``repr``; pass ``repr(value)`` for user-supplied text that
            should appear quoted. Templates never use ``!r``.
        domain: Message-catalog domain that translates ``template``.
        basis: Rule that the value breaks, when there is one.
    """

    path: str
    code: str
    template: str
    params: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_params_converter)
    domain: str = "messages"
    basis: Basis | None = None

    @property
    def message(self) -> str:
        """Human message in Portuguese (pt_BR)."""
        return self.message_in("pt_BR")

    def message_in(self, lang: str = "pt_BR") -> str:
        """Human message in ``lang`` (``"pt_BR"`` or ``"en"``)."""
        from aneel_rules.i18n import translate  # noqa: PLC0415 (lazy: babel is heavy)

        return translate(self.template, domain=self.domain, lang=lang).format(**dict(self.params))


class AneelRulesError(Exception):
    """Base class of every error raised by aneel_rules."""


class InvalidInputError(AneelRulesError, ValueError):
    """Input that breaks a rule or has the wrong shape; ``.errors`` lists every problem found."""

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors: tuple[FieldError, ...] = tuple(errors)
        if not self.errors:
            msg = "InvalidInputError needs at least one FieldError"
            raise TypeError(msg)
        super().__init__("; ".join(f"{e.path}: {e.message_in('en')}" for e in self.errors))

    @classmethod
    def single(
        cls,
        path: str,
        code: str,
        template: str,
        /,
        *,
        domain: str = "messages",
        basis: Basis | None = None,
        **params: object,
    ) -> InvalidInputError:
        """Build the error for a single field problem."""
        return cls(
            (
                FieldError(
                    path=path,
                    code=code,
                    template=template,
                    params=params,
                    domain=domain,
                    basis=basis,
                ),
            )
        )

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of every problem, in order."""
        return tuple(e.code for e in self.errors)

    def messages(self, lang: str = "pt_BR") -> tuple[str, ...]:
        """Every problem as ``"path: message"`` in ``lang``."""
        return tuple(f"{e.path}: {e.message_in(lang)}" for e in self.errors)


class NotInForceError(AneelRulesError, LookupError):
    """No rule or value is in force on the date asked (``.on``)."""

    def __init__(self, message: str, *, on: date | None = None, what: str | None = None) -> None:
        super().__init__(message)
        self.on = on
        self.what = what


class RegulatoryGapError(AneelRulesError):
    """The norm gives no answer for this case (e.g. a voltage between two subgroups).

    The library refuses to guess; ``.basis`` names the provision that leaves the gap.
    """

    def __init__(self, message: str, *, basis: Basis | None = None) -> None:
        super().__init__(message)
        self.basis = basis


class UnsupportedCaseError(AneelRulesError):
    """A regulated case that the library does not model (yet)."""
