"""The record structure of an IGES file, checked before OpenCascade reads it.

An IGES file is a sequence of 80-column records, each naming its section in column 73: Start
(S), Global (G), Directory Entry (D, two records per entity), Parameter Data (P), and one
Terminate record (T) that counts the records of the four others. OpenCascade's IGES reader
trusts that structure and crashes on a file cut short, so a file whose records do not add
up to its Terminate record is refused here as corrupt, with what is wrong.
"""

from __future__ import annotations

from app.errors import CorruptFile

RECORD_COLUMNS = 80
SECTION_COLUMN = 72
SECTIONS = "SGDPT"
COUNTED = "SGDP"
COUNT_WIDTH = 8  # the Terminate record: "S      1G      4D    230P    115"


def check_iges_records(data: bytes) -> None:
    """Raise CorruptFile unless `data` is whole IGES records in section order, ending with a
    Terminate record whose counts match."""
    records = data.replace(b"\r\n", b"\n").rstrip(b"\n\x1a").split(b"\n")
    counts = dict.fromkeys(SECTIONS, 0)
    last = 0
    for number, record in enumerate(records, start=1):
        if len(record) < SECTION_COLUMN + 1:
            raise CorruptFile(f"IGES record {number} is {len(record)} columns long, not "
                              f"{RECORD_COLUMNS}: the file is damaged or cut short")
        section = record[SECTION_COLUMN:SECTION_COLUMN + 1].decode("latin-1")
        order = SECTIONS.find(section)
        if order < last:
            raise CorruptFile(f"IGES record {number} names the section '{section}', which "
                              "cannot come there: the file is damaged")
        last = order
        counts[section] += 1
    if counts["T"] != 1:
        raise CorruptFile("the IGES file ends without its Terminate record: it is cut short")
    _check_terminate(records[-1], counts)


def _check_terminate(record: bytes, counts: dict[str, int]) -> None:
    for index, section in enumerate(COUNTED):
        field = record[index * COUNT_WIDTH:(index + 1) * COUNT_WIDTH].decode("latin-1")
        declared = field[1:].strip()
        if field[:1] != section or not declared.isdigit():
            raise CorruptFile(f"the IGES Terminate record is malformed at '{field}'")
        if int(declared) != counts[section]:
            raise CorruptFile(f"the IGES Terminate record counts {int(declared)} "
                              f"'{section}' records but the file holds {counts[section]}: "
                              "it is damaged or cut short")
    if counts["D"] % 2:
        raise CorruptFile("the IGES directory has an odd number of records (two per entity)")
