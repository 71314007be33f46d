"""The one error hierarchy of sanctrace.

Every error names the input it is about (a file, URL, list or entity) and says what was
wrong in words a user can act on. The CLI prints ``str(error)`` on one line and exits with
``error.exit_code``; the API maps each class to an HTTP status in ``api/errors.py``.

    SanctraceError                  exit 1
    ├── InputError                  exit 2   bad input the user gave us
    │   ├── IngestError                      a document that cannot be read
    │   │   ├── UnsupportedFormatError       binary or unknown format
    │   │   ├── EncodingError                text in an encoding we cannot decode
    │   │   ├── TooLargeError                larger than SANCTRACE_MAX_BYTES
    │   │   ├── HostileInputError            XML bombs, XXE, zip bombs
    │   │   └── FetchError                   a URL or feed that cannot be fetched
    │   ├── ListFormatError                  a sanctions list file that cannot be loaded
    │   └── DateError                        a date we cannot parse
    ├── NotFoundError               exit 3   an entity, document or list we do not have
    ├── ModelError                  exit 4   a spaCy pipeline that is not installed
    └── StoreError                  exit 5   the database is unusable or too new
"""

from __future__ import annotations


class SanctraceError(Exception):
    """Base of every error sanctrace raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(SanctraceError):
    exit_code = 2


class IngestError(InputError):
    pass


class UnsupportedFormatError(IngestError):
    pass


class EncodingError(IngestError):
    pass


class TooLargeError(IngestError):
    pass


class HostileInputError(IngestError):
    pass


class FetchError(IngestError):
    pass


class ListFormatError(InputError):
    pass


class DateError(InputError):
    pass


class NotFoundError(SanctraceError):
    exit_code = 3


class ModelError(SanctraceError):
    exit_code = 4


class StoreError(SanctraceError):
    exit_code = 5
