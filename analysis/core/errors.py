"""Errors: one line naming the file (or the option) and the problem.

>>> str(InputError("a.txt", "empty file"))
'a.txt: empty file'
>>> isinstance(ArgumentError("--jobs", "must be at least 1"), ValueError)
True
"""

__all__ = ["InputError", "ArgumentError"]


class InputError(Exception):
    """A document or resource the build cannot use. ``str(err)`` is ``"<file>: <problem>"``."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ArgumentError(ValueError):
    """A bad argument (an option, a parameter), not a bad file. ``str(err)`` is ``"<option>: <problem>"``.

    A ``ValueError``, so callers of the library catch it as one; the command line
    prints it as one line and exits with status 2, as for a bad file.
    """

    def __init__(self, option, problem: str):
        self.option = str(option)
        self.problem = problem
        super().__init__(f"{self.option}: {problem}")
