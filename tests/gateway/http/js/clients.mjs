// Real GraphQL clients against a live flightgraph: Apollo Client (with its persisted-queries
// link, hashed queries over GET) and urql (with its persisted exchange).
// Usage: node clients.mjs <url>  — prints one JSON line with what each client saw.
import { createHash } from "node:crypto";

import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { Client, fetchExchange } from "@urql/core";
import { persistedExchange } from "@urql/exchange-persisted";

const url = process.argv[2];
const sha256 = (text) => createHash("sha256").update(text).digest("hex");

// Every request the clients make: method, whether it carried the query text, status.
const requests = [];
const recordingFetch = async (input, init = {}) => {
  const response = await fetch(input, init);
  const target = new URL(typeof input === "string" ? input : input.url);
  const body = typeof init.body === "string" ? JSON.parse(init.body) : null;
  requests.push({
    client: init.headers?.["x-client"] ?? init.headers?.get?.("x-client") ?? "?",
    method: init.method ?? "GET",
    hashed: target.searchParams.has("extensions") || Boolean(body?.extensions?.persistedQuery),
    withQuery: target.searchParams.has("query") || Boolean(body?.query),
    status: response.status,
  });
  return response;
};

const LIST = `query List { launches(first: 5, orderBy: NET_ASC) { totalCount nodes { id name net } } }`;
const NESTED = `query Nested { launches(first: 3, orderBy: NET_ASC) {
  nodes { id name pad { id name location { id name } } } } }`;
const PAGE = `query Page($after: String) { launches(first: 3, after: $after, orderBy: NET_ASC) {
  edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`;
const HASHED = `query Hashed { flight(ll2Id: 859) { id ll2Id destination } }`;

async function walk(run) {
  const names = [];
  let after = null;
  for (let page = 0; page < 20; page++) {
    const data = await run(PAGE, { after });
    names.push(...data.launches.edges.map((edge) => edge.node.name));
    if (!data.launches.pageInfo.hasNextPage) return { names, pages: page + 1 };
    after = data.launches.pageInfo.endCursor;
  }
  throw new Error("the cursor walk did not end");
}

async function apollo() {
  const link = new PersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(
    new HttpLink({ uri: url, fetch: recordingFetch, headers: { "x-client": "apollo" } }),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  const run = async (query, variables) => {
    const result = await client.query({ query: gql(query), variables, fetchPolicy: "network-only" });
    if (result.error) throw result.error;
    return result.data;
  };
  return {
    list: await run(LIST),
    nested: await run(NESTED),
    walk: await walk(run),
    hashed: [await run(HASHED), await run(HASHED)],
  };
}

async function urql() {
  const client = new Client({
    url,
    fetch: recordingFetch,
    fetchOptions: { headers: { "x-client": "urql" } },
    requestPolicy: "network-only",
    exchanges: [persistedExchange({ preferGetForPersistedQueries: true }), fetchExchange],
  });
  const run = async (query, variables) => {
    const result = await client.query(query, variables ?? {}).toPromise();
    if (result.error) throw result.error;
    return result.data;
  };
  return {
    list: await run(LIST),
    nested: await run(NESTED),
    walk: await walk(run),
    hashed: [await run(HASHED), await run(HASHED)],
  };
}

const out = { apollo: await apollo(), urql: await urql(), requests };
console.log(JSON.stringify(out));
