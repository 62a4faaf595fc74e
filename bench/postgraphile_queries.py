"""Q1-Q5 in PostGraphile 5's schema (amber preset: ``rowId`` for our ``id`` columns,
``<table>By<ForeignKey>`` relations), and the projections that make its answers comparable.

Every peer answers the same shape. Q2-Q5 ask for exactly flightgraph's fields. Q1 is LL2's
detailed flight document (``bench.queries.q1_document()``) written for PostGraphile: the same
fragments, every field aliased to flightgraph's response key, to the same depth — 100 flights
by id with their spacecraft, configuration, family, agencies, images and variants, launch,
status, rocket, mission (agencies, orbit, info/vid urls), pad, location, celestial body,
programs, mission patches, landing, landing location, the three crews with each astronaut's
nationalities and social links, and the docking events with their targets. What PostGraphile
spells differently is only a wrapper:

* a list (reverse relation or association table) is a connection: ``key: <relation>(orderBy:
  PRIMARY_KEY_ASC) { nodes { … } }`` — id order for reverse relations, ``position`` order for
  association tables, as flightgraph's loaders read them;
* an association table's row stands between the owner and the listed object: its relation
  to the object is aliased ``target``;
* a crew list is ``astronautFlightsByFlightId`` with a ``condition`` on ``crew``;
* JSON columns (a mission's ``info_urls``, ``vid_urls``) come whole, as PostGraphile's JSON
  scalar: the same stored values flightgraph reads field by field.

The only fields flightgraph answers that PostGraphile does not are its ``__typename`` markers
(``response_mode__<mode>``, which the REST endpoint turns into LL2's ``response_mode``):
PostGraphile is asked for its own ``__typename`` at the same places, but type names are each
schema's own, so both projections drop them. Everything else is a stored column.

The projections reduce both answers to one form, representation aside: connections unwrapped
to lists, timestamps in one format, typename markers dropped. ``bench.checks`` then compares
the whole of it: every key on both sides, every list item in order; PostGraphile's BigInt
strings equal flightgraph's integers there.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from gateway.rest.mapper import UrlMaker, to_ll2

PGL_Q1 = """query Q1($first: Int!, $offset: Int!) {
  page: allSpacecraftFlights(first: $first, offset: $offset, orderBy: PRIMARY_KEY_ASC) {
    count: totalCount
    results: nodes { ...SpacecraftFlightDetailed }
  }
}

fragment SpacecraftFlightDetailed on SpacecraftFlight {
  id: rowId
  url__spacecraft_flights: url
  destination
  mission_end: missionEnd
  spacecraft: spacecraftBySpacecraftId { ...SpacecraftDetailed }
  launch: launchByLaunchId { ...LaunchNormal }
  landing: landingByLandingId { ...Landing }
  duration
  turn_around_time: turnAroundTime
  response_mode__detailed: __typename
  launch_crew: astronautFlightsByFlightId(condition: {crew: "launch"}, orderBy: PRIMARY_KEY_ASC) {
    nodes { ...AstronautFlight }
  }
  onboard_crew: astronautFlightsByFlightId(condition: {crew: "onboard"}, orderBy: PRIMARY_KEY_ASC) {
    nodes { ...AstronautFlight }
  }
  landing_crew: astronautFlightsByFlightId(condition: {crew: "landing"}, orderBy: PRIMARY_KEY_ASC) {
    nodes { ...AstronautFlight }
  }
  docking_events: dockingEventsByFlightVehicleChaserId(orderBy: PRIMARY_KEY_ASC) {
    nodes { ...DockingEventForChaserNormal }
  }
}

fragment SpacecraftDetailed on Spacecraft {
  ...SpacecraftColumns
  spacecraft_config: spacecraftConfigurationBySpacecraftConfigId { ...SpacecraftConfigDetailed }
}

fragment SpacecraftNormal on Spacecraft {
  ...SpacecraftColumns
  spacecraft_config: spacecraftConfigurationBySpacecraftConfigId { ...SpacecraftConfigNormal }
}

fragment SpacecraftColumns on Spacecraft {
  response_mode__normal: __typename
  id: rowId
  url__spacecraft: url
  name
  serial_number: serialNumber
  is_placeholder: isPlaceholder
  image: imageByImageId { ...Image }
  in_space: inSpace
  time_in_space: timeInSpace
  time_docked: timeDocked
  flights_count: flightsCount
  mission_ends_count: missionEndsCount
  status: spacecraftStatusByStatusId { id: rowId name }
  description
  fastest_turnaround: fastestTurnaround
}

fragment LaunchNormal on Launch {
  id: rowId
  url__launches: url
  name
  response_mode__normal: __typename
  slug
  launch_designator: launchDesignator
  status: launchStatusByStatusId { id: rowId name abbrev description }
  last_updated: lastUpdated
  net
  net_precision: netPrecisionByNetPrecisionId { id: rowId name abbrev description }
  window_end: windowEnd
  window_start: windowStart
  image: imageByImageId { ...Image }
  infographic
  probability
  weather_concerns: weatherConcerns
  failreason
  hashtag
  launch_service_provider: agencyByLaunchServiceProviderId { ...AgencyMini }
  rocket: rocketByRocketId {
    id: rowId
    configuration: launcherConfigurationByConfigurationId { ...LauncherConfigList }
  }
  mission: missionByMissionId { ...Mission }
  pad: padByPadId { ...Pad }
  webcast_live: webcastLive
  program: launchesProgramsByOwnerId(orderBy: PRIMARY_KEY_ASC) {
    nodes { target: programByTargetId { ...ProgramNormal } }
  }
  orbital_launch_attempt_count: orbitalLaunchAttemptCount
  location_launch_attempt_count: locationLaunchAttemptCount
  pad_launch_attempt_count: padLaunchAttemptCount
  agency_launch_attempt_count: agencyLaunchAttemptCount
  orbital_launch_attempt_count_year: orbitalLaunchAttemptCountYear
  location_launch_attempt_count_year: locationLaunchAttemptCountYear
  pad_launch_attempt_count_year: padLaunchAttemptCountYear
  agency_launch_attempt_count_year: agencyLaunchAttemptCountYear
}

fragment Landing on Landing {
  id: rowId
  url__landings: url
  attempt
  success
  description
  downrange_distance: downrangeDistance
  landing_location: landingLocationByLandingLocationId { ...LandingLocation }
  type: landingTypeByTypeId { id: rowId name abbrev description }
}

fragment AstronautFlight on AstronautFlight {
  id: rowId
  role: astronautRoleByRoleId { id: rowId role priority }
  astronaut: astronautByAstronautId { ...AstronautDetailed }
}

fragment DockingEventForChaserNormal on DockingEvent {
  id: rowId
  url__docking_events: url
  docking
  departure
  docking_location: dockingLocationByDockingLocationId {
    id: rowId
    name
    spacestation: spaceStationBySpacestationId { ...SpaceStationMini }
    spacecraft: spacecraftConfigurationBySpacecraftId { ...SpacecraftConfigNormal }
    payload: payloadByPayloadId { ...PayloadMini }
  }
  space_station_target: spaceStationBySpaceStationTargetId { ...SpaceStationNormal }
  flight_vehicle_target: spacecraftFlightByFlightVehicleTargetId { ...SpacecraftFlightNormal }
  payload_flight_target: payloadFlightByPayloadFlightTargetId { ...PayloadFlightNormal }
}

fragment SpaceStationNormal on SpaceStation {
  id: rowId
  url__space_stations: url
  name
  image: imageByImageId { ...Image }
  status: spaceStationStatusByStatusId { id: rowId name }
  founded
  deorbited
  description
  orbit
  type: spaceStationTypeByTypeId { id: rowId name }
}

fragment SpaceStationMini on SpaceStation {
  id: rowId
  url__space_stations: url
  name
  image: imageByImageId { ...Image }
}

fragment SpacecraftFlightNormal on SpacecraftFlight {
  id: rowId
  url__spacecraft_flights: url
  destination
  mission_end: missionEnd
  spacecraft: spacecraftBySpacecraftId { ...SpacecraftNormal }
  launch: launchByLaunchId { ...LaunchNormal }
  landing: landingByLandingId { ...Landing }
  duration
  turn_around_time: turnAroundTime
  response_mode__normal: __typename
}

fragment PayloadFlightNormal on PayloadFlight {
  response_mode__normal: __typename
  id: rowId
  url__payload_flights: url
  destination
  amount
  payload: payloadByPayloadId { ...PayloadNormal }
  launch: launchByLaunchId { ...LaunchNormal }
  landing: landingByLandingId { ...Landing }
}

fragment PayloadNormal on Payload {
  response_mode__normal: __typename
  id: rowId
  name
  type: payloadTypeByTypeId { id: rowId name }
  manufacturer: agencyByManufacturerId { ...AgencyNormal }
  operator: agencyByOperatorId { ...AgencyNormal }
  image: imageByImageId { ...Image }
  wiki_link: wikiLink
  info_link: infoLink
  program: payloadsProgramsByOwnerId(orderBy: PRIMARY_KEY_ASC) {
    nodes { target: programByTargetId { ...ProgramMini } }
  }
  cost
  mass
  description
}

fragment PayloadMini on Payload {
  response_mode__list: __typename
  id: rowId
  name
  type: payloadTypeByTypeId { id: rowId name }
  manufacturer: agencyByManufacturerId { ...AgencyMini }
  operator: agencyByOperatorId { ...AgencyMini }
  image: imageByImageId { ...Image }
}

fragment AgencyMini on Agency {
  response_mode__list: __typename
  id: rowId
  url__agencies: url
  name
  abbrev
  type: agencyTypeByTypeId { id: rowId name }
}

fragment AgencyNormal on Agency {
  response_mode__normal: __typename
  ...AgencyColumns
}

fragment AgencyColumns on Agency {
  id: rowId
  url__agencies: url
  name
  abbrev
  type: agencyTypeByTypeId { id: rowId name }
  featured
  country: agenciesCountriesByOwnerId(orderBy: PRIMARY_KEY_ASC) {
    nodes { target: countryByTargetId { ...Country } }
  }
  description
  administrator
  founding_year: foundingYear
  launchers
  spacecraft
  parent
  image: imageByImageId { ...Image }
  logo: imageByLogoId { ...Image }
  social_logo: imageBySocialLogoId { ...Image }
}

fragment AgencyDetailed on Agency {
  response_mode__normal: __typename
  ...AgencyColumns
  total_launch_count: totalLaunchCount
  consecutive_successful_launches: consecutiveSuccessfulLaunches
  successful_launches: successfulLaunches
  failed_launches: failedLaunches
  pending_launches: pendingLaunches
  consecutive_successful_landings: consecutiveSuccessfulLandings
  successful_landings: successfulLandings
  failed_landings: failedLandings
  attempted_landings: attemptedLandings
  successful_landings_spacecraft: successfulLandingsSpacecraft
  failed_landings_spacecraft: failedLandingsSpacecraft
  attempted_landings_spacecraft: attemptedLandingsSpacecraft
  successful_landings_payload: successfulLandingsPayload
  failed_landings_payload: failedLandingsPayload
  attempted_landings_payload: attemptedLandingsPayload
  info_url: infoUrl
  wiki_url: wikiUrl
  social_media_links: agenciesSocialMediaLinksByOwnerId(orderBy: PRIMARY_KEY_ASC) {
    nodes { target: socialMediaLinkByTargetId { ...SocialMediaLink } }
  }
}

fragment Image on Image {
  id: rowId
  name
  image_url: imageUrl
  thumbnail_url: thumbnailUrl
  credit
  license: imageLicenseByLicenseId { id: rowId name priority link }
  single_use: singleUse
  variants: imageVariantsByImageId(orderBy: PRIMARY_KEY_ASC) {
    nodes {
      id: rowId
      type: imageVariantTypeByTypeId { id: rowId name }
      image_url: imageUrl
    }
  }
}

fragment Country on Country {
  id: rowId
  name
  alpha_2_code: alpha2Code
  alpha_3_code: alpha3Code
  nationality_name: nationalityName
  nationality_name_composed: nationalityNameComposed
}

fragment ProgramMini on Program {
  response_mode__list: __typename
  id: rowId
  url__programs: url
  name
  image: imageByImageId { ...Image }
  info_url: infoUrl
  wiki_url: wikiUrl
}

fragment ProgramNormal on Program {
  response_mode__normal: __typename
  id: rowId
  url__programs: url
  name
  image: imageByImageId { ...Image }
  info_url: infoUrl
  wiki_url: wikiUrl
  description
  agencies: programsAgenciesByOwnerId(orderBy: PRIMARY_KEY_ASC) {
    nodes { target: agencyByTargetId { ...AgencyMini } }
  }
  start_date: startDate
  end_date: endDate
  mission_patches: programsMissionPatchRecordsByOwnerId(orderBy: PRIMARY_KEY_ASC) {
    nodes {
      target: missionPatchRecordByTargetId {
        id: rowId
        name
        priority
        image_url: imageUrl
        agency: agencyByAgencyId { ...AgencyMini }
        response_mode__normal: __typename
      }
    }
  }
  type: programTypeByTypeId { id: rowId name }
}

fragment SpacecraftConfigNormal on SpacecraftConfiguration {
  response_mode__normal: __typename
  id: rowId
  url__spacecraft_configurations: url
  name
  type: spacecraftConfigTypeByTypeId { id: rowId name }
  agency: agencyByAgencyId { ...AgencyMini }
  family: spacecraftConfigurationsFamiliesByOwnerId(orderBy: PRIMARY_KEY_ASC) {
    nodes { target: spacecraftConfigFamilyByTargetId { ...SpacecraftConfigFamilyNormal } }
  }
  in_use: inUse
  image: imageByImageId { ...Image }
}

fragment SpacecraftConfigDetailed on SpacecraftConfiguration {
  response_mode__detailed: __typename
  id: rowId
  url__spacecraft_configurations: url
  name
  type: spacecraftConfigTypeByTypeId { id: rowId name }
  agency: agencyByAgencyId { ...AgencyNormal }
  family: spacecraftConfigurationsFamiliesByOwnerId(orderBy: PRIMARY_KEY_ASC) {
    nodes { target: spacecraftConfigFamilyByTargetId { ...SpacecraftConfigFamilyDetailed } }
  }
  in_use: inUse
  image: imageByImageId { ...Image }
  capability
  history
  details
  maiden_flight: maidenFlight
  height
  diameter
  human_rated: humanRated
  crew_capacity: crewCapacity
  payload_capacity: payloadCapacity
  payload_return_capacity: payloadReturnCapacity
  flight_life: flightLife
  wiki_link: wikiLink
  info_link: infoLink
  spacecraft_flown: spacecraftFlown
  total_launch_count: totalLaunchCount
  successful_launches: successfulLaunches
  failed_launches: failedLaunches
  attempted_landings: attemptedLandings
  successful_landings: successfulLandings
  failed_landings: failedLandings
  fastest_turnaround: fastestTurnaround
}

fragment SpacecraftConfigFamilyMini on SpacecraftConfigFamily {
  response_mode__list: __typename
  id: rowId
  name
}

fragment SpacecraftConfigFamilyNormal on SpacecraftConfigFamily {
  response_mode__normal: __typename
  id: rowId
  name
  description
  manufacturer: agencyByManufacturerId { ...AgencyMini }
  parent: spacecraftConfigFamilyByParentId { ...SpacecraftConfigFamilyMini }
  maiden_flight: maidenFlight
}

fragment SpacecraftConfigFamilyDetailed on SpacecraftConfigFamily {
  response_mode__normal: __typename
  id: rowId
  name
  description
  manufacturer: agencyByManufacturerId { ...AgencyNormal }
  parent: spacecraftConfigFamilyByParentId { ...SpacecraftConfigFamilyNormal }
  maiden_flight: maidenFlight
  spacecraft_flown: spacecraftFlown
  total_launch_count: totalLaunchCount
  successful_launches: successfulLaunches
  failed_launches: failedLaunches
  attempted_landings: attemptedLandings
  successful_landings: successfulLandings
  failed_landings: failedLandings
}

fragment AstronautDetailed on Astronaut {
  id: rowId
  url__astronauts: url
  name
  status: astronautStatusByStatusId { id: rowId name }
  agency: agencyByAgencyId { ...AgencyMini }
  image: imageByImageId { ...Image }
  response_mode__list: __typename
  type: astronautTypeByTypeId { id: rowId name }
  in_space: inSpace
  time_in_space: timeInSpace
  eva_time: evaTime
  age
  date_of_birth: dateOfBirth
  date_of_death: dateOfDeath
  nationality: astronautsNationalitiesByOwnerId(orderBy: PRIMARY_KEY_ASC) {
    nodes { target: countryByTargetId { ...Country } }
  }
  bio
  wiki
  last_flight: lastFlight
  first_flight: firstFlight
  social_media_links: astronautsSocialMediaLinksByOwnerId(orderBy: PRIMARY_KEY_ASC) {
    nodes { target: socialMediaLinkByTargetId { ...SocialMediaLink } }
  }
}

fragment SocialMediaLink on SocialMediaLink {
  id: rowId
  social_media: socialMediaBySocialMediaId {
    id: rowId
    name
    url
    logo: imageByLogoId { ...Image }
  }
  url
}

fragment LandingLocation on LandingLocation {
  id: rowId
  name
  active
  abbrev
  description
  location: locationByLocationId { ...LocationColumns }
  longitude
  latitude
  image: imageByImageId { ...Image }
  successful_landings: successfulLandings
  attempted_landings: attemptedLandings
  failed_landings: failedLandings
  celestial_body: celestialBodyByCelestialBodyId { ...CelestialBodyNormal }
}

fragment Location on Location {
  ...LocationColumns
  celestial_body: celestialBodyByCelestialBodyId { ...CelestialBodyDetailed }
}

fragment LocationColumns on Location {
  response_mode__normal: __typename
  id: rowId
  url__locations: url
  name
  active
  country: countryByCountryId { ...Country }
  description
  image: imageByImageId { ...Image }
  map_image: mapImage
  longitude
  latitude
  timezone_name: timezoneName
  total_launch_count: totalLaunchCount
  total_landing_count: totalLandingCount
}

fragment CelestialBodyNormal on CelestialBody {
  response_mode__normal: __typename
  id: rowId
  name
  type: celestialBodyTypeByTypeId { id: rowId name }
  diameter
  mass
  gravity
  length_of_day: lengthOfDay
  atmosphere
  image: imageByImageId { ...Image }
  description
  wiki_url: wikiUrl
}

fragment CelestialBodyDetailed on CelestialBody {
  ...CelestialBodyNormal
  total_attempted_launches: totalAttemptedLaunches
  successful_launches: successfulLaunches
  failed_launches: failedLaunches
  total_attempted_landings: totalAttemptedLandings
  successful_landings: successfulLandings
  failed_landings: failedLandings
}

fragment Mission on Mission {
  id: rowId
  name
  type
  description
  image: imageByImageId { ...Image }
  orbit: orbitByOrbitId {
    id: rowId
    name
    abbrev
    celestial_body: celestialBodyByCelestialBodyId {
      response_mode__list: __typename
      id: rowId
      name
    }
  }
  agencies: missionsAgenciesByOwnerId(orderBy: PRIMARY_KEY_ASC) {
    nodes { target: agencyByTargetId { ...AgencyDetailed } }
  }
  info_urls: infoUrls
  vid_urls: vidUrls
}

fragment Pad on Pad {
  id: rowId
  url__pads: url
  active
  agencies: padsAgenciesByOwnerId(orderBy: PRIMARY_KEY_ASC) {
    nodes { target: agencyByTargetId { ...AgencyNormal } }
  }
  name
  image: imageByImageId { ...Image }
  description
  info_url: infoUrl
  wiki_url: wikiUrl
  map_url: mapUrl
  latitude
  longitude
  country: countryByCountryId { ...Country }
  map_image: mapImage
  total_launch_count: totalLaunchCount
  orbital_launch_attempt_count: orbitalLaunchAttemptCount
  fastest_turnaround: fastestTurnaround
  location: locationByLocationId { ...Location }
}

fragment LauncherConfigList on LauncherConfiguration {
  response_mode__list: __typename
  id: rowId
  url__launcher_configurations: url
  name
  families: launcherConfigurationsFamiliesByOwnerId(orderBy: PRIMARY_KEY_ASC) {
    nodes {
      target: launcherConfigFamilyByTargetId { response_mode__list: __typename id: rowId name }
    }
  }
  full_name: fullName
  variant
}"""

PGL_Q2 = """query Q2($from: Datetime!) {
  allLaunches(
    first: 20, orderBy: [NET_ASC, PRIMARY_KEY_ASC]
    filter: {net: {greaterThanOrEqualTo: $from}}
  ) {
    nodes {
      rowId name net
      launchStatusByStatusId { rowId name abbrev }
      padByPadId { rowId name locationByLocationId { rowId name } }
      agencyByLaunchServiceProviderId { rowId name abbrev }
      imageByImageId { rowId imageUrl thumbnailUrl }
    }
  }
}"""

PGL_Q3 = """query Q3($agency: BigInt!) {
  agencyByRowId(rowId: $agency) {
    rowId name
    launchesByLaunchServiceProviderId(first: 100, orderBy: [NET_ASC, PRIMARY_KEY_ASC]) {
      nodes {
        rowId name net
        padByPadId {
          rowId name
          locationByLocationId { rowId name celestialBodyByCelestialBodyId { rowId name } }
        }
      }
    }
  }
}"""

PGL_Q4 = """query Q4($flight: BigInt!) {
  spacecraftFlightByRowId(rowId: $flight) {
    rowId destination missionEnd duration
    spacecraftBySpacecraftId { rowId name serialNumber }
    launchByLaunchId { rowId name net launchStatusByStatusId { rowId name } }
  }
}"""

PGL_Q5 = """query Q5($after: Cursor!) {
  allSpacecraftFlights(first: 20, after: $after, orderBy: PRIMARY_KEY_ASC) {
    edges { cursor node { rowId destination missionEnd launchByLaunchId { rowId name net } } }
    pageInfo { hasNextPage endCursor }
  }
}"""

# PostGraphile's own cursor for the flight flightgraph's Q5 cursor points at. (Found by id:
# `offset` with `edges { cursor }` fails inside grafast 1.x, "reading 'items'".)
PGL_CURSOR_OF = """query($id: BigInt!) {
  allSpacecraftFlights(first: 1, orderBy: PRIMARY_KEY_ASC, filter: {rowId: {equalTo: $id}}) {
    edges { cursor node { rowId } }
  }
}"""

DOCUMENTS = {"Q1": PGL_Q1, "Q2": PGL_Q2, "Q3": PGL_Q3, "Q4": PGL_Q4, "Q5": PGL_Q5}

# PostGraphile field → flightgraph field, for the generic projection of Q2-Q5 (Q1's document
# aliases every field to flightgraph's key itself).
RENAMES = {
    "rowId": "ll2Id",
    "launchStatusByStatusId": "status",
    "padByPadId": "pad",
    "locationByLocationId": "location",
    "celestialBodyByCelestialBodyId": "celestialBody",
    "agencyByLaunchServiceProviderId": "launchServiceProvider",
    "imageByImageId": "image",
    "launchesByLaunchServiceProviderId": "launches",
    "spacecraftBySpacecraftId": "spacecraft",
    "launchByLaunchId": "launch",
    "allLaunches": "launches",
    "agencyByRowId": "agency",
    "spacecraftFlightByRowId": "flight",
    "allSpacecraftFlights": "flights",
}
CURSOR_KEYS = {"cursor", "endCursor", "startCursor"}  # each server's own opaque format
TIME_KEYS = {"net", "missionEnd", "mission_end"}
# Q1's timestamp columns (and the JSON video links' times), by response key.
Q1_TIME_KEYS = {
    "mission_end",
    "last_updated",
    "net",
    "window_start",
    "window_end",
    "docking",
    "departure",
    "start_date",
    "end_date",
    "first_flight",
    "last_flight",
    "start_time",
    "end_time",
}
# Q1's JSON columns: PostGraphile's JSON scalar, whole; flightgraph's typed fields of them.
Q1_JSON_KEYS = {"info_urls", "vid_urls"}
TYPENAME_MARKER = "response_mode"  # response_mode__<mode> (GraphQL), response_mode (REST)
CONNECTION_KEY = "nodes"
ASSOCIATION_KEY = "target"
LL2_PATH = "/2.3.0/"


def _time(value: str | None) -> str | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:  # a date: midnight UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def _id(value: Any) -> Any:
    # PostGraphile sends BigInt as a string; launch ids (UUIDs) stay strings.
    return int(value) if isinstance(value, str) and value.isdigit() else value


def _generic(value: Any) -> Any:
    if isinstance(value, list):
        return [_generic(item) for item in value]
    if not isinstance(value, dict):
        return value
    projected = {}
    for key, item in value.items():
        if key in CURSOR_KEYS:
            continue
        name = RENAMES.get(key, key)
        if name == "ll2Id":
            item = _id(item)
        elif name in TIME_KEYS:
            item = _time(item)
        projected[name] = _generic(item)
    return projected


def _ll2(value: Any) -> Any:
    """An LL2-shaped answer (Q1) with typename markers dropped and timestamps in one format."""
    if isinstance(value, list):
        return [_ll2(item) for item in value]
    if not isinstance(value, dict):
        return value
    return {
        key: _time(item) if key in Q1_TIME_KEYS else _ll2(item)
        for key, item in value.items()
        if key.split("__", 1)[0] != TYPENAME_MARKER
    }


def _unwrapped(value: Any) -> Any:
    """PostGraphile's Q1 answer with its connections and association rows taken away: a
    ``{nodes: [...]}`` is the list, a ``{target: {...}}`` the object it points at."""
    if isinstance(value, list):
        return [_unwrapped(item) for item in value]
    if not isinstance(value, dict):
        return value
    if value.keys() == {CONNECTION_KEY}:
        return _unwrapped(value[CONNECTION_KEY])
    if value.keys() == {ASSOCIATION_KEY}:
        return _unwrapped(value[ASSOCIATION_KEY])
    return {key: _unwrapped(item) for key, item in value.items()}


def project_flightgraph(name: str, body: dict) -> Any:
    """flightgraph's GraphQL answer in the form PostGraphile's answer is projected to."""
    data = body["data"]
    if name == "Q1":
        return _ll2(data["page"])
    return _generic(data)


def project_postgraphile(name: str, body: dict) -> Any:
    data = body["data"]
    if name == "Q1":
        return _ll2(_unwrapped(data["page"]))
    return _generic(data)


def _ll2_paths(value: Any) -> Any:
    """LL2 API urls reduced to their path: the REST endpoint serves them from its own host."""
    if isinstance(value, list):
        return [_ll2_paths(item) for item in value]
    if not isinstance(value, dict):
        return value
    return {
        key: item[item.index(LL2_PATH) :]
        if key == "url" and isinstance(item, str) and LL2_PATH in item
        else _ll2_paths(item)
        for key, item in value.items()
    }


def project_flightgraph_as_rest(body: dict) -> Any:
    """flightgraph's GraphQL Q1 answer as its REST endpoint writes it (the same mapper), LL2
    urls as paths."""
    page = body["data"]["page"]
    results = to_ll2(page["results"], UrlMaker(""))
    return {"count": page["count"], "results": _ll2_paths(_ll2(results))}


def project_rest(body: dict) -> Any:
    """The LL2 REST answer (Q1), projected like ``project_flightgraph_as_rest``."""
    return {"count": body["count"], "results": _ll2_paths(_ll2(body["results"]))}
