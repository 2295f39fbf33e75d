"""Bug: prints the rejection message with print(), on stdout, instead of on stderr.

Breaks: "a rejected file prints nothing on stdout; stderr names the key and its line" (C-3).
"""

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep examples/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import config_loader  # noqa: E402


class ErrorsOnStdout(config_loader.ConfigLoader):
    def report(self, outcome, file):
        if isinstance(outcome, config_loader.ConfigProblem):
            print(f"{file}: line {outcome.line}: {outcome.path}: {outcome.problem}")
            return 2
        return super().report(outcome, file)


if __name__ == "__main__":
    sys.exit(ErrorsOnStdout().run(sys.argv[1:]))
