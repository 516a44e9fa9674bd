#!/usr/bin/env python3
"""Validates emitted artifacts with the tools AWS users trust.

Every `template.json` / `template.yaml` goes through cfn-lint (zero errors; a
warning fails unless its rule is listed in ACCEPTED_WARNINGS and documented in
docs/artifacts.md), every `*.swagger.json` and `*.openapi.json` (REST bodies,
HTTP API bodies, the stage-independent documents) through
openapi-spec-validator, and every `template.yaml` must load to exactly its
`template.json` (beside it, or in the folder given with --yaml-of). A YAML
template that loads to its JSON template is the document cfn-lint already
read: it is not linted twice (a lint costs about a second). A missing
validator is a failure, never a skip.

Usage: validate_artifacts.py [--yaml-of YAML_DIR=JSON_DIR]... [DIR...]
(default: tests/emit/golden; each --yaml-of validates both of its folders)
The region of a template is read from its path (<stage>/<region>/template.*);
the nested templates of a split stack (artifacts/<hash>.template.json, listed
in the manifest with their stack) are linted in their stack's region too.
"""
import argparse
import copy
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "artifacts.md"

# cfn-lint warnings deliberately accepted; each must be explained in docs/artifacts.md.
ACCEPTED_WARNINGS = {}


def fail(message):
    print(f"FAIL: {message}")
    return 1


def load_validators():
    try:
        import cfnlint.api  # noqa: F401
        import openapi_spec_validator  # noqa: F401
        import yaml  # noqa: F401
    except ImportError as error:
        print(f"FAIL: a validator is missing ({error}); install cfn-lint, openapi-spec-validator and PyYAML")
        sys.exit(1)


NESTED_REGIONS = {}  # nested template path -> the region of its stack (from the manifests)


def region_of(path):
    if path.resolve() in NESTED_REGIONS:
        return NESTED_REGIONS[path.resolve()]
    parts = path.parts
    return parts[-2] if len(parts) >= 3 else "us-east-1"


def nested_templates(directory):
    """The nested templates every manifest under `directory` lists, with their regions."""
    found = []
    for manifest_path in sorted(directory.rglob("manifest.json")):
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        for stack in manifest.get("stacks", []):
            for nested in stack.get("nestedStacks", []):
                path = manifest_path.parent / nested["template"]
                if not path.exists():
                    print(f"FAIL: {manifest_path} lists {nested['template']}, which was not written")
                    sys.exit(1)
                NESTED_REGIONS[path.resolve()] = stack["region"]
                if path not in found:
                    found.append(path)
    return found


def lint_template(path):
    from cfnlint.api import ManualArgs, lint_file

    failures = 0
    matches = lint_file(path, config=ManualArgs(regions=[region_of(path)]))
    for match in matches:
        rule = match.rule.id
        where = f"{path}:{match.linenumber}"
        if rule.startswith("E"):
            failures += fail(f"{where}: cfn-lint {rule} {match.message}")
        elif rule.startswith("W") and rule not in ACCEPTED_WARNINGS:
            failures += fail(f"{where}: cfn-lint {rule} {match.message} (not an accepted warning)")
        else:
            print(f"note: {where}: cfn-lint {rule} {match.message}")
    return failures


def yaml_matches_json(path, json_path):
    import yaml

    # CloudFormation's own YAML tags (!Ref) are not used: plain safe_load must do.
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    expected = json.loads(json_path.read_text(encoding="utf-8"))
    if loaded != expected:
        return fail(f"{path}: does not load to the same document as {json_path.name}")
    return 0


GREEDY = re.compile(r"\{([A-Za-z0-9_.-]+)\+\}")


def normalize_greedy_paths(spec):
    """API Gateway's greedy `{key+}` is not OpenAPI path templating; API Gateway
    names its parameter `key`. The validator sees the path as `{key}`."""
    spec = copy.deepcopy(spec)
    if isinstance(spec.get("paths"), dict):
        spec["paths"] = {GREEDY.sub(r"{\1}", path): item for path, item in spec["paths"].items()}
    return spec


def validate_spec(path):
    from openapi_spec_validator import validate

    spec = json.loads(path.read_text(encoding="utf-8"))
    if path.name.endswith(".openapi.json") and spec.get("openapi", "").startswith("3.0") is False:
        return fail(f"{path}: not an OpenAPI 3.0 document")
    if path.name.endswith(".swagger.json") and spec.get("swagger") != "2.0":
        return fail(f"{path}: not a Swagger 2.0 document")
    # openapi/<api>.openapi.json is for docs and clients: no AWS extension. An
    # HTTP API's body (<stage>/<region>/<api>.openapi.json) is API Gateway's.
    stage_independent = path.parent.name == "openapi"
    if stage_independent and "x-amazon" in path.read_text(encoding="utf-8"):
        return fail(f"{path}: the OpenAPI document carries an AWS extension")
    try:
        validate(normalize_greedy_paths(spec))
    except Exception as error:  # the validator raises its own exception types
        first = str(error).splitlines()[0]
        return fail(f"{path}: openapi-spec-validator: {first}")
    return 0


def json_build_twin(path, yaml_of):
    """Where `path`, written by a YAML build given with --yaml-of, is in the
    JSON build of the same project (None for a path of no YAML build)."""
    for yaml_dir, json_dir in yaml_of:
        if path.is_relative_to(yaml_dir):
            return json_dir / path.relative_to(yaml_dir)
    return None


def main(argv):
    parser = argparse.ArgumentParser(description="Validate emitted artifacts.")
    parser.add_argument("--yaml-of", action="append", default=[], metavar="YAML_DIR=JSON_DIR",
                        help="a YAML build and the JSON build of the same project")
    parser.add_argument("dirs", nargs="*", type=pathlib.Path)
    args = parser.parse_args(argv)
    yaml_of = []
    for pair in args.yaml_of:
        yaml_dir, _, json_dir = pair.partition("=")
        yaml_of.append((pathlib.Path(yaml_dir), pathlib.Path(json_dir)))
    dirs = args.dirs + [d for pair in yaml_of for d in reversed(pair)]
    dirs = list(dict.fromkeys(dirs)) or [ROOT / "tests" / "emit" / "golden"]
    load_validators()
    for rule in ACCEPTED_WARNINGS:
        if rule not in DOC.read_text(encoding="utf-8"):
            return fail(f"accepted warning {rule} is not documented in {DOC}")
    templates, specs = [], []
    for directory in dirs:
        if not directory.is_dir():
            return fail(f"{directory} is not a folder")
        templates += sorted(directory.rglob("template.json")) + sorted(directory.rglob("template.yaml"))
        templates += nested_templates(directory)
        specs += sorted(directory.rglob("*.swagger.json")) + sorted(directory.rglob("*.openapi.json"))
    if not templates or not specs:
        return fail(f"no artifacts found under {', '.join(map(str, dirs))}")
    failures = linted = 0
    for template in templates:
        # A YAML template must load to its JSON template (beside it, or in
        # the JSON build); when that one is linted here, it is not linted again.
        if template.suffix == ".yaml":
            sibling = (json_build_twin(template, yaml_of) or template).with_suffix(".json")
            if sibling.exists():
                mismatch = yaml_matches_json(template, sibling)
                failures += mismatch
                if not mismatch and sibling in templates:
                    continue
        failures += lint_template(template)
        linted += 1
    for spec in specs:
        # A YAML build writes its API documents in JSON too: the same bytes
        # as the JSON build's are validated once.
        twin = json_build_twin(spec, yaml_of)
        if twin is not None and twin.exists() and twin.read_bytes() == spec.read_bytes():
            continue
        failures += validate_spec(spec)
    print(f"{len(templates)} templates ({linted} linted, the others load to a linted JSON template), "
          f"{len(specs)} API documents: {failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
