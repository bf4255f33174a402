"""The README's Python examples run as doctests, so they stay true."""

from __future__ import annotations

import doctest
import json
import re
import shlex

import pytest
from _repo import REPO

import raserror
from raserror._cli import main
from raserror._cli_output import code_json


def test_the_readme_examples_give_what_they_show(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # the examples open files by their path in the repository
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    assert blocks, "the README has no Python examples"
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    globs: dict[str, object] = {}
    for number, block in enumerate(blocks):
        test = parser.get_doctest(block, globs, f"README block {number}", "README.md", 0)
        runner.run(test, clear_globs=False)
        globs.update(test.globs)  # later blocks use the earlier blocks' imports
    assert runner.summarize(verbose=False).failed == 0


def test_the_package_docstring_examples_hold() -> None:
    assert doctest.testmod(raserror).failed == 0


def test_the_readme_shows_real_command_output(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    sessions = re.findall(r"```console\n\$ (raserror [^\n]*)\n(.*?)```", readme, flags=re.DOTALL)
    assert len(sessions) >= 2, "the README shows no raserror output"
    for command, shown in sessions:
        args = shlex.split(command)[1:]
        # `2>&1` at the end: the example shows what goes to standard error, after the output.
        with_errors = args[-1:] == ["2>&1"]
        main(args[:-1] if with_errors else args)
        captured = capsys.readouterr()
        printed = captured.out + captured.err if with_errors else captured.out
        assert printed == shown, f"the README's `{command}` output is stale"


def test_the_readme_json_example_is_a_real_code_object() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```json\n(.*?)```", readme, flags=re.DOTALL)
    assert json.loads(example) == code_json(raserror.lookup(868))
