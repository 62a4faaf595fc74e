// Compose subgraph SDLs into a supergraph with Apollo's composition, and check that the
// MIT-licensed @theguild/federation-composition agrees on the resulting API schema.
//   node compose.mjs OUT_FILE name=url [name=url ...]
// Prints hints; exits 1 on any composition error or disagreement.
import { writeFileSync } from "node:fs";
import { composeServices } from "@apollo/composition";
import { composeServices as composeWithGuild } from "@theguild/federation-composition";
import { buildSchema, lexicographicSortSchema, parse, printSchema } from "graphql";

const [out, ...named] = process.argv.slice(2);

async function sdlOf(url) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ _service { sdl } }" }),
  });
  const body = await response.json();
  if (!body.data?._service?.sdl) throw new Error(`${url}: no _service.sdl: ${JSON.stringify(body)}`);
  return body.data._service.sdl;
}

const services = [];
for (const pair of named) {
  const [name, url] = pair.split("=");
  services.push({ name, url, typeDefs: parse(await sdlOf(url)) });
}

const apollo = composeServices(services);
for (const hint of apollo.hints ?? []) console.log(`hint: ${hint.toString()}`);
if (apollo.errors?.length) {
  for (const error of apollo.errors) console.error(`error: ${error.message}`);
  process.exit(1);
}

const guild = composeWithGuild(services);
if (guild.errors?.length) {
  for (const error of guild.errors) console.error(`guild error: ${error.message}`);
  process.exit(1);
}

const sorted = (schema) => printSchema(lexicographicSortSchema(schema));
const apolloApi = sorted(apollo.schema.toAPISchema().toGraphQLJSSchema());
const guildApi = sorted(buildSchema(guild.publicSdl));
if (apolloApi !== guildApi) {
  console.error("error: the two compositions disagree on the API schema");
  writeFileSync(`${out}.apollo-api.graphql`, apolloApi);
  writeFileSync(`${out}.guild-api.graphql`, guildApi);
  process.exit(1);
}

writeFileSync(out, apollo.supergraphSdl);
console.log(`composed ${services.length} subgraphs, ${apollo.hints?.length ?? 0} hints; compositions agree`);
