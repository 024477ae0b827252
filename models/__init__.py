"""Trained model files of draftwise, shipped inside the package as ``draftwise.trained``.

Built by ``draftwise train`` from ``data/``; see README.md here (the model card).
Every file is listed with its SHA-256 in ``manifest.json`` and checked on load.
"""
