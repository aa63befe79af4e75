"""Errors for bad input: one line naming the file and the problem."""

__all__ = ["InputError", "ArgumentError", "InputProblems"]


class InputError(Exception):
    """A document or resource the build cannot use. ``str(err)`` is ``"<file>: <problem>"``."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ArgumentError(ValueError):
    """A bad argument (not a bad file). ``str(err)`` is ``"<option>: <problem>"``."""

    def __init__(self, option, problem: str):
        super().__init__(f"{option}: {problem}")


class InputProblems(Exception):
    """Several problems found before any work starts; ``lines`` has one ``"<file or option>: <problem>"`` each.

    >>> str(InputProblems(["a.md: empty file", "b.md: empty file"]))
    'a.md: empty file\\nb.md: empty file'
    """

    def __init__(self, lines):
        self.lines = [str(x) for x in lines]
        super().__init__("\n".join(self.lines))
