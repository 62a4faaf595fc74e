// Apollo Gateway over a composed supergraph:  node gateway.mjs PORT SUPERGRAPH_FILE
import { readFileSync } from "node:fs";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";

const [port, file] = process.argv.slice(2);
const gateway = new ApolloGateway({ supergraphSdl: readFileSync(file, "utf8") });
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { port: Number(port), host: "127.0.0.1" } });
console.log(`ready ${url}`);
