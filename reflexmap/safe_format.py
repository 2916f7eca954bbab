"""Log lines that cannot be forged: control characters in a record are written as visible escapes.

Light on purpose (no ``logging.handlers``): the console handler uses it from
the first line of a start.
"""

from __future__ import annotations

import logging

from reflexmap.messages import visible

__all__ = ["SafeFormatter"]


class SafeFormatter(logging.Formatter):
    """A ``logging.Formatter`` that shows control characters in a record as escapes, so a line is one record.

    The message is escaped whole (a newline in it too); a traceback keeps
    its own line breaks, with anything else invisible escaped.
    """

    def formatMessage(self, record: logging.LogRecord) -> str:
        return visible(super().formatMessage(record))

    def formatException(self, ei: object) -> str:
        return "\n".join(visible(line) for line in super().formatException(ei).split("\n"))  # type: ignore[arg-type]

    def formatStack(self, stack_info: str) -> str:
        return "\n".join(visible(line) for line in super().formatStack(stack_info).split("\n"))
