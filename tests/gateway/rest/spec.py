"""LL2's OpenAPI component schemas as JSON Schema validators, nulls allowed, no extra keys.

Real LL2 answers null where its own description says a value is required: object references
(the seed's ``spacecraft.image``) and scalars too (the ISS sample's flights have a null
``duration``, a required non-null string). So every value may be null — what a value is when
it is not null, which keys an object has and that it has no others are checked. (And a
"uri" may be "": the seed's ``info_link``.) An integer's 32-bit bounds are those of LL2's
database column, not of its JSON: flightgraph's store is 64-bit and serves back what it was
given, so they are not checked.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from tests.conftest import SHARED, shared_file

SPEC = SHARED / "ll2" / "openapi" / "ll_2.3.0.openapi.json"
INT32_MAX = 2**31 - 1


@functools.cache
def spec() -> dict[str, Any]:
    return json.loads(shared_file(SPEC).read_bytes())


def relaxed(schema: Any, refs: str = "urn:ll2:") -> Any:
    """A component schema as plain JSON Schema: any value may be null, no surplus keys;
    references point at ``refs<Name>``."""
    if isinstance(schema, list):
        return [relaxed(s, refs) for s in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        ref = {"$ref": schema["$ref"].replace("#/components/schemas/", refs)}
        return {"anyOf": [ref, {"type": "null"}]}
    skipped = ("nullable", "discriminator", "readOnly", "writeOnly", "example")
    out = {k: relaxed(v, refs) for k, v in schema.items() if k not in skipped}
    if out.get("maximum") == INT32_MAX and out.get("minimum") == -INT32_MAX - 1:
        del out["maximum"], out["minimum"]
    if out.get("format") == "uri":
        del out["format"]  # LL2's own data has "" for links it lacks (the seed's info_link)
    if "properties" in schema:
        out["properties"] = {
            k: _nullable(relaxed(v, refs)) for k, v in schema["properties"].items()
        }
        out["additionalProperties"] = False
    return out


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "type" in schema and "enum" not in schema:
        return {**schema, "type": [schema["type"], "null"]}
    if "anyOf" in schema and {"type": "null"} in schema["anyOf"]:
        return schema
    return {"anyOf": [schema, {"type": "null"}]}


@functools.cache
def _registry() -> Registry:
    resources = [
        (f"urn:ll2:{name}", Resource(contents=relaxed(schema), specification=DRAFT7))
        for name, schema in spec()["components"]["schemas"].items()
    ]
    return Registry().with_resources(resources)


@functools.cache
def validator(schema_name: str) -> Draft7Validator:
    return Draft7Validator({"$ref": f"urn:ll2:{schema_name}"}, registry=_registry())


def violations(schema_name: str, instance: Any) -> list[str]:
    """Every way ``instance`` breaks LL2's ``schema_name``, one line each (the deepest cause
    of each error: a wrong value inside a nullable reference, not "not valid under anyOf")."""
    lines = []
    for error in validator(schema_name).iter_errors(instance):
        deepest = error
        while deepest.context:
            deepest = max(deepest.context, key=lambda e: len(e.absolute_path))
        where = "/".join(map(str, deepest.absolute_path))
        lines.append(f"{where}: {deepest.message[:200]}")
    return sorted(lines)
