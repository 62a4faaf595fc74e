// A tiny second subgraph for the federation tests: users' watchlists of launches and pads.
// It extends flightgraph's Launch (by its Relay id) and Pad (by its LL2 id) with fields of
// its own, and refers to them from its own type, so queries cross both ways.
//   node watchlist.mjs PORT DATA_JSON   (DATA_JSON: {"launches": [id...], "pads": [ll2Id...]})
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";

const [port, raw] = process.argv.slice(2);
const data = JSON.parse(raw);

const typeDefs = parse(`
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])

  type Launch @key(fields: "id") {
    id: ID!
    "How many watchlists hold this launch."
    watchers: Int!
    watchlists: [Watchlist!]!
  }

  type Pad @key(fields: "ll2Id") {
    ll2Id: Int!
    favouritedBy: [String!]!
  }

  type Watchlist @key(fields: "id") {
    id: ID!
    owner: String!
    launches: [Launch!]!
    pads: [Pad!]!
  }

  type Query {
    watchlists: [Watchlist!]!
  }
`);

const watchlists = [
  { id: "w1", owner: "ada", launches: data.launches, pads: data.pads },
  { id: "w2", owner: "grace", launches: data.launches.slice(0, 1), pads: [] },
];
const holding = (launchId) => watchlists.filter((w) => w.launches.includes(launchId));

const resolvers = {
  Query: { watchlists: () => watchlists },
  Watchlist: {
    launches: (w) => w.launches.map((id) => ({ __typename: "Launch", id })),
    pads: (w) => w.pads.map((ll2Id) => ({ __typename: "Pad", ll2Id })),
  },
  Launch: {
    __resolveReference: (ref) => ({ id: ref.id }),
    watchers: (launch) => holding(launch.id).length,
    watchlists: (launch) => holding(launch.id),
  },
  Pad: {
    __resolveReference: (ref) => ({ ll2Id: ref.ll2Id }),
    favouritedBy: (pad) =>
      watchlists.filter((w) => w.pads.includes(pad.ll2Id)).map((w) => w.owner),
  },
};

const server = new ApolloServer({
  schema: buildSubgraphSchema({ typeDefs, resolvers }),
  plugins: [ApolloServerPluginInlineTraceDisabled()],
});
const { url } = await startStandaloneServer(server, { listen: { port: Number(port), host: "127.0.0.1" } });
console.log(`ready ${url}`);
