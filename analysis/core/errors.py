"""Errors for bad input: one line naming the file and the problem."""


class InputError(Exception):
    """A document or resource the build cannot use. ``str(err)`` is ``"<file>: <problem>"``."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
