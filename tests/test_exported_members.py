"""The public API is what ``sanctrace.__all__`` says, and nothing it names is missing."""

import sanctrace


def test_all_names_exist() -> None:
    for name in sanctrace.__all__:
        assert hasattr(sanctrace, name), name


def test_public_surface_is_deliberate() -> None:
    public = {n for n in dir(sanctrace) if not n.startswith("_")}
    modules = {n for n in public if type(getattr(sanctrace, n)).__name__ == "module"}
    assert public - modules == set(sanctrace.__all__) - {"__version__"}
