"""Bug: reports PyYAML's start_mark.line as is, which counts from 0.

Breaks: "lines are counted from 1 at the top of the file" (C-2).
"""

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep examples/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import config_loader  # noqa: E402


class ZeroBasedMarks(config_loader.ConfigLoader):
    def line_of(self, node):
        return node.start_mark.line


if __name__ == "__main__":
    sys.exit(ZeroBasedMarks().run(sys.argv[1:]))
