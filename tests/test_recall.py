"""Shapes the scanner once missed on text it was not tuned on, each on a real quote.

Every text below is quoted verbatim from the public page named beside it (cut
before and after, never inside). Each test names the shape it covers.
"""

from __future__ import annotations

import pytest

import raserror
from raserror import ErrorCode


def codes(text: str) -> list[int]:
    return [int(finding.code) for finding in raserror.find_codes(text)]


RECALLED = [
    pytest.param(
        # github:tsunami416604/azure-docs.hu-hu:articles/vpn-gateway/vpn-gateway-troubleshoot-vpn-point-to-site-connection-problems.md@018c3133157e41c1e72b210f54f274d90d901a7d
        "Amikor a VPN-ügyféllel próbál csatlakozni egy Azure-beli virtuális hálózathoz, a következő hibaüzenet jelenik meg:\n\n"
        "**Nem található a bővíthető hitelesítési protokollal használható tanúsítvány. (798-es hiba)**",
        [798],
        id="Hungarian 798-es hiba, the number an adjective before the word",
    ),
    pytest.param(
        # https://github.com/LuckyC4t/pppoe-hijack-go/issues/1 (the body's fourth line)
        "然而并没有输出任何有关pppoe账号密码的信息，此外PC端报651的错误代码。。",
        [651],
        id="651的错误代码, the number made the error's by 的 before the word",
    ),
    pytest.param(
        # The source of tests/realworld/positive/1050 (an Always On VPN runbook, one line)
        "   Windows istemcinin yalnızca IPv4 talep etmesini sağlar. IPv4-only çalışan RRAS "
        "sunucusuna istemcinin çift yığın (`INTERNAL_IP6_ADDRESS` / IPv6CP) paketi gönderip "
        "tüneli Hata 628 ile düşürmesini kesin olarak engeller.",
        [628],
        id="Turkish Hata 628",
    ),
    pytest.param(
        # The source of tests/realworld/positive/1053 (a help desk's test fixture, two lines)
        '    title: "VPN konekcija",\n    body: "Greška 809 na Windows klijentu.",',
        [809],
        id="Bosnian Greška 809",
    ),
    pytest.param(
        # The source of tests/realworld/positive/1055 (a ticket service's sample, two lines)
        '            String subject = "Bruger kan ikke logge på VPN";\n'
        '            String body = "Hej, jeg kan ikke forbinde til VPN hjemmefra, får fejl 619. '
        'Host Down og jeg har en small error";',
        [619],
        id="Danish fejl 619",
    ),
    pytest.param(
        # https://github.com/hwdsl2/setup-ipsec-vpn/issues/1377 (a step, then its log's heading)
        '3. 連接時出現 "未知的錯誤" errcode 635\n'
        "\n"
        "**期待的正确结果**\n"
        "\n"
        "**日志**\n"
        "[检查日志及 VPN 状态](https://github.com/hwdsl2/setup-ipsec-vpn/blob/master/docs/clients-zh.md#检查日志及-vpn-状态)，并添加错误日志以帮助解释该问题（如果适用）。",
        [635],
        id="errcode 635 after a Traditional Chinese message",
    ),
    pytest.param(
        # https://www.phpkaifa.cn/zonghebaike/67997.html (its first sentence)
        "在宽带使用过程中,错误678是用户最常遇到的故障代码之一。",
        [678],
        id="错误678 after 宽带 (broadband) alone",
    ),
    pytest.param(
        # https://github.com/trailofbits/algo/issues/518 (the Actual behavior heading and line)
        "Confirm VPN connects good from Linux\n"
        "Move ps1 files and certs to Windows 10\n"
        "Execute as admin\n"
        "Attempt to connect\n"
        "\n"
        "### The way of deployment (cloud or local)\n"
        "Local deployed Azure\n"
        "\n"
        "### Expected behavior\n"
        "Good connection\n"
        "\n"
        "### Actual behavior\n"
        "Invalid Payload Received",
        [13843],
        id="13843's three-word message as a line of its own, near VPN",
    ),
    pytest.param(
        # https://github.com/hwdsl2/setup-ipsec-vpn/issues/593 (description)
        'I am trying to connect in Windows 10 via IKEv2 and it displays the error "Policy Match Error"',
        [13868],
        id="13868's three-word message in quote marks",
    ),
    pytest.param(
        # github:ZSCNetSupportDept/website:docs/wiki/08-故障/03-联通特定/index.md (its tip)
        "联通的拨号故障代码可能会乱跳，也就是多次拨号时，会任意出现错误代码，"
        "诸如629,619,691,651之类的故障之间随便乱跳",
        [629, 619, 691, 651],
        id="a list joined by commas alone after 错误代码，诸如 (error codes, such as)",
    ),
    pytest.param(
        # https://github.com/trailofbits/algo/issues/1688 (title and the description's fourth line)
        "# Policy match error on Windows 10 using Strongswan (IKEv2)\n"
        "\n"
        "I know setting up IKEv2 connection on Windows 10 is depreciated, but I have already "
        "deployed my VPN server and don't want extra software running on it.",
        [13868],
        id="13868's three-word message in a heading, among other words",
    ),
    pytest.param(
        # https://github.com/Sir-MmD/RTX-VPN/issues/27
        "ارور 720 میده\n"
        "با دستگاه میکروتیک هم این ارور ور میده\n"
        '"could not determine local ip address"\n'
        "فرقی هم نداره کانکشن l2tp یا ovpn  یا sstp",
        [720],
        id="Persian ارور (error) before 720, L2TP and SSTP lines below",
    ),
    pytest.param(
        # https://github.com/quericy/one-key-ikev2-vpn/issues/191 (title and description)
        "这个脚本在有些VPS上出现809错误",
        [809],
        id="809错误 in a post about a VPS",
    ),
    pytest.param(
        # https://github.com/quericy/one-key-ikev2-vpn/issues/191
        "下面这台机器以前win7是可以的，前两个月可能是VPS升级了服务器，然后WIN7就是809错误了，"
        "下面是服务器log。",
        [809],
        id="809错误 after a VPS",
    ),
    pytest.param(
        # https://github.com/hwdsl2/setup-ipsec-vpn/issues/1824
        "ios使用ikev2直接连接成功，但windows11在ikev2还是ltp2/ipsec模式下怎么都是809异常，"
        "相关处理方式已经全都尝试过了，所有该加的注册表也都加过了。",
        [809],
        id="809异常 with IKEv2 and IPsec",
    ),
    pytest.param(
        # https://error-daizenn.hatenablog.com/entry/2025/11/02/210828
        " 画面には「ブロードバンド接続に接続できません。モデムからエラーが返されました(エラー651)」と表示され、",
        [651],
        id="エラー651 in a broadband dialog",
    ),
    pytest.param(
        # https://github.com/quericy/one-key-ikev2-vpn/issues/190 (title)
        "IKE authentication credentials are unacceptable - Windows 10 Client",
        [13801],
        id="13801's message alone, no VPN word",
    ),
    pytest.param(
        # https://github.com/strongX509/docker/issues/12
        'I got error "IKE authentication credentials are unacceptable.  on Windows side.',
        [13801],
        id="13801's message quoted in a sentence",
    ),
    pytest.param(
        # http://h10025.www1.hp.com/ewfrf/wc/document?docname=bpb11742 (HP support, a table)
        "This document lists dial-up networking (DUN) and Remote Access Service (RAS) error "
        "codes, and provides a brief description of each code.\n"
        "| Error codes | Description |\n"
        "|---|---|\n"
        "| 628 | The port was disconnected. The modem's setting might have changed without "
        "restarting Windows. |\n",
        [628],
        id="a table of numbers and messages",
    ),
    pytest.param(
        # http://www.beswick.karoo.net/tech/kbase/errcodes/dun.htm
        " DIAL UP NETWORKING ERROR CODES \n\n608 THE DEVICE DOES NOT EXIST\n\n"
        "This could indicate a problem with hardware.\n",
        [608],
        id="a number and its message in capitals",
    ),
]


RECALLED += [
    pytest.param(
        # https://directaccess.richardhicks.com/tag/event-id-20227/
        "Always On VPN administrators will be familiar with error codes such as 809, 691 and "
        "812, 853, 858, and even 13801, 13806, and 13868.",
        [809, 691, 812, 853, 858, 13801, 13806, 13868],
        id="error codes such as a list, with 'and even'",
    ),
    pytest.param(
        # https://forum.html.it/forum/showthread.php?postid=8645606&threadid=910321&viewfull=1
        "cosa si intende per allineamento del modem? come faccio a sapere se è allineato?\n\n"
        "e cosa s'intende per errore 678......",
        [678],
        id="errore 678 in a question about a modem",
    ),
    pytest.param(
        # http://www.ki.rim.or.jp/~otoha/lalalaland/pc_emergency/explanation/a_n/a/win_a14.html
        "エラー676: 電話回線はビジーです。",
        [676],
        id="エラー676 about a telephone line",
    ),
    pytest.param(
        # http://www.firenet.co.uk/viewkbarticle.asp?id=26 (tests/realworld/positive/124)
        'Error 619 - 631:\n"The port was disconnected" The computer is telling you it is unable '
        "to locate your modem device.",
        [619, 631, 628],
        id="a range of codes after an error word",
    ),
    pytest.param(
        # The blog list of tests/realworld/positive/165, its HTML dash as the page has it.
        "800 &#8211; Unable to establish the VPN connection. The VPN server may be un-reachable, "
        "or security parameters may not be configured properly for this connection.\n\n"
        "801 &#8211; This connection is configured to validate the identity of the access "
        "server, but Windows cannot verify the digital certificate sent by the server.\n\n"
        "ERROR CODES 802 &#8211; 827 ARE NEW TO WINDOWS VISTA\n",
        [800, 801, 802, 827],
        id="a range after a plural error word, with an HTML dash",
    ),
    pytest.param(
        # https://learn.microsoft.com/ru-ru/windows/win32/Debug/system-error-codes--12000-15999-
        # (tests/realworld/positive/192): Microsoft's list flattened, a symbol above its number.
        "ERROR_IPSEC_QM_POLICY_EXISTS\n-\n-\n13000 (0x32C8)\n-\n"
        "Указанная политика быстрого режима уже существует.\n",
        [13000],
        id="a symbol three lines above its number",
    ),
    pytest.param(
        # github:gerryw1389/gerryw1389.github.io:_posts/2016-05-22-troubleshooting-vpns.md
        # (tests/realworld/positive/197): the message after the list is the first code's.
        "8. VPN Errors 812, 732 and 734  \n&#8220;The connection was prevented because of a "
        "policy configured on your RAS/VPN server&#8221; = On Windows VPNs, the user attempting "
        "to authenticate a connection may have insufficient access rights.",
        [812, 732, 734],
        id="a list, then the message of one of its codes",
    ),
    pytest.param(
        # https://www.mail-archive.com/accessindia@accessindia.org.in/msg86702.html
        # (tests/realworld/positive/1122): no Remote Access word anywhere near.
        "Error messagesYou may receive one or more of the following errors when you use \n"
        "Network Connections. \n\n600 An operation is pending.\n\n"
        "601 An invalid port handle was detected.\n\n602 The specified port is already open.\n",
        [600, 601, 602],
        id="a list of codes, each leading its own message, with no context",
    ),
    pytest.param(
        # http://www.cryer.co.uk/brian/windows/trbl_w2k_tcpre733.htm (positive/1139), the typo
        # kept: Windows 2000 wrote 732's words after the number.
        "TCP/IP CP reported error 733: Your computer and the remove computer could not agree "
        "on PPP control protocols",
        [733],
        id="a PPP control protocol's report, another code's words after it",
    ),
    pytest.param(
        # github:Senkeller/PandoraBox-k2-netkeeper:README.md (tests/realworld/positive/1183), step 3
        "3.用网线把路由器的wan口，连接上光猫的lan口，电脑中打开学校的沃派客户端，登陆出现“正在身份验证” "
        "“核对账号密码” 最后出现错误代码691 此时尝试打卡网页，若正常上网就可以",
        [691],
        id="错误代码691 beside 光猫 (a fiber modem) alone",
    ),
]


@pytest.mark.parametrize(("text", "expected"), RECALLED)
def test_a_shape_once_missed_is_read(text: str, expected: list[int]) -> None:
    assert codes(text) == expected


def test_two_codes_whose_messages_begin_alike_are_both_candidates() -> None:
    # https://www.purevpn.com/blog/how-to-fix-vpn-error-809-on-windows: the quote stops
    # where the messages of 808, 809 and 811 part, so any of them may have been meant.
    quoted = (
        "The network connection between your computer and the VPN server could not be established"
    )
    assert raserror.from_message(quoted) is None
    assert raserror.from_message(quoted, every=True) == [808, 809, 811]
    # Windows' own first sentence of 809, which 811's message begins with too.
    sentence = ErrorCode(809).windows_message.split(". ")[0]
    assert sentence == ErrorCode(811).windows_message.split(". ")[0]
    assert raserror.from_message(sentence) is None
    assert raserror.from_message(sentence, every=True) == [809, 811]
    # Where the quote goes on into one of them, that one alone.
    assert raserror.from_message(ErrorCode(811).windows_message, every=True) == [ErrorCode(811)]
    assert raserror.from_message("connection failed", every=True) == []
