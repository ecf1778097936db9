"""Errors raised by the library (exceções).

The hierarchy (callers catch the base class, or the leaf they can handle)::

    AneelRulesError(Exception)                        base, never raised itself
    ├─ InvalidInputError(AneelRulesError, ValueError)  bad input; .errors lists every problem
    ├─ NotInForceError(AneelRulesError, LookupError)   no rule or value in force on the date
    ├─ RegulatoryGapError(AneelRulesError)             the norm gives no answer for this case
    └─ UnsupportedCaseError(AneelRulesError)           regulated case the library does not model

Every error carries ``code``, ``template``, ``params``, ``domain`` and ``basis`` (like
:class:`FieldError`): ``str(error)`` is English, ``error.message`` Portuguese and
``error.message_in("en")`` English, from the message catalogs. For input errors,
``error.errors[i]`` holds every problem with its own code and messages.

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
from typing import TYPE_CHECKING, ClassVar, Protocol

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


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


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
        nested: Names of the params that are themselves catalog messages of ``domain``
            (translated with the template, as :attr:`AneelRulesError.nested`, and filled from
            the other params): the frames name a row as ``"index label"``, ``"position"`` or
            ``"data row"`` this way.
    """

    path: str
    code: str
    template: str
    params: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_params_converter)
    domain: str = "messages"
    basis: Basis | None = None
    nested: tuple[str, ...] = attrs.field(default=(), converter=_names)

    @property
    def message(self) -> str:
        """Human message in Portuguese (pt_BR)."""
        return self.message_in("pt_BR")

    def message_in(self, lang: str = "pt_BR") -> str:
        """Human message in ``lang`` (``"pt_BR"`` or ``"en"``)."""
        from aneel_rules.i18n import translate  # noqa: PLC0415 (lazy: babel is heavy)

        given = dict(self.params)
        params = dict(given)
        for name in self.nested:  # a nested message may use the other params too
            if name in params:
                params[name] = translate(given[name], domain=self.domain, lang=lang).format(**given)
        return translate(self.template, domain=self.domain, lang=lang).format(**params)


class AneelRulesError(Exception):
    """Base class of every error raised by aneel_rules; never raised itself.

    Every error has the shape of a :class:`FieldError`: a stable ``code``, an English
    ``template`` (the catalog msgid) filled from ``params``, the message-catalog ``domain``, and
    the ``basis`` (the provisions involved, possibly empty). ``str(error)`` is the English message;
    :attr:`message` is Portuguese and :meth:`message_in` gives either language, so a front end
    (the command line included) never parses the text.

    Examples:
        >>> err = NotInForceError("no value before {since}", code="no_value", since="2022-01-03")
        >>> err.code, str(err), dict(err.params)
        ('no_value', 'no value before 2022-01-03', {'since': '2022-01-03'})
    """

    code: str
    template: str
    params: tuple[tuple[str, str], ...]
    domain: str
    basis: tuple[Basis, ...]
    nested: tuple[str, ...] = ()
    """Names of the params that are themselves catalog messages (translated with the template)."""
    default_code: ClassVar[str] = "error"

    def __init__(
        self,
        template: str,
        /,
        *,
        code: str | None = None,
        domain: str = "messages",
        basis: Basis | Iterable[Basis] | None = None,
        nested: Iterable[str] = (),
        params: Mapping[str, object] | None = None,
        **values: object,
    ) -> None:
        self.template = template
        self.code = code or self.default_code
        self.domain = domain
        self.params = _params_converter({**(params or {}), **values})
        self.basis = _bases(basis)
        self.nested = tuple(nested)
        super().__init__(self.message_in("en"))

    @property
    def message(self) -> str:
        """Human message in Portuguese (pt_BR)."""
        return self.message_in("pt_BR")

    def message_in(self, lang: str = "pt_BR") -> str:
        """Human message in ``lang`` (``"pt_BR"`` or ``"en"``)."""
        params = self.params
        if self.nested and lang != "en":
            params = tuple(
                (k, _render(v, self.domain, lang, ()) if k in self.nested else v) for k, v in params
            )
        return _render(self.template, self.domain, lang, params)


def _bases(basis: object) -> tuple[Basis, ...]:
    if basis is None:
        return ()
    from aneel_rules._citations import to_bases  # noqa: PLC0415 (errors is imported first)

    return to_bases(basis)


def _render(template: str, domain: str, lang: str, params: tuple[tuple[str, str], ...]) -> str:
    if lang == "en" and not params:
        return template
    from aneel_rules.i18n import translate  # noqa: PLC0415 (lazy: the catalogs are read once)

    text = translate(template, domain=domain, lang=lang)
    return text.format(**dict(params)) if params else text


class InvalidInputError(AneelRulesError, ValueError):
    """Input that breaks a rule or has the wrong shape; ``.errors`` lists every problem found."""

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors: tuple[FieldError, ...] = tuple(errors)
        if not self.errors:
            msg = "InvalidInputError needs at least one FieldError"
            raise TypeError(msg)
        first = self.errors[0]
        # The first problem gives the error's own code/template/params (FieldError's shape).
        self.code, self.template, self.params = first.code, first.template, first.params
        self.domain = first.domain
        self.basis = tuple(dict.fromkeys(e.basis for e in self.errors if e.basis is not None))
        Exception.__init__(self, self.message_in("en"))

    def message_in(self, lang: str = "pt_BR") -> str:
        """Every problem as ``"path: message"`` in ``lang``, ``"; "``-separated."""
        return "; ".join(self.messages(lang))

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
    """No rule or value is in force on the date asked (``.on``; ``.what`` names the timeline)."""

    default_code: ClassVar[str] = "not_in_force"

    def __init__(
        self,
        template: str,
        /,
        *,
        on: date | None = None,
        what: str | None = None,
        code: str | None = None,
        domain: str = "messages",
        basis: Basis | Iterable[Basis] | None = None,
        nested: Iterable[str] = (),
        params: Mapping[str, object] | None = None,
        **values: object,
    ) -> None:
        self.on = on
        self.what = what
        values = {**(params or {}), **values}
        if on is not None and "on" not in values:  # a template's {on} is the date asked
            values["on"] = on.isoformat()
        super().__init__(
            template, code=code, domain=domain, basis=basis, nested=nested, params=values
        )


class RegulatoryGapError(AneelRulesError):
    """The norm gives no answer for this case (e.g. a voltage between two subgroups).

    The library refuses to guess; ``.basis`` names the provision that leaves the gap.
    """

    default_code: ClassVar[str] = "regulatory_gap"


class UnsupportedCaseError(AneelRulesError):
    """A regulated case that the library does not model (yet)."""

    default_code: ClassVar[str] = "unsupported_case"


class InvalidFactory(Protocol):
    """Signature of a domain's ``invalid(path, code, template, **params)`` helper."""

    def __call__(
        self,
        path: str,
        code: str,
        template: str,
        /,
        *,
        basis: Basis | None = None,
        **params: object,
    ) -> InvalidInputError:
        """An :class:`InvalidInputError` with one :class:`FieldError` in the bound domain."""


def invalid_in(domain: str) -> InvalidFactory:
    """The ``invalid(path, code, template, *, basis=None, **params)`` helper of one domain.

    For the library's own modules (not in ``__all__``): each message-catalog domain binds it
    once (``invalid = invalid_in(DOMAIN)``) instead of building the error by hand.

    Examples:
        >>> invalid = invalid_in("tariffs")
        >>> err = invalid("kv", "not_positive", "{path} must be positive", path="kv")
        >>> err.errors[0].domain, err.code, str(err)
        ('tariffs', 'not_positive', 'kv: kv must be positive')
    """

    def invalid(
        path: str, code: str, template: str, /, *, basis: Basis | None = None, **params: object
    ) -> InvalidInputError:
        return InvalidInputError.single(path, code, template, domain=domain, basis=basis, **params)

    return invalid


class KeyedInvalidFactory(Protocol):
    """Signature of a domain's ``invalid(path, code, **params)`` helper (template by code)."""

    def __call__(
        self, path: str, code: str, /, *, basis: Basis | None = None, **params: object
    ) -> InvalidInputError:
        """An :class:`InvalidInputError` whose template is the domain's one for ``code``."""


def keyed_invalid_in(domain: str, templates: Mapping[str, str]) -> KeyedInvalidFactory:
    """The ``invalid(path, code, *, basis=None, **params)`` helper of a keyed domain.

    For the library's own modules whose templates are one per code: the template is
    ``templates[code]`` (the catalogue msgid), the domain's :func:`invalid_in` builds the error.

    Examples:
        >>> invalid = keyed_invalid_in("portal", {"unknown_flow": "unknown flow {value}"})
        >>> err = invalid("flow", "unknown_flow", value="'x'")
        >>> err.errors[0].domain, err.codes, str(err)
        ('portal', ('unknown_flow',), "flow: unknown flow 'x'")
    """
    bound = invalid_in(domain)

    def invalid(
        path: str, code: str, /, *, basis: Basis | None = None, **params: object
    ) -> InvalidInputError:
        return bound(path, code, templates[code], basis=basis, **params)

    return invalid


class KeyedFieldErrorFactory(Protocol):
    """Signature of a domain's ``error(path, code, **params)`` helper (template by code)."""

    def __call__(
        self, path: str, code: str, /, *, basis: Basis | None = None, **params: object
    ) -> FieldError:
        """A :class:`FieldError` whose template is the domain's one for ``code``."""


def keyed_field_error_in(domain: str, templates: Mapping[str, str]) -> KeyedFieldErrorFactory:
    """The ``error(path, code, *, basis=None, **params)`` :class:`FieldError` helper of a domain.

    The :class:`FieldError` twin of :func:`keyed_invalid_in` (a collector gathers several).

    Examples:
        >>> error = keyed_field_error_in("portal", {"required": "this field is required"})
        >>> e = error("cpf", "required")
        >>> e.domain, e.code, e.template
        ('portal', 'required', 'this field is required')
    """

    def error(
        path: str, code: str, /, *, basis: Basis | None = None, **params: object
    ) -> FieldError:
        return FieldError(
            path=path,
            code=code,
            template=templates[code],
            params=params,
            domain=domain,
            basis=basis,
        )

    return error
