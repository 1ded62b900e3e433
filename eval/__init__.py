"""Evaluation of Gloss's ingest stage on synthetic captures of openly licensed articles.

``python -m eval.ingest`` builds captures of the Wikinews corpus (``eval/captures.py``) with a
fixed seed, ingests them and prints paragraph-break precision/recall/F1, metadata accuracy
per field, footer residue and body words lost (``eval/score.py``), separately for the tuning
split and the held-out split. See docs/ingest.md.
"""
