"""The project's own exceptions; the CLI and the app translate them at the edge."""


class NearshoreQAError(Exception):
    """Base class: every error the library raises on purpose."""


class IngestError(NearshoreQAError):
    """A file could not be ingested. The message names the file and the reason."""

    def __init__(self, name: str, reason: str):
        self.name = name
        self.reason = reason
        super().__init__(f"{name}: {reason}")


class StoreError(NearshoreQAError):
    """The store cannot be opened or used (wrong model, server unreachable, ...)."""


class DocumentNotFound(NearshoreQAError):
    def __init__(self, doc_id: str):
        self.doc_id = doc_id
        super().__init__(f"no document {doc_id!r} in the store")


class EvalSourcesMissing(NearshoreQAError):
    """An evaluation set cites documents the store does not hold; the message names the command
    that adds them."""


class AnswererError(NearshoreQAError):
    """An answerer (LLM server, model file) failed; the message names the URL or model."""


class ComputeRefusal(NearshoreQAError):
    """A computation the code will not carry out, with the reason a reader is shown.

    ``code`` names the rule: mixed_currency, mixed_units, mixed_periods, mixed_entities,
    division_by_zero, cagr_span, too_few_operands, unknown_operation, bad_reference.
    """

    def __init__(self, code: str, reason: str):
        self.code = code
        self.reason = reason
        super().__init__(reason)
