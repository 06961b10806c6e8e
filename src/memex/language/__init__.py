"""Languages: which one a text is written in (detect.py) and how BM25 folds its words (analyzer.py)."""
