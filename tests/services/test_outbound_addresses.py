"""Outbound address checks (webhook deliveries, imports): only http(s) URLs reaching public
addresses, however the address is spelt, unless private ones are allowed."""

from __future__ import annotations

import ipaddress

import pytest

from app.errors import ErrorCode, InvalidInput
from app.services.outbound import MAX_URL_LENGTH, IPAddress, parse_target, refusal
from app.services.webhooks.targets import allowed_addresses, webhook_target

SETTING = "ATELIER_WEBHOOK_ALLOW_PRIVATE"


def refused(address: IPAddress, *, allow_private: bool) -> str | None:
    return refusal(address, allow_private=allow_private, allow_setting=SETTING)


@pytest.mark.parametrize("url", [
    "ftp://example.com/hook", "file:///etc/passwd", "gopher://example.com/", "http://",
    "example.com/hook", "http://user:pass@example.com/hook", "http://example.com:99999/",
    "http://" + "a" * MAX_URL_LENGTH + ".com/",
])
def test_urls_that_are_not_plain_http_are_refused(url: str) -> None:
    with pytest.raises(InvalidInput) as refusing:
        parse_target(url, "import")
    assert refusing.value.code is ErrorCode.INVALID_INPUT
    assert refusing.value.field == ["url"]


def test_a_target_keeps_host_port_and_path_for_a_pinned_connection() -> None:
    target = webhook_target("https://Hooks.Example.com/in?x=1#frag")
    assert (target.scheme, target.host, target.port, target.path) == (
        "https", "hooks.example.com", 443, "/in?x=1")
    assert target.host_header == "hooks.example.com"
    assert target.url_for("2606:4700::1111") == "https://[2606:4700::1111]:443/in?x=1"
    assert webhook_target("http://[::1]:8080").host_header == "[::1]:8080"


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:169.254.169.254", "2002:7f00:1::", "64:ff9b::a00:1",
])
def test_private_loopback_link_local_and_multicast_addresses_are_refused(address: str) -> None:
    assert refused(ipaddress.ip_address(address), allow_private=False) is not None


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2606:4700::1111"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert refused(ipaddress.ip_address(address), allow_private=False) is None


def test_the_setting_allows_private_addresses_but_never_multicast_or_unspecified() -> None:
    for allowed in ("127.0.0.1", "10.0.0.1", "::1", "::ffff:192.168.0.1"):
        assert refused(ipaddress.ip_address(allowed), allow_private=True) is None
    for never in ("224.0.0.1", "0.0.0.0", "ff02::1", "::"):
        assert refused(ipaddress.ip_address(never), allow_private=True) is not None


@pytest.mark.parametrize("url", [
    "http://localhost:8080/hook", "http://127.0.0.1/", "http://[::1]/",
    "http://0x7f000001/", "http://2130706433/", "http://127.1/", "http://[::ffff:7f00:1]/",
])
async def test_names_and_odd_spellings_of_loopback_are_refused_after_resolving(url: str) -> None:
    with pytest.raises(InvalidInput) as refusing:
        await allowed_addresses(webhook_target(url), allow_private=False)
    assert refusing.value.message.startswith("webhook URLs must not point at ")
    assert SETTING in refusing.value.message


async def test_loopback_resolves_when_private_addresses_are_allowed() -> None:
    target = webhook_target("http://127.0.0.1:9/hook")
    assert await allowed_addresses(target, allow_private=True) == ["127.0.0.1"]
