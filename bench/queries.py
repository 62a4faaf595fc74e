"""The five benchmark queries, as flightgraph GraphQL documents, and their variables.

Q1 is the repository's own LL2 detailed flight document (every field of the seed's shape);
Q2-Q5 are what frontends ask for. The variables that depend on the data (an agency with many
launches, a flight id, a cursor at 90% depth) are found before any timing: see ``Targets``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gateway.rest.documents import mode_document

QUERY_NAMES = ("Q1", "Q2", "Q3", "Q4", "Q5")
# Upcoming relative to the demo generator's fixed "now" (ingest.demo_data.NOW): stable output.
UPCOMING_FROM = "2026-01-01T00:00:00Z"
REST_Q1 = "/2.3.0/spacecraft_flights/?mode=detailed&limit={first}&offset={offset}"

Q2 = """query Q2($from: DateTime!) {
  launches(first: 20, orderBy: NET_ASC, filter: {net: {gte: $from}}) {
    nodes {
      ll2Id name net
      status { ll2Id name abbrev }
      pad { ll2Id name location { ll2Id name } }
      launchServiceProvider { ll2Id name abbrev }
      image { ll2Id imageUrl thumbnailUrl }
    }
  }
}"""

Q3 = """query Q3($agency: Int!) {
  agency(ll2Id: $agency) {
    ll2Id name
    launches(first: 100, orderBy: NET_ASC) {
      nodes {
        ll2Id name net
        pad { ll2Id name location { ll2Id name celestialBody { ll2Id name } } }
      }
    }
  }
}"""

Q4 = """query Q4($flight: Int!) {
  flight(ll2Id: $flight) {
    ll2Id destination missionEnd duration
    spacecraft { ll2Id name serialNumber }
    launch { ll2Id name net status { ll2Id name } }
  }
}"""

Q5 = """query Q5($after: String!) {
  flights(first: 20, after: $after) {
    edges { cursor node { ll2Id destination missionEnd launch { ll2Id name net } } }
    pageInfo { hasNextPage endCursor }
  }
}"""

# For finding Q5's cursor: the edge at a given offset of the same connection and order.
CURSOR_AT = """query($offset: Int!) {
  flights(first: 1, offset: $offset) { edges { cursor node { ll2Id } } }
}"""


@dataclass(frozen=True)
class Targets:
    """The data-dependent variables: found once per database, before timing."""

    q1_offset: int  # where Q1's 100 flights start (by id)
    agency: int  # the launch service provider with the most launches
    flight: int  # a flight in the middle of the id range
    q5_offset: int  # 90% through the flights connection
    q5_after: str  # flightgraph's cursor of the flight at q5_offset
    q5_after_id: int  # that flight's id (PostGraphile needs its own cursor for it)


def q1_document() -> str:
    return mode_document("spacecraft_flights.detailed").source


def q1_variables(first: int = 100, offset: int = 0) -> dict[str, Any]:
    return {"first": first, "offset": offset, "filter": None, "orderBy": "ID_ASC"}


def rest_q1(targets: Targets, first: int = 100) -> str:
    return REST_Q1.format(first=first, offset=targets.q1_offset)


def document(name: str) -> str:
    return q1_document() if name == "Q1" else {"Q2": Q2, "Q3": Q3, "Q4": Q4, "Q5": Q5}[name]


def variables(name: str, targets: Targets, first: int = 100) -> dict[str, Any]:
    return {
        "Q1": lambda: q1_variables(first, targets.q1_offset),
        "Q2": lambda: {"from": UPCOMING_FROM},
        "Q3": lambda: {"agency": targets.agency},
        "Q4": lambda: {"flight": targets.flight},
        "Q5": lambda: {"after": targets.q5_after},
    }[name]()


def graphql_body(name: str, targets: Targets, first: int = 100) -> dict[str, Any]:
    return {"query": document(name), "variables": variables(name, targets, first)}
