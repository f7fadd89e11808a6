"""Outbound safety: which addresses the program may connect to.

Every request strikeledger makes (pages, feeds, robots.txt) goes through :class:`SafeBackend`,
the network backend of its HTTP client. It resolves the host itself, refuses loopback, private,
link-local, multicast, unspecified and reserved addresses (IPv4 and IPv6, an IPv4-mapped IPv6
address judged as the IPv4 it maps), and connects to the very address it checked, so a name
that resolves to a public address when checked and to a private one when connected (DNS
rebinding) cannot slip through. :func:`check_url` says the same earlier, naming the URL, for
the first URL and every redirect.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

import httpcore
from httpcore._backends.sync import SyncBackend

from ..errors import RefusedURL

SCHEMES = ("http", "https")

Resolver = Callable[[str, int], list[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6), as strings."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def address_refusal(address: str) -> str | None:
    """Why ``address`` may not be connected to, or None when it is a public address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "unspecified", "link_local", "multicast", "private", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return f"{kind.replace('_', '-')} address {ip}"
    if not ip.is_global:  # shared address space (100.64/10), other special-purpose ranges
        return f"non-public address {ip}"
    return None


def resolve_checked(host: str, port: int, allow_private: bool, resolver: Resolver) -> list[str]:
    """The addresses of ``host`` that may be connected to; ValueError naming the first refusal."""
    try:
        addresses = [host] if _is_ip(host) else resolver(host, port)
    except (OSError, UnicodeError) as exc:
        raise ValueError(f"host {host} cannot be resolved ({exc})") from exc
    if not addresses:
        raise ValueError(f"host {host} resolves to no address")
    if allow_private:
        return addresses
    refusals = [r for r in map(address_refusal, addresses) if r]
    if refusals:  # one bad address refuses the host: a round-robin must not reach inside
        raise ValueError(f"host {host} resolves to a {refusals[0]} (allow_private is off)")
    return addresses


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
        return True
    except ValueError:
        return False


def check_url(url: str, allow_private: bool, resolver: Resolver = system_resolver) -> None:
    """Raise :class:`RefusedURL` unless ``url`` is http(s) to a host that may be connected to."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise RefusedURL(url, f"not a valid URL ({exc})") from exc
    if parts.scheme.lower() not in SCHEMES:
        raise RefusedURL(
            url, f"only http and https URLs are fetched, not {parts.scheme or 'a relative URL'}"
        )
    if not parts.hostname:
        raise RefusedURL(url, "no host in the URL")
    try:
        resolve_checked(parts.hostname, port, allow_private, resolver)
    except ValueError as exc:
        raise RefusedURL(url, str(exc)) from exc


class SafeBackend(SyncBackend):
    """httpcore's socket backend, connecting only to addresses :func:`address_refusal` allows."""

    def __init__(self, allow_private: bool, resolver: Resolver = system_resolver):
        self.allow_private = allow_private
        self.resolver = resolver

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        """Resolve ``host``, check every address, connect to the first that answers."""
        try:
            addresses = resolve_checked(host, port, self.allow_private, self.resolver)
        except ValueError as exc:
            raise httpcore.ConnectError(f"refused: {exc}") from exc
        last: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectTimeout:
                raise
            except httpcore.ConnectError as exc:
                last = exc
        raise last or httpcore.ConnectError(f"cannot connect to {host}")
