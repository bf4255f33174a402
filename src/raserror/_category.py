"""The closed list of categories that every Remote Access error code falls into."""

from __future__ import annotations

from enum import Enum

TYPE_CHECKING = False
if TYPE_CHECKING:
    from raserror._codes import ErrorCode

# Built on first use of Category.codes: importing _codes here would be circular.
_codes_by_category: dict[Category, tuple[ErrorCode, ...]] | None = None


class Category(Enum):
    """What part of a dial-up or VPN connection an error code is about.

    The value is the lower-case word used in the data table and in JSON;
    ``description`` says in one line what the category covers.
    """

    # Set below the class for every member; declared here for type checkers.
    _value_: str
    description: str

    API = "api"
    DEVICE = "device"
    LINE = "line"
    PHONEBOOK = "phonebook"
    AUTHENTICATION = "authentication"
    CERTIFICATE = "certificate"
    ENCRYPTION = "encryption"
    PPP = "ppp"
    NETWORK = "network"
    VPN = "vpn"
    CONNECTION = "connection"
    SHARING = "sharing"
    RADIUS = "radius"
    POLICY = "policy"
    ROUTER = "router"
    SERVICE = "service"

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


def _describe() -> None:
    descriptions = {
        Category.API: "RAS API misuse and internal state: handles, buffers, structure sizes, "
        "pending requests",
        Category.DEVICE: "the modem, port or other connecting device: hardware, device.INF, "
        "media.INI, TAPI",
        Category.LINE: "telephone, ISDN and X.25 line conditions",
        Category.PHONEBOOK: "phone-book files and entries, phone and callback numbers",
        Category.AUTHENTICATION: "credentials and account restrictions, of the local or the "
        "remote peer",
        Category.CERTIFICATE: "certificates, smart cards, EAP and PEAP",
        Category.ENCRYPTION: "data-encryption requirements",
        Category.PPP: "PPP link and control-protocol negotiation",
        Category.NETWORK: "IP, IPX, NetBIOS, adapters, address assignment and name resolution",
        Category.VPN: "tunnels (PPTP, L2TP/IPsec, SSTP, IKEv2), reachability of the VPN server, "
        "VPN plug-ins",
        Category.CONNECTION: "the call was dropped, refused, timed out or ended",
        Category.SHARING: "Internet Connection Sharing and the firewall",
        Category.RADIUS: "RADIUS servers and attributes",
        Category.POLICY: "remote-access and NAP policy, time and port limits",
        Category.ROUTER: "the RRAS router and its demand-dial interfaces",
        Category.SERVICE: "Remote Access services and system resources",
    }
    for category, description in descriptions.items():
        category.description = description


_describe()
