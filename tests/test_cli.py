"""The raserror command, called in-process and once as the installed script."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from raserror._cli import main


def test_a_known_code_prints_its_line_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["691"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("691 ERROR_AUTHENTICATION_FAILURE (authentication): ")


def test_an_unknown_code_exits_1_naming_it_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["691", "9999"]) == 1
    captured = capsys.readouterr()
    assert "691 ERROR_AUTHENTICATION_FAILURE" in captured.out
    assert "9999 is not a Remote Access error code" in captured.err
    assert "600-878" in captured.err


def test_no_argument_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exited:
        main([])
    assert exited.value.code == 2


def test_the_installed_console_script_runs() -> None:
    script = shutil.which("raserror", path=str(Path(sys.executable).parent))
    assert script is not None, "the raserror console script is not installed beside python"
    result = subprocess.run([script, "691"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("691 ERROR_AUTHENTICATION_FAILURE")


def test_python_dash_m_raserror_behaves_the_same() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "raserror", "0x800702B3"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("691 ERROR_AUTHENTICATION_FAILURE")
