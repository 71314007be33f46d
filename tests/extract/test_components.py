"""Products inside products: used_in(component -> host), each shape beside a near miss."""

from __future__ import annotations


def used_in(out: dict) -> set[tuple]:
    return {(c["subject"], c["object"]) for c in out["claims"] if c["predicate"] == "used_in"}


def test_participle_chain(extract_text):
    out = extract_text(
        "Investigators found the TIC-640 cores used in the Zorkiy-T sights fitted to "
        "Ka-52 helicopters."
    )
    assert used_in(out) == {("TIC-640", "Zorkiy-T"), ("Zorkiy-T", "Ka-52")}


def test_power_both_voices(extract_text):
    active = extract_text("The Tarkan-3 engine powers the Oryol-7 drone.")
    passive = extract_text(
        "Kurgan Motors builds the Strizh-9 loitering munition, which Ukrainian officials "
        "say is powered by the KR-200."
    )
    assert used_in(active) == {("Tarkan-3", "Oryol-7")}
    assert used_in(passive) == {("KR-200", "Strizh-9")}


def test_equipped_with_and_host_uses(extract_text):
    assert used_in(extract_text("The Oryol-7 drone is equipped with a Lumex-9 camera.")) == {
        ("Lumex-9", "Oryol-7")
    }
    assert used_in(extract_text("The Oryol-7 drone uses Tarkan-3 engines.")) == {
        ("Tarkan-3", "Oryol-7")
    }


def test_installed_and_part_for_host(extract_text):
    out = extract_text(
        "The Lumex-9 camera is installed in the Berkut-2 reconnaissance vehicle. "
        "Dravnik Motors makes the DM-40 engines for the Oryol-7 drone."
    )
    assert used_in(out) == {("Lumex-9", "Berkut-2"), ("DM-40", "Oryol-7")}


def test_definite_parts_named_earlier(extract_text):
    out = extract_text(
        "Sokol Optics sold 300 Zenit-4M thermal sights to Transmash Repair Works. "
        "Transmash Repair Works installs the sights on T-90M tanks."
    )
    assert ("Zenit-4M", "T-90M") in used_in(out)
    assert "Zenit-4M" in out["by_name"]  # one token, not "Zenit-4" + "M"


def test_near_misses(extract_text):
    out = extract_text(
        "The Zenit-4M was found in a field near the Geran-2 crash site. "
        "Halvorsen Trading sold the Lumex-9 for the same price as the Tarkan-3. "
        "Velkor Dynamics installed the Oryol-7 at its plant in Minsk."
    )
    assert used_in(out) == set()
