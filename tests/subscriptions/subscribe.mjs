// Subscribe over graphql-transport-ws and print each event as one JSON line.
//   node subscribe.mjs WS_URL QUERY [VARIABLES_JSON]
// Prints "ready" once the server acknowledged the connection and the subscription is sent.
import { createClient } from "graphql-ws";
import WebSocket from "ws";

const [url, query, variables] = process.argv.slice(2);
const client = createClient({
  url,
  webSocketImpl: WebSocket,
  retryAttempts: 0,
  on: { connected: () => setTimeout(() => console.log("ready"), 0) },
});

client.subscribe(
  { query, variables: variables ? JSON.parse(variables) : undefined },
  {
    next: (event) => console.log(JSON.stringify(event)),
    error: (error) => {
      console.log(JSON.stringify({ error: String(error?.message ?? JSON.stringify(error)) }));
      process.exit(1);
    },
    complete: () => process.exit(0),
  },
);
