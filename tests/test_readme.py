"""The README's Python examples run as doctests, so they stay true."""

from __future__ import annotations

import doctest
import re

import pytest
from tables import REPO


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
    import raserror

    assert doctest.testmod(raserror).failed == 0
