"""What a Windows Remote Access (dial-up and VPN) error code means.

>>> import raserror
>>> code = raserror.lookup(691)
>>> code.symbol
'ERROR_AUTHENTICATION_FAILURE'
>>> code.category
<Category.AUTHENTICATION: 'authentication'>
>>> code.transient
False
"""

from raserror._category import Category
from raserror._codes import ErrorCode
from raserror._lookup import UnknownErrorCode, describe, get, lookup, search

__all__ = [
    "Category",
    "ErrorCode",
    "UnknownErrorCode",
    "__version__",
    "describe",
    "get",
    "lookup",
    "search",
]

__version__ = "0.1.0"
