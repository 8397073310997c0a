"""Stages 2-4, segment -> analyze -> compile: an `Article` -> a `Brief` of whole source
sentences, each with its sentence ids."""
