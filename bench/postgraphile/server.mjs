// PostGraphile 5 (amber preset, pg adaptor) over the benchmark's PostgreSQL database: one of the
// variants `python -m bench` compares. Usage: node server.mjs <postgres-url> <port>
// The connection-filter preset gives Q2 its `net >= …` filter (plain PostGraphile only has
// equality `condition`s); nothing else is added.
import "./node22-polyfills.mjs";
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

const [connectionString, port] = process.argv.slice(2);
const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  pgServices: [makePgService({ connectionString, schemas: ["public"] })],
  grafserv: { port: Number(port), graphqlPath: "/graphql", watch: false, graphiql: false },
  grafast: { explain: false },
  schema: { exportSchemaSDLPath: process.env.BENCH_PGL_SDL || undefined },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on("error", (error) => {
  console.error(error);
  process.exit(1);
});
await serv.addTo(server);
server.listen(Number(port), "127.0.0.1", () => console.error(`postgraphile on :${port}`));
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, async () => {
    server.close();
    await pgl.release();
    process.exit(0);
  });
}
