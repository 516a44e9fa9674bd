#!/usr/bin/env python3
"""Writes stdlib/resources.spec, the CloudFormation resource specification
`jaws` checks raw `resource` blocks against, from the copy cfn-lint ships.

cfn-lint carries AWS's published resource provider schemas, one file per
distinct schema (data/schemas/resources/<hash>.json), already patched by its
maintainers, and per region a map from type name to schema
(data/schemas/providers/<region>.py). This script reads them through
cfn-lint's own schema manager (the same attributes and Ref that cfn-lint
checks `Fn::GetAtt` and `Ref` against) and writes a compact text file:

    # comment lines
    V cfn-lint <version>            the source
    G <region> <region> ...         every region the maps cover, in index order
    I <count>                       then <count> index lines, sorted by name:
    <type> <offset> <length>        the record's bytes, from the first byte after the index
    <records>

A record is one line per item (see docs/resources.md, "The data file"):

    T <type>                        starts the record
    R <property>[|<property>...]    what Ref returns (the primary identifier)
    N a <attribute> | N r | N -     how the resource gives its ARN: an attribute, Ref, or not at all
    A <attribute> <shape>           an Fn::GetAtt attribute and its shape
    X <region index> ...            regions that do not have the type
    P <name><flags> <shape>         a property; flags: ! required, ~ read-only, - deprecated
    D <name> <shape>                a definition that shapes refer to as #<name>
    O <rule> <name> <name> ...      a rule over the properties: 1 exactly one of, + at least one of

Shapes:  s i n b (string, integer, number, boolean)  j (JSON: an object or a
string)  * (anything)  [S] (a list)  <S> (an object of any keys, values S)
{a!:S,b:S} (an object; ! required; a trailing `,+` allows other keys; `;1:a,b`
and `;+:a,b` add the rules above)  #Name  (S|S) (a union). A shape may be
followed by constraints: =[...] allowed values (JSON),  ^"..." a pattern
(JSON string),  %a..b a length or item count,  ~a..b a numeric range (either
bound may be empty).

Patterns are kept only when the C++ checker can evaluate them exactly as AWS
does on ASCII text (std::regex, ECMAScript grammar): ASCII, without Unicode
classes, lookbehind, inline flags or possessive quantifiers.

Usage: scripts/resource-spec.py [OUTPUT]   (default: stdlib/resources.spec)
The output depends only on the installed cfn-lint; tests/validate checks that
the committed file is what this script writes.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import sys
from pathlib import Path

import cfnlint
from cfnlint.schema.manager import PROVIDER_SCHEMA_MANAGER as SCHEMAS
from cfnlint.version import __version__ as CFN_LINT_VERSION

SCHEMA_REGION = "us-east-1"  # the schema a type is checked against, where it exists
NAME = re.compile(r"^[A-Za-z0-9_]+$")
UNSUPPORTED_PATTERN = re.compile(
    r"\\[pPuxAZzhGQEKk]|\(\?[<!=]?<|\(\?[a-zA-Z#>]|[*+?}][+]|\[\[:|\\[0-9]"
)


def regions() -> list[str]:
    folder = Path(cfnlint.__file__).parent / "data" / "schemas" / "providers"
    return sorted(p.stem for p in folder.glob("*.py") if p.stem != "__init__")


def region_types(region: str) -> dict[str, str]:
    return importlib.import_module(f"cfnlint.data.schemas.providers.{region}").types


def dashed(region: str) -> str:
    return region.replace("_", "-")


def js(value) -> str:
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"))


def number(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return js(value)


def usable_pattern(pattern: str) -> bool:
    if not pattern.isascii() or UNSUPPORTED_PATTERN.search(pattern):
        return False
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def types_of(schema: dict) -> list[str]:
    kind = schema.get("type")
    if kind is None:
        return []
    return kind if isinstance(kind, list) else [kind]


class Encoder:
    """Turns the JSON schema of one resource type into shapes."""

    def __init__(self, schema: dict):
        self.schema = schema
        self.definitions: dict[str, str] = {}
        self.pending: list[str] = []

    def reference(self, ref: str) -> str:
        name = ref.split("/")[-1]
        if not ref.startswith("#/definitions/") or not NAME.match(name):
            return "*"
        if name not in self.definitions:
            self.definitions[name] = ""
            self.pending.append(name)
        return "#" + name

    def finish_definitions(self) -> None:
        while self.pending:
            name = self.pending.pop()
            self.definitions[name] = self.shape(self.schema.get("definitions", {}).get(name, {}))

    def constraints(self, schema: dict, kinds: set[str]) -> str:
        out = ""
        if "enum" in schema and all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in schema["enum"]):
            out += "=" + js(schema["enum"])
        pattern = schema.get("pattern")
        if isinstance(pattern, str) and "string" in kinds and usable_pattern(pattern):
            out += "^" + js(pattern)
        for low, high, sign, applies in (
            ("minLength", "maxLength", "%", "string" in kinds),
            ("minItems", "maxItems", "%", "array" in kinds),
            ("minimum", "maximum", "~", kinds & {"integer", "number"}),
        ):
            if applies and (low in schema or high in schema):
                out += sign + (number(schema[low]) if low in schema else "") + ".." + (number(schema[high]) if high in schema else "")
        return out

    def alternatives(self, schema: dict) -> str | None:
        """oneOf/anyOf whose members are all shapes: a union."""
        for keyword in ("oneOf", "anyOf"):
            members = schema.get(keyword)
            if not isinstance(members, list) or not members:
                continue
            shaped = [m for m in members if isinstance(m, dict) and ({"type", "$ref", "properties", "items"} & m.keys())]
            if len(shaped) == len(members):
                merged = []
                for member in members:
                    base = {k: v for k, v in schema.items() if k not in ("oneOf", "anyOf")}
                    base.update(member)
                    merged.append(self.shape(base))
                unique = list(dict.fromkeys(merged))
                return unique[0] if len(unique) == 1 else "(" + "|".join(unique) + ")"
        return None

    def object_rules(self, schema: dict) -> list[str]:
        """oneOf/anyOf of single required properties: exactly one / at least one of them."""
        rules = []
        for keyword, mark in (("oneOf", "1"), ("anyOf", "+")):
            members = schema.get(keyword)
            if not isinstance(members, list) or len(members) < 2:
                continue
            names = []
            for member in members:
                if not isinstance(member, dict) or set(member) != {"required"} or len(member["required"]) != 1:
                    names = []
                    break
                names.append(member["required"][0])
            if names and all(NAME.match(n) for n in names):
                rules.append(f"{mark}:{','.join(names)}")
        xor = schema.get("requiredXor")
        if isinstance(xor, list) and len(xor) >= 2 and all(isinstance(n, str) and NAME.match(n) for n in xor):
            rules.append("1:" + ",".join(xor))
        return rules

    def shape(self, schema: dict) -> str:
        if not isinstance(schema, dict):
            return "*"
        if "$ref" in schema:
            return self.reference(schema["$ref"])
        union = self.alternatives(schema)
        if union is not None:
            return union
        kinds = types_of(schema)
        if schema.get("format") == "json" and set(kinds) <= {"object", "string"}:
            return "j"
        if not kinds:
            if "properties" in schema or "patternProperties" in schema:
                kinds = ["object"]
            elif "items" in schema:
                kinds = ["array"]
            else:
                return "*"
        members = [self.single(schema, kind) for kind in kinds]
        unique = list(dict.fromkeys(members))
        return unique[0] if len(unique) == 1 else "(" + "|".join(unique) + ")"

    def single(self, schema: dict, kind: str) -> str:
        base = {"string": "s", "integer": "i", "number": "n", "boolean": "b"}.get(kind)
        if base is not None:
            return base + self.constraints(schema, {kind})
        if kind == "array":
            items = schema.get("items", {})
            inner = self.shape(items) if isinstance(items, dict) else "*"
            return "[" + inner + "]" + self.constraints(schema, {"array"})
        if kind == "object":
            return self.object(schema)
        return "*"

    def object(self, schema: dict) -> str:
        properties = schema.get("properties")
        patterns = schema.get("patternProperties")
        extra = schema.get("additionalProperties", True)
        if not properties:
            if isinstance(patterns, dict) and len(patterns) == 1:
                return "<" + self.shape(next(iter(patterns.values()))) + ">"
            if isinstance(extra, dict):
                return "<" + self.shape(extra) + ">"
            return "<*>"
        required = set(schema.get("required", [])) if isinstance(schema.get("required"), list) else set()
        fields = []
        for name in sorted(properties):
            if not NAME.match(name):
                continue
            fields.append(f"{name}{'!' if name in required else ''}:{self.shape(properties[name])}")
        if extra is not False or patterns:
            fields.append("+")
        body = ",".join(fields)
        rules = self.object_rules(schema)
        if rules:
            body += ";" + ";".join(rules)
        return "{" + body + "}"


def pointer_schema(schema: dict, pointer: str) -> dict:
    """The schema of a property path (/properties/A/B), through definitions."""
    node: dict = {"properties": schema.get("properties", {})}
    for part in pointer.split("/")[2:]:
        while "$ref" in node:
            node = schema.get("definitions", {}).get(node["$ref"].split("/")[-1], {})
        node = node.get("properties", {}).get(part)
        if not isinstance(node, dict):
            return {}
    while "$ref" in node:
        node = schema.get("definitions", {}).get(node["$ref"].split("/")[-1], {})
    return node


def attribute_shape(schema: dict, pointer: str) -> str:
    node = pointer_schema(schema, pointer)
    kinds = types_of(node)
    if "array" in kinds:
        return "[s]"
    if "object" in kinds or "properties" in node:
        return "j"
    return {"integer": "i", "number": "n", "boolean": "b"}.get(kinds[0] if kinds else "", "s")


def arn_method(type_name: str, schema: dict, attributes: list[str], ref: list[str]) -> str:
    """Fn::GetAtt Arn; else Ref when the primary identifier is an ARN; else
    the attribute named after the type (TopicArn for ...::Topic); else none."""
    if "Arn" in attributes:
        return "a Arn"
    if len(ref) == 1 and (ref[0].endswith("Arn") or ref[0].endswith("ARN")):
        return "r"
    if len(ref) == 1:
        fmt = pointer_schema(schema, "/properties/" + ref[0]).get("format", "")
        if fmt == type_name + ".Arn":
            return "r"
    own = type_name.split("::")[-1]
    for name in (own + "Arn", own + "ARN"):
        if name in attributes:
            return "a " + name
    return "-"


def record(type_name: str, region: str, missing: list[int]) -> str:
    resource = SCHEMAS.get_resource_schema(region, type_name)
    schema = resource.schema
    encoder = Encoder(schema)
    lines = [f"T {type_name}"]

    ref = [p.split("/")[-1] for p in schema.get("primaryIdentifier", []) if p.count("/") == 2]
    if ref:
        lines.append("R " + "|".join(ref))

    attributes = []
    getatts = SCHEMAS.get_type_getatts(type_name, region)
    for name in sorted(getatts.keys()):
        if re.fullmatch(r"[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*", name):
            attributes.append((name, attribute_shape(schema, getatts[name])))
    lines.append("N " + arn_method(type_name, schema, [a for a, _ in attributes], ref))
    lines.extend(f"A {name} {shape}" for name, shape in attributes)
    if missing:
        lines.append("X " + " ".join(str(i) for i in missing))

    required = set(schema.get("required", []))
    read_only = {p.split("/")[2] for p in schema.get("readOnlyProperties", []) if p.count("/") == 2}
    deprecated = {p.split("/")[2] for p in schema.get("deprecatedProperties", []) if p.count("/") == 2}
    for name in sorted(schema.get("properties", {})):
        if not NAME.match(name):
            continue
        flags = ("!" if name in required else "") + ("~" if name in read_only else "") + ("-" if name in deprecated else "")
        lines.append(f"P {name}{flags} {encoder.shape(schema['properties'][name])}")
    for rule in encoder.object_rules(schema):
        mark, names = rule.split(":", 1)
        lines.append(f"O {mark} {' '.join(names.split(','))}")
    encoder.finish_definitions()
    for name in sorted(encoder.definitions):
        lines.append(f"D {name} {encoder.definitions[name]}")
    return "\n".join(lines) + "\n"


def main() -> int:
    output = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "stdlib" / "resources.spec")
    all_regions = regions()
    maps = {region: region_types(region) for region in all_regions}
    names = sorted({t for types in maps.values() for t in types if t.count("::") == 2})
    records = []
    for type_name in names:
        present = [r for r in all_regions if type_name in maps[r]]
        source = SCHEMA_REGION.replace("-", "_") if SCHEMA_REGION.replace("-", "_") in present else present[0]
        missing = [i for i, r in enumerate(all_regions) if type_name not in maps[r]]
        records.append((type_name, record(type_name, dashed(source), missing).encode()))

    header = [
        "# The CloudFormation resource specification, for checking `resource` blocks.",
        f"# Generated by scripts/resource-spec.py from the schemas cfn-lint {CFN_LINT_VERSION} ships; do not edit.",
        "# Format: scripts/resource-spec.py and docs/resources.md.",
        f"V cfn-lint {CFN_LINT_VERSION}",
        "G " + " ".join(dashed(r) for r in all_regions),
        f"I {len(records)}",
    ]
    offset = 0
    for type_name, body in records:
        header.append(f"{type_name} {offset} {len(body)}")
        offset += len(body)
    data = ("\n".join(header) + "\n").encode() + b"".join(body for _, body in records)
    output.write_bytes(data)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
