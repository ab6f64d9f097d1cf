"""Where the server may connect out (webhook deliveries, assetImport fetches): an http(s) URL
whose every address is public, unless the operator allows private ones. Callers check before
each connection and connect to the address checked, so a name that later resolves somewhere
private (DNS rebinding) is refused then too."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from app.errors import InvalidInput

MAX_URL_LENGTH = 2048
_DEFAULT_PORTS = {"http": 80, "https": 443}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Target:
    """A checked URL, split into what a pinned connection needs."""

    scheme: str
    host: str  # a name, or an address without brackets
    port: int
    path: str  # path and query, never empty

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == _DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"

    def url_for(self, address: str) -> str:
        """The URL with its host replaced by `address`, so the connection goes where we
        checked, not wherever a second lookup would lead."""
        host = f"[{address}]" if ":" in address else address
        return f"{self.scheme}://{host}:{self.port}{self.path}"


def _refuse(message: str) -> InvalidInput:
    return InvalidInput(message, field=["url"])


def parse_target(url: str, purpose: str) -> Target:
    """INVALID_INPUT unless `url` is an absolute http(s) URL with a host and no credentials;
    `purpose` names the URL in messages ("webhook", "import")."""
    if len(url) > MAX_URL_LENGTH:
        raise _refuse(f"the URL is longer than {MAX_URL_LENGTH} characters")
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise _refuse(f"the URL is not valid: {exc}") from exc
    if parts.scheme not in _DEFAULT_PORTS:
        raise _refuse(f"{purpose} URLs must be http or https")
    if not parts.hostname:
        raise _refuse("the URL has no host")
    if parts.username is not None or parts.password is not None:
        raise _refuse("the URL must not carry credentials")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(parts.scheme, parts.hostname.lower(), port or _DEFAULT_PORTS[parts.scheme],
                  path)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one stands for (mapped, 6to4 or NAT64), if any."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def refusal(address: IPAddress, *, allow_private: bool, allow_setting: str) -> str | None:
    """Why a connection must not go to `address`, or None when it may; `allow_setting` names
    the setting that would allow a private address."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return refusal(embedded, allow_private=allow_private, allow_setting=allow_setting)
    if address.is_multicast or address.is_unspecified:
        return f"{address} is a multicast or unspecified address"
    if not address.is_global and not allow_private:
        return (f"{address} is a private, loopback or link-local address "
                f"(set {allow_setting}=true to allow it)")
    return None


async def resolve_allowed(target: Target, *, purpose: str, allow_private: bool,
                          allow_setting: str) -> list[str]:
    """Every address `target`'s host resolves to, when all of them are allowed; INVALID_INPUT
    if the name does not resolve or any address is refused (one private answer among public
    ones is how a rebinding attack hides)."""
    loop = asyncio.get_running_loop()
    try:
        found = await loop.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise _refuse(f"{target.host} does not resolve") from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in found))
    for text in addresses:
        reason = refusal(ipaddress.ip_address(text.split("%", 1)[0]),
                         allow_private=allow_private, allow_setting=allow_setting)
        if reason is not None:
            raise _refuse(f"{purpose} URLs must not point at {reason}")
    if not addresses:
        raise _refuse(f"{target.host} does not resolve")
    return addresses
