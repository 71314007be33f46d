"""Screening actors against real sanctions lists: loaders, normalisation, index, matcher.

    read_lists(paths)                  parse list files into versions ready for the store
    detect_format(path)                which list format a file holds
    normalise(name) / compare_names()  names as matching sees them, and a pair's score
    build_index(designations)          the blocking index; NameIndex.search(name)
    load_index(store)                  the index over a store's lists, cached on disk
    screen_name(index, name, ...)      ScreenMatches at or above the threshold
    screen_entities(store, index)      every stored actor screened
"""

from sanctrace.screen.index import Hit, NameIndex, build_index
from sanctrace.screen.lists import detect_format, read_file, read_lists
from sanctrace.screen.match import compare, compare_names
from sanctrace.screen.normalise import NameKey, normalise
from sanctrace.screen.screening import load_index, screen_entities, screen_name

__all__ = [
    "Hit",
    "NameIndex",
    "NameKey",
    "build_index",
    "compare",
    "compare_names",
    "detect_format",
    "load_index",
    "normalise",
    "read_file",
    "read_lists",
    "screen_entities",
    "screen_name",
]
