"""Bug: looks for unknown keys at the top level only; nested mappings keep whatever they hold.

Breaks: "an unknown key at any depth is rejected naming that key and its line" (FM-1).
"""

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep examples/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import config_loader  # noqa: E402


class TopLevelKeysOnly(config_loader.ConfigLoader):
    def unknown_keys(self, keys, fields):
        return super().unknown_keys(keys, fields) if fields is config_loader.SCHEMA else []


if __name__ == "__main__":
    sys.exit(TopLevelKeysOnly().run(sys.argv[1:]))
