"""Batch input and output: streaming readers and writers for every supported format."""

from draftwise.io.readers import FORMATS, InputError, InputRow, detect_format, read_rows
from draftwise.io.writers import OUTPUT_FORMATS, OutputError, open_writer

__all__ = [
    "FORMATS",
    "OUTPUT_FORMATS",
    "InputError",
    "InputRow",
    "OutputError",
    "detect_format",
    "open_writer",
    "read_rows",
]
