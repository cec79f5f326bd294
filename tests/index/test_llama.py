from pathlib import Path

import numpy as np

from index.embed import FakeEmbedder
from index.vector import VectorIndex
from ingest.models import Chunk
from ingest.settings import Settings


def test_adapter_matches_embedder() -> None:
    from index.llama import LlamaEmbedding

    embedder = FakeEmbedder()
    adapter = LlamaEmbedding(embedder)
    assert adapter.model_name == embedder.name
    np.testing.assert_allclose(
        adapter.get_query_embedding("họp"), embedder.embed_query("họp"), rtol=1e-6
    )
    texts = adapter.get_text_embedding_batch(["a b", "c d"])
    np.testing.assert_allclose(texts, embedder.embed_passages(["a b", "c d"]), rtol=1e-6)


def test_llama_index_reads_our_collection(tmp_path: Path, chunks: list[Chunk]) -> None:
    from llama_index.core import Settings as LlamaSettings
    from llama_index.core import VectorStoreIndex

    from index.llama import LlamaEmbedding

    embedder = FakeEmbedder()
    vector = VectorIndex.open(Settings(home=tmp_path), embedder)
    vector.sync(chunks, embedder)
    LlamaSettings.llm = None
    index = VectorStoreIndex.from_vector_store(
        vector.llama_store(), embed_model=LlamaEmbedding(embedder)
    )
    nodes = index.as_retriever(similarity_top_k=2).retrieve(chunks[7].text)
    assert nodes[0].node.node_id == chunks[7].id
    assert nodes[0].node.get_content() == chunks[7].text
