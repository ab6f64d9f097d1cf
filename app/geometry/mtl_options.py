"""MTL texture statements: which keys name a file, and the file name behind a map's options
(`map_Kd -s 1 1 1 -bm 0.5 textures/wood.png` names `textures/wood.png`)."""

from __future__ import annotations

# Statements whose value is a file: every texture map, and the old `bump`/`decal`/`refl`.
MTL_FILE_KEYS = frozenset({"map_ka", "map_kd", "map_ks", "map_ns", "map_d", "map_bump",
                           "map_ke", "map_pr", "map_pm", "map_ps", "bump", "disp", "decal",
                           "refl", "norm"})
# Options before a texture's file name, with how many values each takes; -o, -s and -t take
# one to three numbers.
OPTION_VALUES = {"-blendu": 1, "-blendv": 1, "-cc": 1, "-clamp": 1, "-texres": 1,
                 "-imfchan": 1, "-type": 1, "-bm": 1, "-boost": 1, "-mm": 2}
VECTOR_OPTIONS = frozenset({"-o", "-s", "-t"})
VECTOR_SIZE = 3
OPTIONS = OPTION_VALUES.keys() | VECTOR_OPTIONS


def texture_file_name(value: str) -> str:
    """The file a texture statement's value names, its options left out."""
    words = value.split()
    if not words or words[0].lower() not in OPTIONS:
        return value.strip()  # no options: the name as written, inner spaces and all
    while words and words[0].lower() in OPTIONS:
        option = words.pop(0).lower()
        if option in VECTOR_OPTIONS:
            for _ in range(VECTOR_SIZE):
                if words[:1] and _is_number(words[0]):
                    words.pop(0)
        else:
            del words[:OPTION_VALUES[option]]
    return " ".join(words)


def _is_number(word: str) -> bool:
    try:
        float(word)
    except ValueError:
        return False
    return True
