"""Use cases: plain Python, no Qt. Each use case is one unit of work, for an actor it is given."""


class ServiceError(Exception):
    """A use case refused: ``str(error)`` is English, ``error.swedish`` is for the screen."""

    exit_code = 1

    def __init__(self, english: str, swedish: str) -> None:
        super().__init__(english)
        self.swedish = swedish
