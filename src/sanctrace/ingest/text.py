"""Plain text and Markdown: decode exactly, keep every character where the file has it.

The text of a Document read from a text file is the file's content decoded the way
Python's ``Path.read_text()`` decodes it (UTF-8, universal newlines), minus a byte
order mark, so that character offsets computed on it are offsets into the file as any
reader opens it.
"""

from __future__ import annotations

import codecs
import re
from datetime import date

from sanctrace.errors import EncodingError
from sanctrace.ingest.dates import dateline
from sanctrace.ingest.document import make_document
from sanctrace.model import Document

# Checked longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# A detection is accepted only if the decoded text reads as language: charset_normalizer's
# "chaos" (share of implausible characters) at most this, and no stray control characters.
MAX_CHAOS = 0.1
HEADLINE_MAX_CHARS = 200
HEADLINE_MAX_WORDS = 30
_NOT_HEADLINE_ENDINGS = (".", ",", ";", ":")
_ALLOWED_CONTROLS = frozenset("\n\r\t\f\v")
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, exactly as Python's universal-newline mode does."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, *, source: str, charset: str | None = None) -> str:
    """Decode bytes of a text file, or raise EncodingError naming the file.

    UTF-8 (and BOM-marked UTF-16/32) first; otherwise charset_normalizer, and only a
    detection whose decoded text is clean: a wrong guess would corrupt every name in the
    report while looking like success.
    A ``charset`` declared by a server (Content-Type) is tried after UTF-8: servers often
    declare ISO-8859-1 by default, while valid multi-byte UTF-8 is almost never an accident.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return normalise_newlines(data[len(bom) :].decode(encoding))
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"starts with a {encoding} byte order mark but is not valid {encoding}",
                    source=source,
                ) from exc
    for candidate in ("utf-8", charset):
        if candidate is None:
            continue
        try:
            return normalise_newlines(data.decode(candidate))
        except (LookupError, UnicodeDecodeError):
            pass
    return normalise_newlines(_detect(data, source=source))


def _detect(data: bytes, *, source: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise EncodingError(
            "not UTF-8 and its encoding cannot be determined with confidence; "
            "convert it to UTF-8 first",
            source=source,
        )
    text = str(best)
    if any(ch < " " and ch not in _ALLOWED_CONTROLS for ch in text):
        raise EncodingError(
            f"not UTF-8; the best guess ({best.encoding}) gives control characters, "
            "so the encoding is not known; convert it to UTF-8 first",
            source=source,
        )
    return text


def headline(text: str) -> str | None:
    """The first non-empty line, if it reads as a headline: short and not a sentence.

    Markdown heading marks are dropped from the title (the text keeps them).
    """
    for line in text.split("\n"):
        candidate = line.strip()
        if not candidate:
            continue
        candidate = candidate.lstrip("#").strip()
        if (
            candidate
            and len(candidate) <= HEADLINE_MAX_CHARS
            and len(candidate.split()) <= HEADLINE_MAX_WORDS
            and not candidate.endswith(_NOT_HEADLINE_ENDINGS)
        ):
            return candidate
        return None
    return None


def read_text(
    data: bytes, *, source: str, published: date | None = None, content_type: str | None = None
) -> Document:
    """One Document whose text is the decoded file, byte order mark removed."""
    match = _CHARSET.search(content_type or "")
    text = decode(data, source=source, charset=match.group(1) if match else None)
    return make_document(
        text,
        source=source,
        format="text",
        title=headline(text),
        published=dateline(text) or published,
    )
