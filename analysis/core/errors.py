"""Errors for bad input: one line naming the file and the problem."""

__all__ = ["InputError", "ArgumentError"]


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
