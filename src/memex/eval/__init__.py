"""Retrieval evaluation: BEIR datasets, ir-measures metrics, MultiHop-RAG evidence metrics, QA dev sets."""
