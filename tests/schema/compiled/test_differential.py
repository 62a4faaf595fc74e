"""The compiled executor answers every query exactly as graphql-core's standard one does: the
same data (key order included, compared as JSON bytes) and the same errors (message, path,
locations, extensions, in the same order).

Two sources of queries, both run on a demo data set (1,000 generated flights, the seed flight
and every LL2 sample) on SQLite and on PostgreSQL, each execution with a fresh ``Context``:

* generated ones (hypothesis + hypothesis-graphql, :mod:`tests.schema.compiled.generated`),
  on the guarded profile the HTTP face serves; ``FLIGHTGRAPH_DIFFERENTIAL_EXAMPLES`` sets how
  many (default 300 a backend), ``FLIGHTGRAPH_DIFFERENTIAL_SEED`` trades the fixed
  derandomized run for a seeded one, and at least ``FLIGHTGRAPH_DIFFERENTIAL_MIN_COMPILED``
  of them (default 0.9) must run compiled — else the comparison would prove little. The
  share is printed (``-s``) and recorded as the test's ``coverage`` property;
* a curated corpus of the semantics an executor must match, plus every LL2 REST mode document
  and the queries the other schema tests send, on the plain and the guarded profile.

Until ``schema/compiled/`` exists both sides are the standard executor (the comparison passes
trivially); once it does, ``build_schema(compiled=...)`` and ``schema.compiled.explain`` must
be there, or every test here fails.
"""

from __future__ import annotations

import ast
import asyncio
import copy
import functools
import importlib
import json
import os
import re
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pytest
import pytest_asyncio
from graphql import (
    DocumentNode,
    ExecutionResult,
    GraphQLError,
    OperationDefinitionNode,
    OperationType,
    get_named_type,
    parse,
    validate,
)
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from sqlalchemy.ext.asyncio import AsyncEngine

import schema as schema_package
from gateway.context import Context
from gateway.rest.documents import mode_document
from gateway.rest.endpoints import DOCUMENTS
from schema import build_schema
from schema.guards import Guards, Limits
from schema.node import to_global_id
from tests.conftest import (
    SAMPLES,
    Database,
    demo_template,
    shared_file,
)
from tests.databases import Template, Templates
from tests.schema.compiled import generated
from tests.schema.compiled.generated import MISSING_INT_ID, MISSING_UUID, Case, Known
from tests.schema.helpers import ingest

# The data set is built once a module (ingesting takes seconds): async tests share its loop.
on_module_loop = pytest.mark.asyncio(loop_scope="module")

TESTS = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("FLIGHTGRAPH_DIFFERENTIAL_EXAMPLES", "300"))
SEED = os.environ.get("FLIGHTGRAPH_DIFFERENTIAL_SEED")
# Below this share of generated queries on the fast path the comparison says little.
MIN_COMPILED = float(os.environ.get("FLIGHTGRAPH_DIFFERENTIAL_MIN_COMPILED", "0.9"))
# The fast path is in the tree once its package is: from then on it must be wired in.
COMPILED = (Path(schema_package.__file__).parent / "compiled").is_dir()
ERROR_ID = re.compile(r"\(error id [0-9a-f]+\)")
JSON_ONLY = (
    orjson.OPT_PASSTHROUGH_DATETIME
    | orjson.OPT_PASSTHROUGH_DATACLASS
    | orjson.OPT_PASSTHROUGH_SUBCLASS
)
SEED_FLIGHT = 859
SPUTNIK = "e3df2ecd-c239-472f-95e4-2b89b4f75800"  # a launch of the LL2 samples
NASA = 44
ISS = 4


# --- the two executors -----------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    name: str
    standard: Any
    fast: Any

    def __repr__(self) -> str:
        return f"Pair({self.name})"


def build_pair(guarded: bool) -> Pair:
    """The standard and the compiled schema, alike but for the executor."""
    name = "guarded" if guarded else "plain"

    def options() -> dict[str, Any]:
        return {"extensions": [Guards(Limits())]} if guarded else {}

    if not COMPILED:
        return Pair(name, build_schema(**options()), build_schema(**options()))
    try:
        return Pair(
            name,
            build_schema(compiled=False, **options()),  # type: ignore[call-arg]
            build_schema(compiled=True, **options()),  # type: ignore[call-arg]
        )
    except TypeError as error:
        pytest.fail(f"schema/compiled/ exists but build_schema() takes no `compiled`: {error}")


def standard_schema() -> Any:
    """graphql-core's executor, whatever the environment asks for."""
    return build_schema(compiled=False) if COMPILED else build_schema()  # type: ignore[call-arg]


def explain(
    fast: Any,
    document: DocumentNode,
    operation_name: str | None = None,
    variables: dict[str, Any] | None = None,
) -> str | None:
    """``schema.compiled.explain``: None when the operation runs compiled, else why not."""
    if not COMPILED:
        return None
    try:
        module = importlib.import_module("schema.compiled")
        function: Callable[..., str | None] = module.explain
    except (ImportError, AttributeError) as error:
        pytest.fail(f"schema/compiled/ exists but has no explain(): {error}")
    return function(fast, document, operation_name, variables)


@dataclass(frozen=True)
class Raised:
    """An exception out of ``schema.execute`` (Strawberry raises for an unknown operation)."""

    error: BaseException

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Raised) and repr(self.error) == repr(other.error)

    def __hash__(self) -> int:
        return hash(repr(self.error))


async def execute(schema: Any, case: Case, engine: AsyncEngine) -> ExecutionResult | Raised:
    try:
        return await schema.execute(  # type: ignore[no-any-return]
            case.query,
            # A copy each time: the federation resolvers write into representations.
            variable_values=copy.deepcopy(case.variables),
            operation_name=case.operation_name,
            context_value=Context(engine),
        )
    except Exception as error:
        return Raised(error)


def outcome(result: ExecutionResult | Raised) -> tuple[bytes, list[dict[str, Any]]]:
    """What a client sees: the data as JSON bytes (key order counts; anything but plain JSON
    values fails), and the formatted errors (a masked error's random id left out)."""
    if isinstance(result, Raised):
        return b"raised", [{"raised": repr(result.error)}]
    data = orjson.dumps(result.data, option=JSON_ONLY)
    errors = []
    for error in result.errors or []:
        formatted = dict(error.formatted)
        formatted["message"] = ERROR_ID.sub("(error id …)", formatted["message"])
        if "errorId" in (formatted.get("extensions") or {}):
            formatted["extensions"] = {**formatted["extensions"], "errorId": "…"}
        errors.append(formatted)
    extensions = getattr(result, "extensions", None)
    if extensions:  # none is configured today; if one is, it must agree too
        errors.append({"extensions of the result": extensions})
    return data, errors


def executed(result: ExecutionResult | Raised) -> bool:
    """Whether execution began: refused requests (syntax, validation, variables, limits,
    operation name) have no data and no error with a path."""
    if isinstance(result, Raised):
        return False
    return result.data is not None or any(e.path for e in result.errors or [])


def assert_alike(
    case: Case, standard: ExecutionResult | Raised, fast: ExecutionResult | Raised
) -> None:
    try:
        want = outcome(standard)
    except TypeError as error:  # not JSON: the standard executor's own fault, not the test's
        pytest.fail(f"the standard executor answers non-JSON data on\n{case!r}\n{error}")
    try:
        got = outcome(fast)
    except TypeError as error:
        pytest.fail(f"the compiled executor answers non-JSON data on\n{case!r}\n{error}")
    if want != got:
        pytest.fail(
            f"the compiled executor differs on\n{case!r}\n"
            f"standard data:   {want[0][:3000]!r}\n"
            f"compiled data:   {got[0][:3000]!r}\n"
            f"standard errors: {json.dumps(want[1], ensure_ascii=False, default=repr)[:3000]}\n"
            f"compiled errors: {json.dumps(got[1], ensure_ascii=False, default=repr)[:3000]}",
            pytrace=False,
        )


def should_compile(document: DocumentNode) -> bool:
    """Every query runs compiled but introspection and the federation fields; subscriptions
    never do."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    return all(o.operation == OperationType.QUERY for o in operations) and not generated.uses(
        document, "__schema", "__type", "_entities", "_service"
    )


# --- the data set ----------------------------------------------------------------------------


@dataclass
class Dataset:
    backend: str
    engine: AsyncEngine
    known: Known


@pytest.fixture(scope="module")
def module_template(module_backend: str, templates: Templates, demo_files: list[Path]) -> Template:
    # Built outside the event loop: the template builder runs a loop of its own.
    return demo_template(templates, module_backend, demo_files)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def dataset(
    module_template: Template, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Dataset]:
    """One database per backend for the module: the demo flights (a copy of the demo
    template), then every LL2 sample."""
    backend = module_template.backend
    folder = tmp_path_factory.mktemp(f"differential-{backend}")
    samples = sorted(shared_file(SAMPLES).glob("*/*.json"))
    database = Database(backend, folder, module_template)
    await database.create()
    engine = database.engine()
    try:
        await ingest(engine, samples)
        known = await generated.harvest(standard_schema(), engine, Context)
        yield Dataset(backend, engine, known)
    finally:
        await engine.dispose()
        await database.drop()


@pytest.fixture(scope="module")
def guarded() -> Pair:
    return build_pair(guarded=True)


@pytest.fixture(scope="module")
def plain() -> Pair:
    return build_pair(guarded=False)


# --- generated queries -----------------------------------------------------------------------


@dataclass
class Coverage:
    """Of the generated requests that execute, how many ran compiled (and why not)."""

    compiled: int = 0
    refused: int = 0  # not executed at all (validation, variables, limits)
    fallbacks: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return self.compiled + sum(self.fallbacks.values())

    def __str__(self) -> str:
        share = self.compiled / self.total if self.total else 0.0
        reasons = "; ".join(f"{n}× {r}" for r, n in self.fallbacks.most_common(10))
        return (
            f"{self.total + self.refused} queries, {self.refused} refused before execution; "
            f"of the {self.total} executed {self.compiled} ran compiled ({share:.1%}); "
            f"fallbacks: {reasons or 'none'}"
        )


@on_module_loop
async def test_generated_queries_answer_alike(
    dataset: Dataset, plain: Pair, guarded: Pair, record_property: Callable[[str, object], None]
) -> None:
    """Generated queries, each on the guarded profile (limits, cost, masking: what the HTTP
    face serves) or, one in three, on the plain one (what the REST routes and tests use)."""
    loop = asyncio.get_running_loop()
    coverage = Coverage()
    graphql_schema = guarded.standard._schema

    def run(schema: Any, case: Case) -> ExecutionResult | Raised:
        future = asyncio.run_coroutine_threadsafe(execute(schema, case, dataset.engine), loop)
        return future.result(timeout=120)

    @given(
        case=generated.cases(graphql_schema, dataset.known),
        pair=st.sampled_from([guarded, guarded, plain]),
    )
    @settings(
        max_examples=EXAMPLES,
        derandomize=SEED is None,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )
    def check(case: Case, pair: Pair) -> None:
        standard = run(pair.standard, case)
        assert_alike(case, standard, run(pair.fast, case))
        if not executed(standard):
            coverage.refused += 1
            return
        reason = explain(pair.fast, parse(case.query), case.operation_name, case.variables)
        if reason is None:
            coverage.compiled += 1
        else:
            coverage.fallbacks[reason] += 1

    if SEED is not None:
        check = seed(int(SEED))(check)
    await asyncio.to_thread(check)
    print(f"\n[{dataset.backend}] generated: {coverage}")
    record_property("coverage", str(coverage))
    assert coverage.total >= min(EXAMPLES, 50) * 0.8
    assert coverage.compiled >= MIN_COMPILED * coverage.total, f"too few ran compiled: {coverage}"


# --- the curated corpus ----------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """A corpus query; ``variables`` may be computed from what the data set holds."""

    id: str
    query: str
    variables: dict[str, Any] | Callable[[Known], dict[str, Any]] = field(default_factory=dict)
    operation_name: str | None = None

    def case(self, known: Known) -> Case:
        variables = self.variables(known) if callable(self.variables) else self.variables
        query = re.sub(r"<([A-Z_]+)>", lambda m: str(PLACEHOLDERS[m[1]]), self.query)
        return Case(query, variables, self.operation_name)


def gid(type_name: str, key: object) -> str:
    return str(to_global_id(type_name, key))


FLIGHT_ID = gid("Flight", SEED_FLIGHT)
LAUNCH_ID = gid("Launch", SPUTNIK)
# Written as <NAME> in the corpus queries (braces stay braces).
PLACEHOLDERS = {
    "SEED_FLIGHT": SEED_FLIGHT,
    "NASA": NASA,
    "ISS": ISS,
    "MISSING_INT_ID": MISSING_INT_ID,
    "MISSING_UUID": MISSING_UUID,
    "FLIGHT_ID": FLIGHT_ID,
    "NOPE_ID": gid("Nope", 1),
    "BAD_KEY_ID": gid("Flight", "x"),
}
DEPTH_12 = """{ flights(first: 2) { nodes { spacecraft { flights(first: 2) { nodes { launch {
  pad { launches(first: 2) { nodes { pad { location { name } } } } } } } } } } } }"""
DEPTH_13 = DEPTH_12.replace("location { name }", "location { celestialBody { name } }")

CORPUS = [
    Entry(
        "aliases-same-field-different-arguments",
        """{ a: flight(ll2Id: <SEED_FLIGHT>) { ll2Id destination }
              b: flight(ll2Id: <MISSING_INT_ID>) { ll2Id }
              c: flight(id: "<FLIGHT_ID>") { id ll2Id name: destination }
              first: flights(first: 2) { nodes { ll2Id } }
              last: flights(last: 2, orderBy: ID_DESC) { nodes { ll2Id } }
              flights(first: 1, offset: 3) { totalCount nodes { ll2Id } } }""",
    ),
    Entry(
        "alias-shadowing-another-field-name",
        """{ flight(ll2Id: <SEED_FLIGHT>) { ll2Id: destination destination: ll2Id
              launch { name: net net: name } } }""",
    ),
    Entry(
        "named-and-nested-fragments",
        """query { flight(ll2Id: <SEED_FLIGHT>) { ...FlightParts } }
            fragment FlightParts on Flight { ll2Id destination launch { ...LaunchParts }
              spacecraft { ...Craft } }
            fragment LaunchParts on Launch { name net pad { ...PadParts } }
            fragment PadParts on Pad { name location { name } }
            fragment Craft on Spacecraft { name flights(first: 2) { nodes { ...Small } } }
            fragment Small on Flight { ll2Id }""",
    ),
    Entry(
        "fragment-spread-twice-and-on-an-interface",
        """{ flight(ll2Id: <SEED_FLIGHT>) { ...N ...N launch { ...N } } }
            fragment N on Node { id __typename }""",
    ),
    Entry(
        "node-with-inline-fragments",
        """query($a: ID!, $b: ID!) {
             a: node(id: $a) { __typename id ... on Flight { ll2Id destination }
                               ... on Launch { ll2Id name } }
             b: node(id: $b) { __typename id ... on Flight { ll2Id destination }
                               ... on Launch { ll2Id name net } ... on Node { id } } }""",
        {"a": FLIGHT_ID, "b": LAUNCH_ID},
    ),
    Entry(
        "nodes-mixing-types-and-unknown-ids",
        """query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
              ... on Flight { ll2Id } ... on Launch { name } ... on Agency { name abbrev }
              ... on SpaceStation { name } } }""",
        lambda known: {
            "ids": [
                FLIGHT_ID,
                LAUNCH_ID,
                gid("Agency", NASA),
                gid("Flight", MISSING_INT_ID),
                gid("SpaceStation", ISS),
                gid("Launch", MISSING_UUID),
                *known.global_ids["Pad"][:1],
                FLIGHT_ID,
            ]
        },
    ),
    Entry(
        "nodes-with-a-malformed-id",
        """{ nodes(ids: ["<FLIGHT_ID>", "not base64!", "<NOPE_ID>"]) { id } }""",
    ),
    Entry(
        "node-malformed-and-unknown",
        """{ a: node(id: "!!") { id } b: node(id: "") { id }
          c: node(id: "<BAD_KEY_ID>") { id } }""",
    ),
    Entry(
        "typename-at-every-level",
        """{ __typename flights(first: 2) { __typename totalCount
              edges { __typename cursor node { __typename ll2Id
                spacecraft { __typename spacecraftConfig { __typename agency { __typename } } } } }
              pageInfo { __typename hasNextPage } }
            n: node(id: "<FLIGHT_ID>") { __typename ... on Flight { __typename } } }""",
    ),
    Entry(
        "skip-and-include-literals",
        """{ flight(ll2Id: <SEED_FLIGHT>) { ll2Id destination @skip(if: true)
              launch @include(if: false) { name } missionEnd @include(if: true)
              spacecraft @skip(if: false) { name } both: ll2Id @skip(if: false) @include(if: false)
              ... on Flight @skip(if: true) { launchCrew { role { role } } }
              ... @include(if: true) { duration } } }""",
    ),
    Entry(
        "skip-and-include-variables",
        """query($yes: Boolean!, $no: Boolean = false, $unset: Boolean = true) {
              flight(ll2Id: <SEED_FLIGHT>) { ll2Id destination @skip(if: $yes)
                launch @include(if: $no) { name } spacecraft @include(if: $unset) { name }
                ...F @skip(if: $no) ... on Flight @include(if: $yes) { missionEnd } } }
            fragment F on Flight { duration launch @include(if: $yes) { net } }""",
        {"yes": True},
    ),
    Entry(
        "skip-with-a-null-variable-is-an-error",
        "query($c: Boolean) { flights(first: 1) @skip(if: $c) { totalCount } }",
        {"c": None},
    ),
    Entry(
        "merged-selections-across-fragments",
        """{ flight(ll2Id: <SEED_FLIGHT>) { ...A launch { ll2Id } ...B
              spacecraft { ll2Id } } }
            fragment A on Flight { launch { name pad { ll2Id } } spacecraft { name } }
            fragment B on Flight { launch { net pad { name location { name } } }
              spacecraft { serialNumber spacecraftConfig { name } } destination }""",
    ),
    Entry(
        "merged-field-order-is-first-occurrence",
        """{ flight(ll2Id: <SEED_FLIGHT>) { destination ll2Id
              ... on Flight { missionEnd destination } ll2Id ... { missionEnd launch { name } }
              launch { net name } } }""",
    ),
    Entry(
        "merged-connections-in-a-list",
        """{ spacecraftList(first: 3) { nodes { ll2Id flights(first: 2) { nodes { ll2Id } } }
             ...S } } fragment S on SpacecraftConnection { nodes { flights(first: 2) {
             totalCount nodes { destination } } name } }""",
    ),
    Entry(
        "variables-with-defaults",
        """query($n: Int = 3, $order: FlightOrder = ID_DESC, $after: String) {
             flights(first: $n, orderBy: $order, after: $after) { nodes { ll2Id } } }""",
    ),
    Entry(
        "variables-given",
        """query($n: Int = 3, $order: FlightOrder = ID_DESC) {
             flights(first: $n, orderBy: $order) { nodes { ll2Id } } }""",
        {"n": 1, "order": "MISSION_END_ASC"},
    ),
    Entry(
        "variable-int-given-as-integral-float",
        "query($n: Int) { flights(first: $n) { nodes { ll2Id } } }",
        {"n": 2.0},
    ),
    Entry(
        "variable-int-given-as-float",
        "query($n: Int) { flights(first: $n) { nodes { ll2Id } } }",
        {"n": 1.5},
    ),
    Entry(
        "variable-int-given-as-string",
        "query($n: Int) { flights(first: $n) { nodes { ll2Id } } }",
        {"n": "2"},
    ),
    Entry("int-argument-as-float-literal", "{ flights(first: 1.5) { totalCount } }"),
    Entry(
        "enum-variable-unknown",
        "query($o: FlightOrder!) { flights(orderBy: $o) { totalCount } }",
        {"o": "ID_SIDEWAYS"},
    ),
    Entry("enum-literal-unknown", "{ flights(orderBy: ID_SIDEWAYS) { totalCount } }"),
    Entry("enum-as-string-literal", '{ flights(orderBy: "ID_ASC") { totalCount } }'),
    Entry(
        "required-variable-missing",
        "query($id: Int!) { flight(ll2Id: $id) { ll2Id } }",
    ),
    Entry(
        "input-object-variable-and-list-coercion",
        """query($f: FlightFilter) { flights(first: 5, filter: $f) { totalCount
             nodes { ll2Id destination } } }""",
        {"f": {"destination": {"in": "International Space Station"}, "ll2Id": {"gte": 100}}},
    ),
    Entry(
        "input-object-variable-with-unknown-field",
        "query($f: FlightFilter) { flights(filter: $f) { totalCount } }",
        {"f": {"nope": 1}},
    ),
    Entry(
        "custom-scalars-in-literals",
        """{ launches(first: 3, filter: { net: { gte: "1957-10-01T00:00:00Z" } }) {
             nodes { ll2Id net windowStart } }
           bad: launches(first: 3, filter: { net: { gte: "1957-10-01T00:00:00" } }) {
             totalCount } }""",
    ),
    Entry(
        "custom-scalar-variable-refused",
        "query($t: DateTime) { launches(filter: { net: { gte: $t } }) { totalCount } }",
        {"t": "not a time"},
    ),
    Entry(
        "uuid-argument",
        """query($u: UUID) { a: launch(ll2Id: $u) { name }
              b: launch(ll2Id: "<MISSING_UUID>") { name }
              c: launch(ll2Id: "not-a-uuid") { name } }""",
        {"u": SPUTNIK},
    ),
    Entry(
        "connection-pages-every-way",
        """query($after: String, $before: String) {
             a: flights(first: 3, after: $after) { edges { cursor node { ll2Id } }
               pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
             b: flights(last: 3, before: $before) { edges { cursor node { ll2Id } }
               pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
             c: flights(first: 2, offset: 5) { nodes { ll2Id } pageInfo { hasNextPage } }
             d: flights(first: 0) { totalCount nodes { ll2Id } pageInfo { startCursor } }
             e: launches(first: 2, orderBy: NET_DESC) { nodes { ll2Id net } } }""",
        lambda known: {
            "after": known.cursors[("Flight", "ID_ASC")][1],
            "before": known.cursors[("Flight", "ID_ASC")][-1],
        },
    ),
    Entry(
        "connection-filter-and-order",
        """{ launches(first: 5, orderBy: NET_DESC, filter: { or: [
               { name: { contains: "Sputnik" } }, { net: { lt: "1970-01-01T00:00:00Z" } } ] }) {
             totalCount nodes { ll2Id name net } }
           agencies(first: 3, orderBy: NAME_DESC, filter: { not: { name: { contains: "a" } } }) {
             totalCount nodes { name } } }""",
    ),
    Entry(
        "connection-relation-filters",
        """query($status: String) {
             a: launches(first: 5, orderBy: NET_DESC, filter: {
               statusWhere: { abbrev: { eq: $status } },
               padWhere: { locationWhere: { name: { contains: "a" } } } }) {
               totalCount nodes { ll2Id name status { abbrev } } }
             b: agencies(first: 5, filter: { launchesWhere: {
               some: { statusWhere: { abbrev: { eq: "Success" } } },
               none: { net: { lt: "1960-01-01T00:00:00Z" } } } }) {
               totalCount nodes { name
                 launches(first: 2, filter: { not: { orbitWhere: { abbrev: { eq: "LEO" } } } }) {
                   totalCount nodes { ll2Id } } } }
             c: pads(first: 3, filter: {
                  launchesWhere: { every: { flightsWhere: { some: {} } } } }) {
               totalCount nodes { name } }
             d: flights(first: 3, filter: { or: [
               { launchWhere: { statusWhere: { abbrev: { in: ["Failure"] } } } },
               { spacecraftWhere: {
                   flightsWhere: { none: { destination: { eq: "ISS" } } } } } ] }) {
               totalCount nodes { ll2Id } } }""",
        {"status": "Success"},
    ),
    Entry(
        # Only the side of pageInfo the paging direction knows, with no rows aggregated:
        # once answered null for an empty page (and one row per page row otherwise).
        "page-info-without-rows",
        """query($before: String) {
             a: spacecraftList(last: 0, before: $before) { pageInfo { hasNextPage } }
             b: spacecraftList(last: 3, before: $before) { pageInfo { hasNextPage __typename } }
             c: flights(first: 3) { pageInfo { hasPreviousPage } }
             d: flights(first: 0, offset: 2) { totalCount pageInfo { hasPreviousPage } } }""",
        lambda known: {"before": known.cursors[("Flight", "ID_ASC")][-1]},
    ),
    Entry("first-101", "{ flights(first: 101) { totalCount } }"),
    Entry("first-and-last", "{ flights(first: 2, last: 2) { totalCount } }"),
    Entry(
        "errors-keep-paths-and-locations",
        """{ ok: flights(first: 1) { nodes { ll2Id } }
             flight(id: "not base64!") { ll2Id }
             bad: flight(ll2Id: 1, id: "<FLIGHT_ID>") { ll2Id } }""",
    ),
    Entry(
        "malformed-cursors",
        """{ a: flights(first: 2, after: "not a cursor") { totalCount }
             b: launches(first: 2, before: "eyJvIjogMX0") { totalCount } }""",
    ),
    Entry(
        "cursor-of-another-order",
        """query($c: String) { flights(first: 2, after: $c, orderBy: ID_DESC) {
             nodes { ll2Id } } }""",
        lambda known: {"c": known.cursors[("Flight", "ID_ASC")][0]},
    ),
    Entry(
        "multiple-operations-by-name",
        """query A { flights(first: 1) { nodes { ll2Id } } }
           query B($n: Int = 2) { launches(first: $n) { nodes { name } } }""",
        operation_name="B",
    ),
    Entry(
        "multiple-operations-without-a-name",
        "query A { flights(first: 1) { totalCount } } query B { launches { totalCount } }",
    ),
    Entry(
        "unknown-operation-name",
        "query A { flights(first: 1) { totalCount } }",
        operation_name="C",
    ),
    Entry(
        "error-in-a-nullable-parent",
        """{ flight(ll2Id: <SEED_FLIGHT>) { ll2Id
              spacecraft { name flights(first: 101) { totalCount } } } }""",
    ),
    Entry(
        "null-propagates-through-non-null-lists-to-the-root",
        """{ spacecraftList(first: 3) { nodes { ll2Id flights(first: 101) { totalCount } } }
             flight(ll2Id: <SEED_FLIGHT>) { ll2Id } }""",
    ),
    Entry(
        "null-propagates-to-a-nullable-item",
        """query($ids: [ID!]!) { nodes(ids: $ids) { id
             ... on Spacecraft { flights(first: -1) { totalCount } } } }""",
        lambda known: {"ids": [*known.global_ids["Spacecraft"][:2], FLIGHT_ID]},
    ),
    Entry(
        "bigint-beyond-32-bits-in-a-list",
        "{ spacecraftConfigs(first: 100) { nodes { ll2Id name payloadCapacity } } }",
    ),
    Entry(
        "bigint-beyond-32-bits-deep",
        """{ agencies(first: 100, offset: 200) { nodes { ll2Id
             spacecraftConfigs(first: 5) { nodes { ll2Id payloadCapacity } } } } }""",
    ),
    Entry("depth-12", DEPTH_12),
    Entry("depth-13", DEPTH_13),
    Entry(
        "lists-of-objects-and-values",
        """{ flight(ll2Id: <SEED_FLIGHT>) { launchCrew { role { role } astronaut { name } }
              dockingEvents { docking departure spaceStationTarget { name } }
              launch { program { name agencies { name } } updates { comment }
                infoUrls { url } vidUrls { url } missionPatches { name } } } }""",
    ),
    Entry(
        "space-station-and-astronauts",
        """{ spaceStation(ll2Id: <ISS>) { name owners { name }
              activeExpeditions { name crew { role { role } astronaut { name } } }
              dockingLocation { name } activeDockingEvents { docking } }
            astronauts(first: 5) { nodes { name nationality { name } flights { name } } }
            agency(ll2Id: <NASA>) { name country { name } launches(first: 2) { totalCount } }
            }""",
    ),
    Entry("introspection-schema", "{ __schema { queryType { name } types { name } } }"),
    Entry(
        "introspection-type-next-to-data",
        """{ __type(name: "Flight") { name fields { name type { name kind } } }
             flights(first: 1) { nodes { ll2Id } } }""",
    ),
    Entry("federation-service", "{ _service { sdl } }"),
    Entry(
        "federation-entities",
        """query($r: [_Any!]!) { _entities(representations: $r) { __typename
             ... on Flight { ll2Id destination } ... on Launch { name } } }""",
        {"r": [{"__typename": "Flight", "ll2Id": SEED_FLIGHT}, {"__typename": "Launch"}]},
    ),
    Entry("subscription", "subscription { flightUpdated { ll2Id } }"),
    Entry("syntax-error", "{ flights(first: ) { totalCount } }"),
    Entry("unknown-field", "{ flights { nodes { ll2Id nope } } }"),
]


def mode_entries() -> list[Entry]:
    """Every LL2 REST mode document, as :mod:`gateway.rest.documents` assembles it."""
    entries = []
    for path in sorted(DOCUMENTS.glob("*.graphql")):
        document = mode_document(path.stem)
        (operation, *_) = document.document.definitions
        assert isinstance(operation, OperationDefinitionNode)
        root = next(iter(operation.selection_set.selections))
        field_name = root.name.value  # type: ignore[union-attr]
        entries.append(
            Entry(
                f"rest-{path.stem}",
                document.source,
                _mode_variables(field_name, operation),
            )
        )
    return entries


def _mode_variables(
    field_name: str, operation: OperationDefinitionNode
) -> Callable[[Known], dict[str, Any]]:
    def variables(known: Known) -> dict[str, Any]:
        query = plain_schema().query_type
        assert query is not None
        gql_field = query.fields[field_name]
        node_type = get_named_type(gql_field.type)
        if "orderBy" in gql_field.args:  # a list
            order = gql_field.args["orderBy"].default_value
            return {"first": 10, "offset": 3, "orderBy": order.name, "filter": None}
        # A type the data set holds no node of (boosters: neither the demo flights nor the
        # samples fly one) is asked for an id that is not there: both answer null.
        ids = known.ll2_ids.get(node_type.name) or [0]
        return {"id": ids[len(ids) // 2]}

    return variables


@functools.cache
def plain_schema() -> Any:
    """The GraphQL schema, to look types up in: built once, not again for every run of every
    mode entry (that cost seconds a backend)."""
    return standard_schema()._schema


def harvested_entries() -> list[Entry]:
    """The queries other tests send, where they run as they are: string literals of
    tests/schema and tests/gateway that parse, validate, and need no variable."""
    schema = plain_schema()
    found: dict[str, Entry] = {}
    files = [*sorted((TESTS / "schema").glob("*.py")), *sorted((TESTS / "gateway").rglob("*.py"))]
    for path in files:
        if "node_modules" in path.parts or path.name == "conftest.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            text = node.value
            if (
                not text.lstrip().startswith(("{", "query", "fragment", "subscription"))
                or text in found
            ):
                continue
            try:
                document = parse(text)
            except GraphQLError:
                continue
            if validate(schema, document) or not _runs_without_variables(document):
                continue
            name = f"tests-{path.relative_to(TESTS).with_suffix('')}-{node.lineno}"
            found[text] = Entry(name.replace("/", "."), text)
    return list(found.values())


def _runs_without_variables(document: DocumentNode) -> bool:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    return len(operations) == 1 and all(
        v.default_value is not None or v.type.kind != "non_null_type"
        for v in operations[0].variable_definitions or ()
    )


ENTRIES = [*CORPUS, *mode_entries(), *harvested_entries()]


@on_module_loop
@pytest.mark.parametrize("profile", ["plain", "guarded"])
@pytest.mark.parametrize("entry", ENTRIES, ids=[e.id for e in ENTRIES])
async def test_corpus_answers_alike(
    dataset: Dataset, plain: Pair, guarded: Pair, entry: Entry, profile: str
) -> None:
    pair = plain if profile == "plain" else guarded
    case = entry.case(dataset.known)
    standard = await execute(pair.standard, case, dataset.engine)
    fast = await execute(pair.fast, case, dataset.engine)
    assert_alike(case, standard, fast)
    if executed(standard) and should_compile(document := parse(case.query)):
        reason = explain(pair.fast, document, case.operation_name, case.variables)
        assert reason is None, f"{entry.id} fell back: {reason}"


def test_the_corpus_reaches_what_it_means_to() -> None:
    """The corpus is not vacuous: the mode documents and the other tests' queries are in."""
    ids = {e.id for e in ENTRIES}
    assert sum(i.startswith("rest-") for i in ids) == len(list(DOCUMENTS.glob("*.graphql")))
    assert sum(i.startswith("tests-") for i in ids) >= 20


@on_module_loop
async def test_corpus_exercises_data_and_errors(dataset: Dataset, plain: Pair) -> None:
    """Each semantic case does what its name says on the standard executor (so that a case
    that silently stopped reaching data does not pass as 'alike')."""
    by_id = {e.id: e for e in CORPUS}

    async def run(entry_id: str) -> ExecutionResult:
        case = by_id[entry_id].case(dataset.known)
        return await execute(plain.standard, case, dataset.engine)

    nested = await run("null-propagates-through-non-null-lists-to-the-root")
    assert nested.data is None and nested.errors and len(nested.errors) >= 1
    partial = await run("error-in-a-nullable-parent")
    assert partial.data == {"flight": {"ll2Id": SEED_FLIGHT, "spacecraft": None}}
    wide = await run("bigint-beyond-32-bits-in-a-list")
    assert wide.data and not wide.errors
    capacities = [n["payloadCapacity"] for n in wide.data["spacecraftConfigs"]["nodes"]]
    assert any(c is not None and c > 2**31 for c in capacities)
    nodes = await run("nodes-mixing-types-and-unknown-ids")
    assert nodes.data and not nodes.errors
    assert [n and n["__typename"] for n in nodes.data["nodes"]] == [
        "Flight",
        "Launch",
        "Agency",
        None,
        "SpaceStation",
        None,
        "Pad",
        "Flight",
    ]
    deep = await run("depth-12")
    assert deep.data and not deep.errors
    assert deep.data["flights"]["nodes"][0]["spacecraft"]["flights"]["nodes"][0]["launch"]


REUSED = """
query Reused($n: Int, $o: FlightOrder = ID_ASC, $inc: Boolean!, $skip: Boolean = false,
             $id: ID!, $after: String) {
  flights(first: $n, orderBy: $o, after: $after) {
    totalCount
    nodes { ll2Id destination @include(if: $inc) ...More @skip(if: $skip) }
  }
  node(id: $id) { id ... on Flight { ll2Id launch @include(if: $inc) { name } } }
}
fragment More on Flight { missionEnd spacecraft { name } }
"""


@on_module_loop
@pytest.mark.parametrize("profile", ["plain", "guarded"])
async def test_one_document_with_changing_variables_answers_alike(
    dataset: Dataset, plain: Pair, guarded: Pair, profile: str
) -> None:
    """The same document again and again (the guarded profile hands the executor the very
    same parsed document): plans kept between requests must not keep a request's values."""
    pair = plain if profile == "plain" else guarded
    known = dataset.known
    flights = known.global_ids["Flight"]
    runs: list[dict[str, Any]] = [
        {"n": 2, "inc": True, "id": flights[0]},
        {"n": 3, "inc": False, "id": flights[1], "o": "ID_DESC"},
        {"n": 2, "inc": True, "skip": True, "id": flights[2]},
        {"n": 1, "inc": True, "id": flights[0], "after": known.cursors[("Flight", "ID_ASC")][0]},
        {"n": 101, "inc": True, "id": flights[0]},  # an error, then fine again
        {"n": 2, "inc": False, "skip": True, "id": LAUNCH_ID, "o": "MISSION_END_DESC"},
        {"n": 0, "inc": True, "id": "not base64!"},
        {"n": 2, "inc": True, "id": flights[0]},
    ]
    for variables in runs * 2:
        case = Case(REUSED, variables, "Reused")
        standard = await execute(pair.standard, case, dataset.engine)
        fast = await execute(pair.fast, case, dataset.engine)
        assert_alike(case, standard, fast)


# --- the switch ------------------------------------------------------------------------------


def test_the_fast_path_is_wired_in() -> None:
    """Once schema/compiled/ exists, its interface is there and a plain query runs on it."""
    if not COMPILED:
        return  # nothing landed yet: both sides of every comparison are the standard executor
    fast = build_schema(compiled=True)  # type: ignore[call-arg]
    assert explain(fast, parse("{ flights(first: 1) { nodes { ll2Id } } }")) is None
    standard = build_schema(compiled=False)  # type: ignore[call-arg]
    assert explain(standard, parse("{ flights(first: 1) { nodes { ll2Id } } }")) is not None


@pytest.mark.parametrize(
    ("value", "compiled"), [("false", False), ("0", False), ("off", False), ("true", True)]
)
def test_the_environment_switch_picks_the_executor(
    monkeypatch: pytest.MonkeyPatch, value: str, compiled: bool
) -> None:
    monkeypatch.setenv("FLIGHTGRAPH_COMPILED_EXECUTION", value)
    built = build_schema()
    query = parse("{ flights(first: 1) { nodes { ll2Id } } }")
    if not COMPILED:
        return
    assert (explain(built, query) is None) is compiled
    # An explicit argument wins over the environment.
    explicit = build_schema(compiled=not compiled)  # type: ignore[call-arg]
    assert (explain(explicit, query) is None) is (not compiled)
