"""Reading image headers (PNG, JPEG, WebP) for type, size and colour features, without decoding."""

from __future__ import annotations

import struct
from dataclasses import dataclass


class ImageUnrecognized(Exception):
    pass


class ImageTruncated(Exception):
    pass


class ImageInvalid(Exception):
    pass


@dataclass(frozen=True)
class ImageHeader:
    mime_type: str
    width: int
    height: int
    unusual: bool = False  # custom colour information, non-square pixels or animation


def detect_mime(data: bytes) -> str | None:
    """The image type its signature declares; None below 14 bytes or for unknown signatures."""
    if len(data) < 14:
        return None
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if data[:4] == b"RIFF" and data[8:14] == b"WEBPVP":
        return "image/webp"
    if data[:12] == b"\xabKTX 20\xbb\r\n\x1a\n":
        return "image/ktx2"
    return None


def read_header(data: bytes) -> ImageHeader:
    """Parse the header; raise ImageUnrecognized, ImageTruncated or ImageInvalid."""
    mime = detect_mime(data)
    if mime == "image/png":
        return _png(data)
    if mime == "image/jpeg":
        return _jpeg(data)
    if mime == "image/webp":
        return _webp(data)
    raise ImageUnrecognized


_PNG_CHUNK_LENGTHS = {b"IHDR": 13, b"cHRM": 32, b"sRGB": 1, b"pHYs": 9, b"gAMA": 4}
_SRGB_CHROMATICITIES = (31270, 32900, 64000, 33000, 30000, 60000, 15000, 6000)


def _png(data: bytes) -> ImageHeader:
    offset, header, transfer, primaries, non_square = 8, None, None, None, False
    while True:
        if offset + 8 > len(data):
            raise ImageTruncated
        length, kind = struct.unpack_from(">I4s", data, offset)
        if kind == b"IDAT":
            break
        if kind in _PNG_CHUNK_LENGTHS and length != _PNG_CHUNK_LENGTHS[kind]:
            raise ImageInvalid("Wrong chunk length.")
        body = data[offset + 8:offset + 8 + length]
        if len(body) < length:
            raise ImageTruncated
        if kind == b"IHDR":
            header = body
        elif kind == b"iCCP":
            transfer = primaries = "custom"
        elif kind == b"sRGB":
            transfer = primaries = "srgb"
        elif kind == b"gAMA" and transfer is None:
            gamma = struct.unpack(">I", body)[0]
            transfer = {45455: "srgb", 100000: "linear"}.get(gamma, "custom")
        elif kind == b"cHRM" and primaries is None:
            srgb = struct.unpack(">8I", body) == _SRGB_CHROMATICITIES
            primaries = "srgb" if srgb else "custom"
        elif kind == b"pHYs":
            x, y = struct.unpack_from(">II", body)
            non_square = x != y
        offset += 12 + length
    if header is None:
        raise ImageInvalid("PNG header not found.")
    width, height = struct.unpack_from(">II", header)
    custom = "custom" in (transfer, primaries)
    return ImageHeader("image/png", width, height, unusual=custom or non_square)


def _jpeg(data: bytes) -> ImageHeader:
    # Markers without a length field: TEM, RSTn, SOI, EOI and fill bytes.
    def has_segment(marker: int) -> bool:
        return not (marker in (0x01, 0xD8, 0xD9, 0xFF) or marker & 0xF8 == 0xD0)

    def is_frame(marker: int) -> bool:
        return (marker & 0xF0 == 0xC0 and marker not in (0xC4, 0xC8, 0xCC)) or marker == 0xDE

    if data[0] != 0xFF:
        raise ImageInvalid("Invalid start of file.")
    index = 1
    while index < len(data):
        marker = data[index]
        index += 1
        if not has_segment(marker):
            continue
        if index + 2 > len(data):
            raise ImageTruncated
        length = data[index] << 8 | data[index + 1]
        if length < 2:
            raise ImageInvalid("Invalid JPEG marker segment length.")
        body = data[index + 2:index + length]
        if is_frame(marker):
            if len(body) < length - 2 or len(body) < 6:
                raise ImageTruncated
            if body[5] not in (1, 3):
                raise ImageInvalid("Invalid number of JPEG color channels.")
            height, width = struct.unpack_from(">HH", body, 1)
            return ImageHeader("image/jpeg", width, height)
        index += length
    raise ImageTruncated


def _webp(data: bytes) -> ImageHeader:
    if len(data) < 25 or (len(data) < 30 and data[15] != 0x4C):
        raise ImageTruncated
    kind = data[12:16]
    if kind == b"VP8 ":
        width, height = (struct.unpack_from("<HH", data, 26) if len(data) >= 30 else (0, 0))
        return ImageHeader("image/webp", width & 0x3FFF, height & 0x3FFF)
    if kind == b"VP8L":
        width = 1 + (data[21] | (data[22] & 0x3F) << 8)
        height = 1 + (data[22] >> 6 | data[23] << 2 | (data[24] & 0xF) << 10)
        return ImageHeader("image/webp", width, height)
    if kind == b"VP8X":
        features = data[20]
        width = 1 + int.from_bytes(data[24:27], "little")
        height = 1 + int.from_bytes(data[27:30], "little")
        return ImageHeader("image/webp", width, height, unusual=bool(features & 0x22))
    raise ImageInvalid("Wrong WebP header.")
