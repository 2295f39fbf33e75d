"""Bug: lets PyYAML's exception escape, so a syntax error ends in a traceback and exit 1.

Breaks: "a file that is not valid YAML is rejected (exit 2) naming the line of the error" (FM-4).
"""

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep examples/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import config_loader  # noqa: E402


class TracebackOnSyntaxError(config_loader.ConfigLoader):
    def parse(self, text):
        loader = config_loader.yaml.SafeLoader(text)
        try:
            return loader.get_single_node(), loader
        finally:
            loader.dispose()


if __name__ == "__main__":
    sys.exit(TracebackOnSyntaxError().run(sys.argv[1:]))
