"""The lab: corpus tools, training and evaluation of draftwise. The runtime never imports it.

``draftwise-lab`` is its command (train, eval, eval-rewrites, eval-safety, train-safety,
golden); ``src/draftwise`` is what a user installs and runs.
"""
