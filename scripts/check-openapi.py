#!/usr/bin/env python3
"""Checks the API's OpenAPI document with the ecosystem's own tools.

    python3 scripts/check-openapi.py [--samples DIR]

1. The document (Resources/OpenAPI/unionstar.yaml) is a valid OpenAPI 3.1 document
   (openapi-spec-validator).
2. With --samples: every JSON file in DIR is one real answer the app gave in a test
   ({"method", "path", "status", "body"}, written by Tests/AppTests/APISupport.swift); each must be
   documented (its path template, method and status) and its body must match the documented
   schema (openapi-schema-validator, JSON Schema 2020-12 as OpenAPI 3.1 uses it).

Exits 1 naming every mismatch. Needs PyYAML, openapi-spec-validator and openapi-schema-validator
(scripts/test installs them when missing).
"""
import json
import pathlib
import re
import sys

import yaml
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate as validate_spec

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOCUMENT = ROOT / "Resources" / "OpenAPI" / "unionstar.yaml"


def load():
    with open(DOCUMENT, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def resolve(spec, node):
    """Follows a local $ref (#/components/...) to what it names."""
    while isinstance(node, dict) and "$ref" in node and len(node) == 1:
        target = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def template_matcher(spec):
    """(regex, template) for each documented path, most literal first."""
    matchers = []
    for template in spec["paths"]:
        pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
        matchers.append((re.compile(pattern), template))
    # A literal segment beats a parameter (`/api/openapi.json` before `/api/schemes/{id}`).
    matchers.sort(key=lambda pair: pair[1].count("{"))
    return matchers


def check_samples(spec, folder):
    problems = []
    matchers = template_matcher(spec)
    files = sorted(pathlib.Path(folder).glob("*.json"))
    for file in files:
        sample = json.loads(file.read_text(encoding="utf-8"))
        method, path, status = sample["method"].lower(), sample["path"].split("?")[0], str(sample["status"])
        where = f"{sample['method']} {path} → {status} ({file.name})"
        template = next((t for regex, t in matchers if regex.match(path)), None)
        if template is None:
            problems.append(f"{where}: no documented path")
            continue
        operation = spec["paths"][template].get(method)
        if operation is None:
            problems.append(f"{where}: {template} documents no {method.upper()}")
            continue
        response = operation.get("responses", {}).get(status) or operation.get("responses", {}).get("default")
        if response is None:
            problems.append(f"{where}: {method.upper()} {template} documents no {status}")
            continue
        response = resolve(spec, response)
        content = response.get("content", {})
        media = content.get("application/json")
        if media is None:
            if content:
                continue  # not JSON (the YAML document): its type is checked by the Swift test
            problems.append(f"{where}: documents no JSON body")
            continue
        schema = dict(media["schema"])
        # The components travel with the schema, so its $refs resolve within it.
        schema["components"] = spec["components"]
        validator = OAS31Validator(schema)
        for error in sorted(validator.iter_errors(sample["body"]), key=lambda e: list(e.absolute_path)):
            pointer = "/".join(str(p) for p in error.absolute_path) or "(body)"
            problems.append(f"{where}: {template} at {pointer}: {error.message}")
    return len(files), problems


def main(argv):
    spec = load()
    validate_spec(spec)
    print(f"openapi: {DOCUMENT.relative_to(ROOT)} is a valid OpenAPI {spec['openapi']} document ({len(spec['paths'])} paths)")
    if "--samples" in argv:
        folder = argv[argv.index("--samples") + 1]
        count, problems = check_samples(spec, folder)
        for problem in problems:
            print("openapi: " + problem, file=sys.stderr)
        if problems:
            return 1
        print(f"openapi: {count} real answers match their documented schemas")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
