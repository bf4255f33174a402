"""A switch on a Remote Access status: its arms' numbers are codes, and no other switch's are."""

from __future__ import annotations

import re
import typing

import pytest
from _repo import REALWORLD, snippet_text
from hypothesis import given
from hypothesis import strategies as st

import raserror._stream
from raserror import find_codes, scan_lines


def codes(text: str) -> list[int]:
    return [int(finding.code) for finding in find_codes(text)]


# Composed: RasDial's result switched on, its arms stacked and described in the program's words.
SET_FROM_RASDIAL = """\
    DWORD ret = RasDialW(NULL, NULL, &params, 0, NULL, &conn);
    if (ret != ERROR_SUCCESS)
    {
        switch (ret)
        {
        case 691:
            return L"wrong user or password";
        case 800: case 807: case 809:
            return L"the server did not answer";
        case 1062:
            return L"a service is not running";
        }
    }
"""


def test_a_switch_on_what_rasdial_returned_gives_its_arms_codes() -> None:
    assert codes(SET_FROM_RASDIAL) == [691, 800, 807, 809]  # 1062 is no Remote Access code


def test_a_switch_on_what_another_call_returned_gives_nothing() -> None:
    # Composed: the same switch, its subject set from the registry after the dial.
    text = SET_FROM_RASDIAL.replace(
        "    if (ret != ERROR_SUCCESS)",
        '    ret = RegOpenKeyExW(HKEY_CURRENT_USER, L"Software", 0, KEY_READ, &key);\n'
        "    if (ret != ERROR_SUCCESS)",
    )
    assert codes(text) == []


# Composed: the subject is a parameter; the program asks Windows for its message after.
DESCRIBED = """\
QString describe(quint32 code)
{
    QString meaning;
    switch (code)
    {
        case 691: meaning = "Sai mật khẩu."; break;
        case 800:
        case 807:
        case 809:
        case 868:
            meaning = "Không liên lạc được với máy chủ.";
            break;
        case 787:
        case 788:
        case 789:
            meaning = "Bắt tay bảo mật thất bại.";
            break;
        case 13801:
        case 13806:
            meaning = "Chứng chỉ không hợp lệ.";
            break;
        default: meaning = "?"; break;
    }
    wchar_t buffer[512] = {};
    if (RasGetErrorStringW(code, buffer, 512) == ERROR_SUCCESS)
        meaning += QString::fromWCharArray(buffer);
    return meaning;
}
"""


def test_a_switch_on_a_status_given_to_rasgeterrorstring_below_it_is_read() -> None:
    assert codes(DESCRIBED) == [691, 800, 807, 809, 868, 787, 788, 789, 13801, 13806]
    # Asked about another value, Windows' message tells nothing of this switch's subject.
    assert codes(DESCRIBED.replace("RasGetErrorStringW(code", "RasGetErrorStringW(last")) == []


@pytest.mark.parametrize("offset", range(0, 60, 7))
def test_a_switch_cut_by_a_chunk_boundary_is_read_as_find_codes_reads_it(
    offset: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(raserror._stream, "CHUNK_LINES", 60)
    # Lines as wide as a program's may be: the chunk holds lines back by their count.
    program = [line.ljust(200) + "\n" for line in DESCRIBED.splitlines()]
    filler = ["// " + "x" * 200 + "\n"]
    lines = filler * (60 - offset) + program * 3 + filler * 60
    whole = find_codes("".join(lines))
    assert len(whole) == 3 * 10
    assert [(f.code, f.line) for f in scan_lines(lines)] == [(f.code, f.line) for f in whole]


@pytest.mark.parametrize(
    ("between", "expected"),
    [
        ("", [691, 868]),
        ("ping -n 1 vpn.example.com\n", []),  # the status switched on is ping's
    ],
)
def test_a_powershell_switch_on_lastexitcode_reads_rasdials_status_only(
    between: str, expected: list[int]
) -> None:
    # Composed: PowerShell's switch, its arms blocks after their numbers.
    text = (
        'rasdial "Office VPN" $user $password\n'
        + between
        + "switch ($LASTEXITCODE) {\n"
        + '    0 { "connected" }\n'
        + '    691 { "check the password" }\n'
        + '    868 { "check the server name" }\n'
        + "}\n"
    )
    assert codes(text) == expected


def test_a_switch_on_a_process_exit_code_counts_where_that_process_ran_rasdial() -> None:
    # Composed after a real C# client's shape: cmd.exe runs rasdial, its exit code switched on.
    text = """\
var process = new Process();
process.StartInfo.FileName = "cmd.exe";
process.StartInfo.Arguments = "/c rasdial Office user secret";
process.Start();
process.WaitForExit();
switch (process.ExitCode)
{
    case 0:
        break;
    case 691:
        Log("bad credentials");
        break;
}
"""
    assert codes(text) == [691]
    # The same object given another command after: the status is that command's.
    later = text.replace(
        "process.Start();",
        'process.StartInfo.Arguments = "/c ping vpn.example.com";\nprocess.Start();',
    )
    assert codes(later) == []


def test_a_switch_inside_an_arm_switches_on_something_else() -> None:
    # Composed: a window message switched on inside an arm of RasDial's result.
    text = """\
    ret = RasDial(NULL, NULL, &params, 0, NULL, &conn);
    switch (ret)
    {
    case 691:
        switch (uMsg)
        {
        case 800:
            break;
        }
    case 868:
        break;
    }
"""
    assert codes(text) == [691]


def test_a_switch_on_a_window_message_beside_rasdial_gives_nothing() -> None:
    # Composed: a dialer's window procedure; its messages are numbers in the same range.
    text = """\
    ret = RasDial(NULL, NULL, &params, 0, NULL, &conn);
    switch (uMsg)
    {
    case 700:
        OnDial();
        break;
    case 800:
        OnHangUp();
        break;
    }
"""
    assert codes(text) == []


def test_a_ranges_arm_is_no_code() -> None:
    # Composed: VB's Select Case, a range of labels and one label.
    text = """\
    dwErr = RasDial(ByVal 0&, vbNullString, params, 0&, 0&, hConn)
    Select Case dwErr
        Case 600 To 699
            MsgBox "dial-up error"
        Case 691
            MsgBox "wrong password"
    End Select
"""
    assert codes(text) == [691]


_LINES = st.sampled_from(
    [
        # Composed lines of a program: a dial, a switch's head and arms, its end, others.
        "    ret = RasDial(NULL, NULL, &params, 0, NULL, &conn);",
        "    RasGetErrorString(ret, buffer, 256);",
        "    switch (ret)",
        "    switch (uMsg)",
        "    {",
        "    }",
        "    case 691:",
        "    case 800: case 809:",
        "    case 1062:",
        "        break;",
        "        ret = Other();",
        "",
    ]
)


@given(st.lists(_LINES, max_size=80), st.integers(min_value=0, max_value=30))
def test_a_switch_reads_only_its_labels_and_streams_alike(lines: list[str], cut: int) -> None:
    text = "\n".join(lines) + "\n"
    whole = find_codes(text)
    for finding in whole:
        assert re.match(r" *case ", lines[finding.line - 1]), lines[finding.line - 1]
    streamed = _streamed([line + "\n" for line in lines], 60 + cut)
    assert [(f.code, f.line) for f in streamed] == [(f.code, f.line) for f in whole]


def _streamed(lines: list[str], chunk_lines: int) -> list[raserror.Finding]:
    saved = raserror._stream.CHUNK_LINES
    raserror._stream.CHUNK_LINES = chunk_lines
    try:
        return list(scan_lines(lines))
    finally:
        raserror._stream.CHUNK_LINES = saved


def test_switches_on_one_line_are_each_read_to_the_next_not_to_the_lines_end(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Composed (a review's probe, once quadratic): switch after switch on one long line.
    import raserror._switches

    real = raserror._switches.LABELS
    read: list[int] = []

    class Counting:
        def finditer(self, text: str, start: int, end: int) -> typing.Iterator[re.Match[str]]:
            read.append(end - start)
            return real.finditer(text, start, end)

    monkeypatch.setattr(raserror._switches, "LABELS", Counting())
    for copies in (1000, 4000):
        text = "ret = RasDial(NULL, NULL, &params, 0, NULL, &conn);\n"
        text += "switch (ret) { case 691: " * copies
        # Those whose head stands within reach of the dial, 1,500 characters.
        assert 50 <= len(find_codes(text)) <= 70
        assert sum(read) <= 2 * len(text), (copies, sum(read))
        read.clear()


# Composed (a review's probes): a status the program does not show, or labels that are no arms.
REVIEWED = {
    "reassigned": (
        '    DWORD err = RasDial(NULL, NULL, &params, 0, NULL, &hConn);\n    if (err != ERROR_SUCCESS) {\n        RasGetErrorString(err, msg, 256);\n        Log(msg);\n        return;\n    }\n    err = QueryLicenseServer(server);\n    switch (err)\n    {\n    case 700: Log("licence expired"); break;\n    case 800: Log("too many seats"); break;\n    }\n',
        [],
    ),
    "other_function_told": (
        'static void ShowRasError(DWORD err)\n{\n    TCHAR msg[256];\n    RasGetErrorString(err, msg, 256);\n    MessageBox(NULL, msg, _T("VPN"), MB_OK);\n}\n\nstatic const char *LicenceText(int err)\n{\n    switch (err)\n    {\n    case 700: return "licence expired";\n    case 800: return "too many seats";\n    }\n    return "unknown";\n}\n',
        [],
    ),
    "other_function_set": (
        'static DWORD Dial(RASDIALPARAMS *params, HRASCONN *conn)\n{\n    DWORD ret = RasDial(NULL, NULL, params, 0, NULL, conn);\n    return ret;\n}\n\nstatic const char *LicenceText(int ret)\n{\n    switch (ret)\n    {\n    case 700: return "licence expired";\n    case 800: return "too many seats";\n    }\n    return "unknown";\n}\n',
        [],
    ),
    "commented_setting": (
        '    ret = QueryLicenseServer(server);\n    // ret = RasDial(NULL, NULL, &params, 0, NULL, &hConn);\n    switch (ret)\n    {\n    case 700: Log("licence expired"); break;\n    case 800: Log("too many seats"); break;\n    }\n',
        [],
    ),
    "oneline_then_unrecognised_head": (
        '    DWORD ret = RasDial(NULL, NULL, &params, 0, NULL, &hConn);\n    switch (ret) { case 0: return TRUE; default: break; }\n    switch (QueryLicenseServer(server)) {\n    case 700: Log("licence expired"); break;\n    case 800: Log("too many seats"); break;\n    }\n',
        [],
    ),
    "closing_not_at_line_start": (
        '    DWORD ret = RasDial(NULL, NULL, &params, 0, NULL, &hConn);\n    switch (ret) {\n        case 0: return TRUE;\n        default: Log("dial failed"); break; }\n    switch (QueryLicenseServer(server)) {\n        case 700: Log("licence expired"); break;\n        case 800: Log("too many seats"); break;\n    }\n',
        [],
    ),
    "comment_in_case": (
        "    ret = RasDial(NULL, NULL, &params, 0, NULL, &hConn);\n    switch (ret)\n    {\n    case 0:\n        break;\n    default:\n        // the licence server answers 700 in this case 700\n        break;\n    }\n",
        [],
    ),
    "string_case": (
        '    ret = RasDial(NULL, NULL, &params, 0, NULL, &hConn);\n    switch (ret)\n    {\n    case 0:\n        break;\n    default:\n        Log("no handler for case 1062: or case 700: yet");\n        break;\n    }\n',
        [],
    ),
    "process_reuse": (
        'var p = new Process();\np.StartInfo.FileName = "rasdial.exe";\np.StartInfo.Arguments = "Office user secret";\np.Start();\np.WaitForExit();\np.StartInfo.FileName = licenceTool;\np.StartInfo.Arguments = server;\np.Start();\np.WaitForExit();\nswitch (p.ExitCode)\n{\n    case 700: Log("licence expired"); break;\n}\n',
        [],
    ),
    "process_reuse2": (
        'var p = new Process();\np.StartInfo.FileName = "cmd.exe";\np.StartInfo.Arguments = "/c rasdial Office user secret";\np.Start();\np.WaitForExit();\np.StartInfo.Arguments = licenceArgs;\np.Start();\np.WaitForExit();\nswitch (p.ExitCode)\n{\n    case 700: Log("licence expired"); break;\n}\n',
        [],
    ),
    "vb_case_is": (
        '    dwErr = RasDial(ByVal 0&, vbNullString, params, 0&, 0&, hConn)\n    Select Case dwErr\n        Case Is >= 600\n            MsgBox "dial-up error"\n        Case 691 \' wrong password\n            MsgBox "wrong password"\n    End Select\n',
        [691],
    ),
    "prose": (
        "I call ret = RasDial(...) and then switch (ret) { ... } on it.\nIn case 691: the password is wrong. In case 1062 nothing happens.\n",
        [],
    ),
}


@pytest.mark.parametrize("name", sorted(REVIEWED))
def test_only_the_arms_of_a_switch_on_a_status_shown_are_read(name: str) -> None:
    text, expected = REVIEWED[name]
    assert codes(text) == expected


# Composed (a second review's probes): writes the first missed, and layouts read since.
REVIEWED_AGAIN = {
    # Composed after a real dialer's write that a hunt of RAS programs found tested with an if,
    # `m_RasMessage = RegisterWindowMessage(RASDIALEVENT)`: a name that begins as rasdial does
    # is no dial.
    "window_message_registered": (
        (
            "uRasMsg = RegisterWindowMessage(RASDIALEVENT);\n"
            "switch (uRasMsg) {\ncase 720: break;\ncase 800: break;\n}\n"
        ),
        [],
    ),
    "out_parameter": (
        'BOOL Connect(HWND hwnd)\n{\n    DWORD ret = RasDial(NULL, NULL, &params, 0, NULL, &hConn);\n    if (ret != ERROR_SUCCESS)\n        return FALSE;\n    STARTUPINFO si = { sizeof(si) };\n    PROCESS_INFORMATION pi;\n    CreateProcess(NULL, L"updater.exe /check", NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi);\n    WaitForSingleObject(pi.hProcess, INFINITE);\n    GetExitCodeProcess(pi.hProcess, &ret);\n    switch (ret)\n    {\n    case 800:\n        MessageBox(hwnd, L"No newer version", L"Update", MB_OK);\n        break;\n    case 801:\n        break;\n    }\n    return TRUE;\n}\n',
        [],
    ),
    "registry_out_parameter": (
        'BOOL Connect(void)\n{\n    DWORD err = RasDial(NULL, NULL, &params, 0, NULL, &hConn);\n    if (err != ERROR_SUCCESS)\n        return FALSE;\n    DWORD size = sizeof(err);\n    RegGetValueW(HKEY_CURRENT_USER, L"Software\\\\Tool", L"LastHttpStatus", RRF_RT_DWORD, NULL, &err, &size);\n    switch (err)\n    {\n    case 200:\n        break;\n    case 404:\n    case 800:\n        Log(L"mirror missing");\n        break;\n    }\n    return TRUE;\n}\n',
        [],
    ),
    "process_set_again": (
        '            var proc = new Process();\n            proc.StartInfo.FileName = "rasdial.exe";\n            proc.StartInfo.Arguments = $"\\"{entry}\\" {user} {password}";\n            proc.Start();\n            proc.WaitForExit();\n            // now install the route helper service\n            proc = Process.Start("sc.exe", "start RouteHelper");\n            proc.WaitForExit();\n            switch (proc.ExitCode)\n            {\n                case 0: break;\n                case 740:\n                    Log("sc.exe must run as administrator");\n                    break;\n                case 1056:\n                    break;\n            }\n',
        [],
    ),
    "vb_parameter_of_another_function": (
        'Private Function RasErrorText(ByVal lErr As Long) As String\n    Dim sBuf As String * 512\n    If RasGetErrorString(lErr, sBuf, 512) = 0 Then\n        RasErrorText = Left$(sBuf, InStr(sBuf, vbNullChar) - 1)\n    End If\nEnd Function\n\nPrivate Function FileErrorText(ByVal lErr As Long) As String\n    Select Case lErr\n        Case 53: FileErrorText = "File not found"\n        Case 70: FileErrorText = "Permission denied"\n        Case 735: FileErrorText = "Can\'t save file to TEMP"\n        Case 744: FileErrorText = "Search text not found"\n    End Select\nEnd Function\n',
        [],
    ),
    "exception_object_declared_again": (
        '        static string Describe(Win32Exception ex)\n        {\n            var sb = new StringBuilder(512);\n            RasGetErrorString(ex.NativeErrorCode, sb, sb.Capacity);\n            return sb.ToString();\n        }\n\n        static void RunElevated(string exe)\n        {\n            try { Process.Start(new ProcessStartInfo(exe) { Verb = "runas" }); }\n            catch (Win32Exception ex)\n            {\n                switch (ex.NativeErrorCode)\n                {\n                    case 740: Log("The tool must run as administrator"); break;\n                    case 1223: Log("The user cancelled the UAC prompt"); break;\n                }\n            }\n        }\n',
        [],
    ),
    "return_reads_the_status": (
        '    DWORD dwErr = RasDial(NULL, NULL, &rdp, 0, NULL, &hConn);\n    if (dwErr == ERROR_SUCCESS)\n        return dwErr;\n    switch (dwErr)\n    {\n    case 691: ShowError(L"Wrong password"); break;\n    case 678: ShowError(L"No answer"); break;\n    }\n',
        [691, 678],
    ),
    "vb_dim_as": (
        '    Private Sub btnConnect_Click(sender As Object, e As EventArgs) Handles btnConnect.Click\n        Dim params As New RASDIALPARAMS\n        params.dwSize = Marshal.SizeOf(params)\n        params.szEntryName = "VPN"\n        Dim ret As Integer = RasDial(IntPtr.Zero, Nothing, params, 0, IntPtr.Zero, hConn)\n        Select Case ret\n            Case 0\n                lblStatus.Text = "Connected"\n            Case 691\n                lblStatus.Text = "Wrong user name or password"\n            Case 800, 809\n                lblStatus.Text = "Server not reachable"\n        End Select\n    End Sub\n',
        [691, 800, 809],
    ),
    "process_started_with_rasdial": (
        '            var p = Process.Start("rasdial.exe", $"\\"{entry}\\" {user} {password}");\n            p.WaitForExit();\n            switch (p.ExitCode)\n            {\n                case 0:\n                    return "Connected";\n                case 691:\n                    return "Wrong user name or password";\n                case 868:\n                    return "Server name not resolved";\n            }\n',
        [691, 868],
    ),
}


@pytest.mark.parametrize("name", sorted(REVIEWED_AGAIN))
def test_a_status_written_again_is_no_status_and_common_layouts_are_read(name: str) -> None:
    text, expected = REVIEWED_AGAIN[name]
    assert codes(text) == expected


@pytest.mark.parametrize(
    "command",
    ["rasdial VPN $user $password", 'rasdial "VPN" $u $p | Out-Null', "rasdial VPN | out-null"],
)
def test_powershell_reads_rasdials_status_through_a_pipe_into_a_cmdlet(command: str) -> None:
    # Composed: Out-Null is a cmdlet; $LASTEXITCODE stays the native command's.
    text = command + "\nswitch ($LASTEXITCODE) {\n    691 { 'password' }\n}\n"
    assert codes(text) == [691]
    # Composed: batch's errorlevel after a pipe into findstr is findstr's.
    assert codes("rasdial VPN u p | findstr /i error\nif %errorlevel% == 691 echo bad\n") == []


# -- A table named for Remote Access errors ---------------------------------------------------

TABLE_374 = snippet_text(
    REALWORLD / "positive" / "374-hit-pppoe-dial-ps1-zh-raserrors-hashtable-623-to-734.txt"
)
MATCH_386 = snippet_text(
    REALWORLD / "positive" / "386-supermanager-win-fortigate-rs-ras-error-match-691-to-13868.txt"
)
SWITCH_462 = snippet_text(
    REALWORLD
    / "positive"
    / "462-remoteaccesshub-vpnservice-describeraserror-switch-ko-619-13806.txt"
)


DICT_1038 = snippet_text(
    REALWORLD / "positive" / "1038-vpnmanager-pt-ras-errors-py-erro-de-acesso-remoto-table.txt"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Real: a PowerShell hashtable $RasErrors = @{ 623 = '...' } in a PPPoE dial script.
        (TABLE_374, [623, 633, 676, 678, 680, 691, 629, 630, 720, 734]),
        # Real: Rust's fn ras_error(code: i32, ...) { match code { 691 => ... } }.
        (MATCH_386, [691, 809, 812, 868, 13801, 13806, 13868]),
        # Real: a C# method DescribeRasError over a switch expression of codes, read by the
        # CamelCase part of its name.
        (SWITCH_462, [619, 623, 668, 691, 720, 741, 742, 789, 800, 807, 809, 812, 13801, 13806]),
        # Real: a Python module's private dict _RAS_ERROR_DESCRIPTIONS = {"623": "...", ...}.
        (DICT_1038, [623, 628, 629, 633, 651, 691, 789, 809, 868]),
        # Composed: a private name's "_" starts the name; a prefix's "_" does not.
        ("VPN\n_ras_errors = {\n    623: 'a',\n    633: 'b',\n}\n", [623, 633]),
        ("VPN\nmy_ras_errors = {\n    623: 'a',\n    633: 'b',\n}\n", []),
        # Composed: a CamelCase part of another word ("eraserr") names no table, nor does a
        # name's part called in a statement before a switch.
        (
            "VPN\nint eraserrCount(int e) {\n  switch (e) {\n  case 623: return 1;\n  case 633: return 2;\n  }\n}\n",
            [],
        ),
        (
            "VPN\nvoid f() { x = parseRasError(y); }\nswitch (e) {\n  case 623: return 1;\n  case 633: return 2;\n}\n",
            [],
        ),
        (
            "VPN\nstring FormatRasError(int code) {\n  switch (code) {\n  case 623: return 1;\n  case 633: return 2;\n  }\n}\n",
            [623, 633],
        ),
        # Composed: such a table where nothing on the page speaks of Remote Access (a kernel's
        # hardware RAS names its errors so too; "RasErrors" is a RAS name itself), a kernel's
        # prefixed name, one key alone.
        ("ras_errors = {\n    623: 'a',\n    633: 'b',\n}\n", []),
        ("VPN\nras_errors = {\n    623: 'a',\n    633: 'b',\n}\n", [623, 633]),
        (
            "VPN\nstatic int amdgpu_ras_error_map(int e) {\n  switch (e) {\n  case 623: return 1;\n  case 633: return 2;\n  }\n}\n",
            [],
        ),
        ("VPN\n$RasErrors = @{\n    623 = 'a'\n}\n", []),
        # Composed by a review: a listing's line numbers are no keys; a brace in a string or a
        # comment does not run the table on; a name used, not defined, opens no table; a table
        # whose only Remote Access words are names (rasdaman's RasManager numbers its errors
        # 700-805) is not read; a use before the definition on one line loses it not.
        ("VPN\n612:$RasErrors = @{\n613:    623 = 'a'\n614:    691 = 'b'\n615:}\n", []),
        (
            (
                "VPN\n$RasErrors = @{\n    623 = 'entry not found {see config'\n    691 = 'bad'\n}\n"
                "$ScreenModes = @{ 800 = '800x600'; 640 = 'x' }\n"
            ),
            [623, 691],
        ),
        (
            (
                "VPN\nvar rasErrors = {\n  691: 'bad', // TODO {\n  623: 'nf'\n};\n"
                "var modes = { 800: 'a', 640: 'b' };\n"
            ),
            [691, 623],
        ),
        (
            "VPN\nfunction renderError(win, rasError) {\n  var bp = { 640: {a:1}, 768: {b:2} };\n}\n",
            [],
        ),
        ("VPN\nif rasErr != nil {\n  m := map[int]int{800: 600, 640: 480}\n}\n", []),
        (
            (
                "RasManager RasServer\nRAS_ERRORS = {700: 'Admin error', 701: 'x', 800: 'RasManager "
                "Error: Could not connect to RasServer.', 801: 'y', 802: 'z'}\n"
            ),
            [],
        ),
        ("VPN\n$m = $RasErrors[$c]; $RasErrors = @{ 691 = 'bad'; 623 = 'nf' }\n", [691, 623]),
        # Composed by a review: a name called in a condition, or a parameter, defines nothing.
        ("VPN modem\nif (ras_err_check(dev)) {\n  case 700: x;\n  case 800: y;\n}\n", []),
        ("VPN modem\nfunction f(rasErr: any) {\n  700: x,\n  800: y,\n}\n", []),
        # Composed: an arm of several keys, Rust's "|" and C#'s "or".
        (
            (
                'VPN\nfn ras_error(code: i32) -> &str {\n    match code {\n        691 | 718 => "a",\n'
                '        800 => "b",\n        _ => "c",\n    }\n}\n'
            ),
            [691, 718, 800],
        ),
        # Composed: the keys of the table only, to its closing brace.
        (
            "VPN\n$RasErrors = @{\n    623 = 'a'\n    633 = 'b'\n}\n$Other = @{\n    720 = 'c'\n}\n",
            [623, 633],
        ),
    ],
)
def test_a_table_named_for_ras_errors_gives_its_keys(text: str, expected: list[int]) -> None:
    assert codes(text) == expected
