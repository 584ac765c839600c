"""Safe YAML loading that remembers the line of every mapping key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.errors import GeneratorError


class LineDict(dict[Any, Any]):  # Any: YAML gives any value; readers check each one they use
    """A dict from YAML that knows the line of each key (1-based) and of itself."""

    line: int = 0
    key_lines: dict[object, int]

    def line_of(self, key: object) -> int:
        """Return the line where `key` is written, or the mapping's own line."""
        return self.key_lines.get(key, self.line)


class _Loader(yaml.SafeLoader):
    """SafeLoader whose mappings are LineDicts."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError as exc:
            raise yaml.constructor.ConstructorError(
                None, None, "found an unhashable key", key_node.start_mark
            ) from exc
        if key in result:
            # PyYAML keeps the last of two equal keys; a curator would lose the first silently.
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key '{key}' (first on line {result.key_lines[key]})",
                key_node.start_mark,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


class _NotOnTheCalendar(yaml.constructor.ConstructorError):
    """A value written as a date that names no day ("2020-02-30"); PyYAML raises a bare ValueError."""


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> object:
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError) as exc:
        raise _NotOnTheCalendar(
            None,
            None,
            f"'{node.value}' is not a date on the calendar ({exc}); write a real date as YYYY-MM-DD",
            node.start_mark,
        ) from exc


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)

_FastLoader: type[yaml.SafeLoader] | None = None
"""`_Loader`'s constructors over libyaml's parser, when PyYAML was built with it (three times faster)."""
if getattr(yaml, "__with_libyaml__", False):

    class _CLoader(yaml.CSafeLoader):
        """CSafeLoader whose mappings are LineDicts."""

    _CLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _CLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
    _FastLoader = _CLoader  # type: ignore[assignment]  # CSafeLoader is a SafeLoader in all but name


def load(text: str, path: str) -> object:
    """Parse YAML text safely; raise ValueError("path:line: problem") when it is broken.

    libyaml parses (a thousand articles' front matter is read on every build); text it
    refuses is parsed again by PyYAML's own parser, whose messages are the ones we give.
    """
    if _FastLoader is not None:
        try:
            return yaml.load(text, Loader=_FastLoader)
        except (yaml.YAMLError, RecursionError):
            pass
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        problem = exc.problem or exc.context or "invalid YAML"
        kind = "" if isinstance(exc, _NotOnTheCalendar) else "invalid YAML: "
        raise ValueError(f"{path}:{line}: {kind}{problem}") from exc
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: invalid YAML: {exc}") from exc
    except RecursionError as exc:  # thousands of nested brackets
        raise ValueError(f"{path}: invalid YAML: nested too deeply") from exc


def word_lists(path: Path, what: str) -> frozenset[str]:
    """Every word of a package data file of named lists (`name: [word, …]`), lower case.

    Raises GeneratorError naming the file and `what` it holds when it cannot be read.
    """
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GeneratorError(f"{path}: cannot read {what}: {exc}") from exc
    return frozenset(str(word).lower() for words in data.values() for word in words)
