"""Screening actors against real sanctions lists: loaders, normalisation, index, matcher."""
