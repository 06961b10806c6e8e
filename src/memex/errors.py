"""Exceptions with messages meant for the user."""


class MemexError(Exception):
    """Base class: its message is shown to the user as a one-line error."""


class ParseError(MemexError):
    """A file could not be parsed; the message is the recorded reason."""


class ModelNotFound(MemexError):
    """A model the configuration needs is not installed."""
