"""The operations GraphiQL opens with: one tab each, the first being the starter query.

What a frontend developer starts from: upcoming launches with their pad and provider, a
spacecraft's flights with their launches, an agency's launch history paged by cursor, a
filter, and a subscription. Every example is run by the tests (over HTTP and in Chromium),
so none can drift from the schema.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Example:
    name: str
    query: str
    # ``NOW`` as a variable's value is replaced in the browser by the current time, so
    # "upcoming" means upcoming on the day the page is opened.
    variables: dict[str, Any] = field(default_factory=dict)


NOW = "@now"

EXAMPLES = (
    Example(
        "UpcomingLaunches",
        """# Welcome to flightgraph: LL2's launch data as a graph.
# Press ▶ (or Ctrl-Enter) to run this query.
# The tabs above hold more examples; Docs and
# Explorer (left) show every type and field.
query UpcomingLaunches($now: DateTime!) {
  launches(first: 5, orderBy: NET_ASC, filter: { net: { gte: $now } }) {
    totalCount
    nodes {
      name
      net
      status { name abbrev }
      launchServiceProvider { name abbrev }
      pad {
        name
        location { name country { name } }
      }
    }
  }
}
""",
        {"now": NOW},
    ),
    Example(
        "SpacecraftFlights",
        """# Spacecraft, each with its last flights
# and the launch that carried it.
query SpacecraftFlights {
  spacecraftList(first: 5, orderBy: FLIGHTS_COUNT_DESC) {
    nodes {
      name
      serialNumber
      flightsCount
      spacecraftConfig { name agency { name } }
      flights(first: 3, orderBy: LAUNCH_NET_DESC) {
        totalCount
        nodes {
          destination
          duration
          launch { name net status { abbrev } }
        }
      }
    }
  }
}
""",
    ),
    Example(
        "AgencyLaunchHistory",
        """# An agency's launches, newest first, a page
# at a time: run it, copy pageInfo.endCursor into
# the "after" variable (below), run it again.
query AgencyLaunchHistory($after: String) {
  agencies(
    first: 1
    orderBy: TOTAL_LAUNCH_COUNT_DESC
    filter: { totalLaunchCount: { isNull: false } }
  ) {
    nodes {
      name
      totalLaunchCount
      successfulLaunches
      launches(first: 10, orderBy: NET_DESC, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { name net status { abbrev } }
      }
    }
  }
}
""",
        {"after": None},
    ),
    Example(
        "SuccessfulLaunches",
        """# Filters combine with and/or/not; `search`
# works like LL2's. `…Where` reaches through a
# relation with the related node's own filter
# (`launchStatuses` lists the statuses).
query SuccessfulLaunches {
  launches(
    first: 10
    orderBy: NET_DESC
    filter: {
      statusWhere: { abbrev: { eq: "Success" } }
      launchServiceProviderWhere: {
        typeWhere: { name: { eq: "Commercial" } }
      }
      or: [{ year: { gte: 2020 } }, { search: "Block 5" }]
    }
  ) {
    totalCount
    nodes { name net rocket { configuration { fullName } } }
  }
}
""",
    ),
    Example(
        "LaunchUpdates",
        """# Live, over a WebSocket: each change to a
# launch as ingest or `flightgraph sync` stores it.
# Run it and keep the tab open.
subscription LaunchUpdates {
  launchUpdated {
    name
    net
    status { name }
    lastUpdated
  }
}
""",
    ),
)


def default_tabs() -> list[dict[str, str]]:
    """The examples as GraphiQL's ``defaultTabs`` (the page fills ``NOW`` in)."""
    tabs = []
    for example in EXAMPLES:
        tab = {"query": example.query}
        if example.variables:
            tab["variables"] = json.dumps(example.variables, indent=2)
        tabs.append(tab)
    return tabs


__all__ = ["EXAMPLES", "NOW", "Example", "default_tabs"]
