"""Messages of the portal module (private): every template by its stable code.

Each template is an English gettext msgid of the ``portal`` catalog domain
(``locale/pt_BR/LC_MESSAGES/portal.po``); tests check that every one is translated.

Examples:
    >>> field_error("cpf", "required").message
    'campo obrigatório'
    >>> type_name([1]), type_name(None), type_name(True)
    ('list', 'null', 'boolean')
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Final

from aneel_rules.errors import keyed_field_error_in, keyed_invalid_in

__all__ = ("DOMAIN", "MESSAGES", "field_error", "invalid", "type_name")

DOMAIN: Final = "portal"
"""Message-catalog domain of the portal module."""

# Every template the portal module emits, by stable code (one template per code).
# tests/test_portal_messages.py checks that each has a pt_BR translation.
MESSAGES: Final[dict[str, str]] = {
    "required": "this field is required",
    "unknown_field": "this field is not part of the request",
    "not_an_object": "must be an object (a mapping of fields), got {type}",
    "not_a_list": "must be a list, got {type}",
    "not_a_string": "must be text, got {type}",
    "not_a_date_value": "must be a date, got {type}",
    "not_iso_date": "must be a valid date written YYYY-MM-DD",
    "not_a_boolean": "must be true or false, got {type}",
    "not_a_number": "must be a number, got {type}",
    "not_an_integer": "must be a whole number, got {value}",
    "too_short": "must have at least {minimum} characters",
    "too_long": "must have at most {maximum} characters",
    "too_few_items": "must have at least {minimum} item(s)",
    "too_many_items": "must have at most {maximum} items",
    "below_minimum": "must be at least {minimum}, got {value}",
    "above_maximum": "must be at most {maximum}, got {value}",
    "not_positive": "must be greater than zero, got {value}",
    "not_in_choices": "must be one of: {choices}; got {value}",
    "future_date": "must not be later than today ({today})",
    "before_birth": "the date of issue is earlier than the date of birth",
    "end_before_start": "end {end} is earlier than start {start}",
    "demand_exceeds_transformer": (
        "expected demand {demand} kW exceeds the transformer power {power} kVA "
        "(active power cannot exceed apparent power)"
    ),
    "outside_brazil": "{value} is outside Brazil (from {minimum} to {maximum})",
    "invalid_document": "must be a CPF (11 digits) or a CNPJ (14 characters)",
    "not_applicable": "must be empty when the country of birth is not Brasil",
    "password_repeated_characters": "the password must not be one character repeated",
    "password_is_document": "the password must not contain the CPF or CNPJ",
    "password_is_email": "the password must not be the e-mail address",
    "password_too_common": "the password is on the list of the most common passwords",
    "code_mismatch": "the verification code does not match the one sent by e-mail",
    "not_base64": "content_base64 is not valid base64",
    "empty_file": "the file is empty",
    "file_too_large": "the file has {size} bytes; the limit is {maximum} bytes (20 MB)",
    "unsupported_content": "the content is not a JPG, PNG or PDF file",
    "unsupported_extension": "the extension {value} is not one of .jpg, .jpeg, .png, .pdf",
    "extension_mismatch": "the extension {value} does not match the content ({kind})",
    "invalid_filename": (
        "the file name must have 1 to 255 bytes (UTF-8), no control or bidirectional "
        'characters, no path separator, no : < > " | ? * and not be a reserved device name'
    ),
    "executable_content": "the content is an executable, archive or script ({kind})",
    "malformed_content": "the content is not a complete {kind} file (its start or end is wrong)",
    "not_bytes": "content must be bytes, got {type}",
    "time_went_backwards": "{value} is earlier than the last recorded attempt {last}",
    "locked": "blocked until {until}",
    "blocked": "blocked after {count} failed attempts, until the distributor unblocks it",
    "datetime_out_of_range": "{value} leaves no room for the lock before the year 9999 ends",
    "inconsistent_state": (
        "the stored state cannot be reached by any sequence of attempts "
        "(failures, lockouts, last attempt and end of the lock disagree)"
    ),
    "not_a_duration": "must be a duration (timedelta), got {type}",
    "not_an_escalation": "must be an Escalation or null, got {type}",
    "profile_not_approved": (
        "the professional profile is {status}; access can only be granted to an approved profile"
    ),
    "not_a_profile": "must be a ProfessionalProfileRequest, got {type}",
    "already_confirmed": "the grant was already confirmed on {value}",
    "unknown_flow": "unknown flow {value}; use one of: {choices}",
    "too_many_problems": "{count} more problems were found and not listed",
}


def type_name(value: object) -> str:
    """JSON-ish name of a value's type, for messages that must not echo personal data."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float, Decimal)):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, (list, tuple)):
        return "list"
    return type(value).__name__


field_error: Final = keyed_field_error_in(DOMAIN, MESSAGES)
"""A portal :class:`FieldError` whose template is ``MESSAGES[code]``."""


invalid: Final = keyed_invalid_in(DOMAIN, MESSAGES)
"""The portal's :class:`InvalidInputError` of one field problem (``MESSAGES[code]``)."""
