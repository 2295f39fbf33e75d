"""`config-loader FILE` in Python 3 with PyYAML (Debian's python3-yaml).

Reads one YAML config file, checks it against the schema and prints the normalized config as
JSON (exit 0), or names the offending key and its line on stderr (exit 2, nothing on stdout).
Positions come from `yaml.compose`: every node keeps its `start_mark`.

The loader is a class whose methods are its parts; each known-bad variant under variants/
overrides exactly one of them, so the reference carries no switches for bugs.
"""

import json
import sys

import yaml

INT_TAG = "tag:yaml.org,2002:int"
STR_TAG = "tag:yaml.org,2002:str"
LEVELS = ("debug", "info", "warn", "error")

# The schema as data, in schema order (the output's key order). A section is required when any
# of its fields is; optional fields carry their default.
SCHEMA = {
    "server": {
        "type": "section",
        "fields": {
            "host": {"type": "string", "required": True},
            "port": {"type": "integer", "min": 1, "max": 65535, "required": True},
        },
    },
    "log": {
        "type": "section",
        "fields": {"level": {"type": "enum", "values": LEVELS, "default": "info"}},
    },
    "features": {"type": "string-list", "default": []},
}


class ConfigProblem(Exception):
    """Why a file is rejected: the key's dotted path ("" when there is none) and its 1-based line."""

    def __init__(self, path, line, problem):
        super().__init__(f"{path}: {problem} (line {line})")
        self.path = path
        self.line = line
        self.problem = problem


def child_path(parent, key):
    return f"{parent}.{key}" if parent else str(key)


def is_required(field):
    if field["type"] == "section":
        return any(is_required(f) for f in field["fields"].values())
    return field.get("required", False)


def describe_field(field):
    kind = field["type"]
    if kind == "integer":
        return f"an integer from {field['min']} to {field['max']}"
    if kind == "enum":
        return "one of " + ", ".join(field["values"])
    return {"string": "a string", "string-list": "a list of strings", "section": "a mapping"}[kind]


def describe_node(node):
    if node is None:
        return "nothing"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == STR_TAG:
        return "the string " + json.dumps(node.value)
    return f"{node.tag.rsplit(':', 1)[-1]} {node.value}"


class ConfigLoader:
    """The reference loader; every method is a part a variant may replace."""

    def parse(self, text):
        """Text → root node (None for an empty file); syntax errors become a problem at their line."""
        loader = yaml.SafeLoader(text)
        try:
            return loader.get_single_node(), loader
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 if mark else 1
            raise ConfigProblem("", line, f"YAML syntax error: {error.problem or error.context}") from None
        finally:
            loader.dispose()

    def line_of(self, node):
        return node.start_mark.line + 1

    def unknown_keys(self, keys, fields):
        """Keys of one mapping that its schema does not know, in file order."""
        return [key for key in keys if key not in fields]

    def read_integer(self, node, loader):
        """An integer scalar's value, or None. Checks the resolved tag: YAML `true` is no integer."""
        if isinstance(node, yaml.ScalarNode) and node.tag == INT_TAG:
            return loader.construct_object(node)
        return None

    def absent_value(self, field):
        return list(field["default"]) if field["type"] == "string-list" else field["default"]

    def order_keys(self, schema_order, file_order):
        return list(schema_order)

    def report(self, outcome, file):
        """Prints the outcome; returns the exit code."""
        if isinstance(outcome, ConfigProblem):
            key = f"{outcome.path}: " if outcome.path else ""
            sys.stderr.write(f"{file}: line {outcome.line}: {key}{outcome.problem}\n")
            return 2
        sys.stdout.write(json.dumps(outcome, indent=2) + "\n")
        return 0

    # ------------------------------------------------------------------ the walk

    def normalize(self, text):
        root, loader = self.parse(text)
        # An empty file (or only comments) is an empty mapping: its required keys are missing.
        if root is None or (isinstance(root, yaml.ScalarNode) and root.tag == "tag:yaml.org,2002:null"):
            return self.absent_section(SCHEMA, "", 1)
        return self.section(root, SCHEMA, "", self.line_of(root), loader)

    def section(self, node, fields, path, line, loader):
        if not isinstance(node, yaml.MappingNode):
            raise self.wrong_type(node, {"type": "section"}, path, line)
        pairs = {}
        for key_node, value_node in node.value:
            name = str(key_node.value)
            if name in pairs:
                raise ConfigProblem(child_path(path, name), self.line_of(key_node), "duplicate key")
            pairs[name] = (key_node, value_node)
        unknown = set(self.unknown_keys(list(pairs), fields))
        for name, (key_node, _) in pairs.items():
            if name in unknown:
                raise ConfigProblem(child_path(path, name), self.line_of(key_node), "unknown key")
        values = {}
        for name, field in fields.items():
            if name in pairs:
                key_node, value_node = pairs[name]
                value = self.field(value_node, field, child_path(path, name), self.line_of(key_node), loader)
            else:
                value = self.absent(field, child_path(path, name), line)
            if value is not None:
                values[name] = value
        order = self.order_keys(list(fields), list(pairs))
        return {name: values[name] for name in order if name in values}

    def absent_section(self, fields, path, line):
        values = {}
        for name, field in fields.items():
            value = self.absent(field, child_path(path, name), line)
            if value is not None:
                values[name] = value
        return values

    def absent(self, field, path, line):
        """A missing key is reported at the line of the mapping's own key (line 1 at the top level)."""
        if is_required(field):
            raise ConfigProblem(path, line, "missing required key")
        if field["type"] == "section":
            return self.absent_section(field["fields"], path, line)
        return self.absent_value(field)

    def field(self, node, field, path, line, loader):
        kind = field["type"]
        if kind == "section":
            return self.section(node, field["fields"], path, line, loader)
        if kind == "string-list":
            if not isinstance(node, yaml.SequenceNode):
                raise self.wrong_type(node, field, path, line)
            items = []
            for index, item in enumerate(node.value):
                if not (isinstance(item, yaml.ScalarNode) and item.tag == STR_TAG):
                    raise self.wrong_type(item, {"type": "string"}, child_path(path, index), self.line_of(item))
                items.append(item.value)
            return items
        is_string = isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG
        if kind == "string" and is_string:
            return node.value
        if kind == "enum" and is_string and node.value in field["values"]:
            return node.value
        if kind == "integer":
            value = self.read_integer(node, loader)
            if value is not None and field["min"] <= value <= field["max"]:
                return value
        raise self.wrong_type(node, field, path, line)

    def wrong_type(self, node, field, path, line):
        return ConfigProblem(path, line, f"expected {describe_field(field)}, found {describe_node(node)}")

    # ------------------------------------------------------------------ the command

    def run(self, args):
        """Returns the exit code; usage and I/O errors are exit 2 too, since nothing was loaded."""
        if len(args) != 1:
            sys.stderr.write("usage: config-loader FILE\n")
            return 2
        file = args[0]
        try:
            with open(file, encoding="utf-8") as handle:
                text = handle.read()
        except OSError as error:
            sys.stderr.write(f"{file}: cannot read: {error.strerror}\n")
            return 2
        try:
            outcome = self.normalize(text)
        except ConfigProblem as problem:
            outcome = problem
        return self.report(outcome, file)


if __name__ == "__main__":
    sys.exit(ConfigLoader().run(sys.argv[1:]))
