"""Bug: checks the constructed value with isinstance(value, int), and Python's bool is an int.

Breaks: "`true` is not an integer: a boolean port is a wrong type" (FM-2).
"""

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep examples/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import config_loader  # noqa: E402


class BoolPortAccepted(config_loader.ConfigLoader):
    def read_integer(self, node, loader):
        value = loader.construct_object(node) if isinstance(node, config_loader.yaml.ScalarNode) else None
        return value if isinstance(value, int) else None


if __name__ == "__main__":
    sys.exit(BoolPortAccepted().run(sys.argv[1:]))
