"""The closed list of categories that every Remote Access error code falls into."""

from __future__ import annotations

from enum import Enum

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing_extensions import Self

    from raserror._codes import ErrorCode

# Built on first use of Category.codes: importing _codes here would be circular.
_codes_by_category: dict[Category, tuple[ErrorCode, ...]] | None = None


class Category(Enum):
    """What part of a dial-up or VPN connection an error code is about.

    The value is the lower-case word used in the data table and in JSON;
    ``description`` says in one line what the category covers.
    """

    _value_: str
    description: str

    def __new__(cls, value: str, description: str = "") -> Self:
        member = object.__new__(cls)
        member._value_ = value
        member.description = description
        return member

    API = (
        "api",
        "RAS API misuse and internal state: handles, buffers, structure sizes, pending requests",
    )
    DEVICE = (
        "device",
        "the modem, port or other connecting device: hardware, device.INF, media.INI, TAPI",
    )
    LINE = "line", "telephone, ISDN and X.25 line conditions"
    PHONEBOOK = "phonebook", "phone-book files and entries, phone and callback numbers"
    AUTHENTICATION = (
        "authentication",
        "credentials and account restrictions, of the local or the remote peer",
    )
    CERTIFICATE = "certificate", "certificates, smart cards, EAP and PEAP"
    ENCRYPTION = "encryption", "data-encryption requirements"
    PPP = "ppp", "PPP link and control-protocol negotiation"
    NETWORK = (
        "network",
        "IP, IPX, NetBIOS, adapters, address assignment and name resolution",
    )
    VPN = (
        "vpn",
        "tunnels (PPTP, L2TP/IPsec, SSTP, IKEv2), reachability of the VPN server, VPN plug-ins",
    )
    CONNECTION = "connection", "the call was dropped, refused, timed out or ended"
    SHARING = "sharing", "Internet Connection Sharing and the firewall"
    RADIUS = "radius", "RADIUS servers and attributes"
    POLICY = "policy", "remote-access and NAP policy, time and port limits"
    ROUTER = "router", "the RRAS router and its demand-dial interfaces"
    SERVICE = "service", "Remote Access services and system resources"

    def __str__(self) -> str:
        return self._value_

    def __format__(self, format_spec: str) -> str:
        return format(self._value_, format_spec)

    @property
    def codes(self) -> tuple[ErrorCode, ...]:
        """Every error code of this category, in numeric order."""
        global _codes_by_category  # noqa: PLW0603 - a cache, rebound once as a whole
        if _codes_by_category is None:
            from raserror._codes import ErrorCode

            _codes_by_category = {
                category: tuple(code for code in ErrorCode if code.category is category)
                for category in Category
            }
        return _codes_by_category[self]
