"""LangChain's standard retriever suite (`langchain-tests`) run against ``HybridRetriever``: the
same contract every LangChain retriever meets (``k`` in the constructor and in ``invoke``, async
invoke, Documents out)."""

from __future__ import annotations

import pytest

pytest.importorskip("langchain_tests", reason="the test extra is not installed: pip install -e '.[test]'")

from langchain_tests.integration_tests import RetrieversIntegrationTests  # noqa: E402

from nearshore_qa.retrieval import HybridRetriever  # noqa: E402

pytestmark = pytest.mark.slow


class TestHybridRetriever(RetrieversIntegrationTests):
    @pytest.fixture(autouse=True)
    def _on_loaded_store(self, loaded_library):
        self.store = loaded_library.store

    @property
    def retriever_constructor(self) -> type[HybridRetriever]:
        return HybridRetriever

    @property
    def retriever_constructor_params(self) -> dict:
        return {"store": self.store}

    @property
    def retriever_query_example(self) -> str:
        return "How many trucks crossed at Laredo in 2024?"
