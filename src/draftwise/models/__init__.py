"""Trained judgement behind the detectors: encoders, heads, training and evaluation."""
