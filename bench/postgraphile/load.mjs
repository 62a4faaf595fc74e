// The benchmark's load generator: autocannon, pinned in this folder's package-lock.json.
// Usage: node load.mjs <url> <body-file|-> <warmup-requests> <seconds> <slow-requests> <connections>
// POSTs the body (or GETs the url, for "-") over keep-alive connections. First a warm-up (a
// count of requests, not a time: none of them is still running when the measured run starts):
// one per connection, then the rest of <warmup-requests> unless those were slow (mean over
// SLOW_MS). Then the measured run, for <seconds> — or, for a slow query, for <slow-requests>
// requests, since a few seconds would hold only a handful of them. Prints one JSON line: requests/s, latency percentiles (ms), and failures.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

const SLOW_MS = 250;
const [url, bodyFile, warmup, seconds, slowRequests, connections] = process.argv.slice(2);
const post = bodyFile !== "-";
const options = {
  url,
  method: post ? "POST" : "GET",
  headers: post ? { "content-type": "application/json", accept: "application/json" } : {},
  body: post ? readFileSync(bodyFile) : undefined,
  connections: Number(connections),
  timeout: 120,
};

const warm = await autocannon({ ...options, amount: options.connections });
const slow = warm.latency.mean > SLOW_MS;
const rest = Number(warmup) - options.connections;
const more = !slow && rest > 0 ? await autocannon({ ...options, amount: rest }) : warm;
const bound = slow ? { amount: Number(slowRequests) } : { duration: Number(seconds) };
const result = await autocannon({ ...options, ...bound });
console.log(
  JSON.stringify({
    requests: result.requests.total,
    // Every request the server answered, warm-up included (the server's CPU is read around
    // the whole run).
    answered:
      result.requests.total + warm.requests.total + (more === warm ? 0 : more.requests.total),
    seconds: result.duration,
    perSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + warm.non2xx + (more === warm ? 0 : more.non2xx),
    errors: result.errors + warm.errors + (more === warm ? 0 : more.errors),
    timeouts: result.timeouts + warm.timeouts + (more === warm ? 0 : more.timeouts),
    bound: slow ? "requests" : "seconds",
  }),
);
