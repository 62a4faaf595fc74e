// GraphiQL in headless Chromium (Debian's), offline: open the page, type a query, run it,
// read the result pane, save a screenshot.
// Usage: node browser.mjs <page url> <screenshot.png> <chromium path>
import { chromium } from "playwright-core";

const [url, screenshot, executablePath] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
  ],
});
const external = [];
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // Any request that is not to this machine is refused, and reported.
  await page.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === "127.0.0.1" || host === "localhost") return route.continue();
    external.push(route.request().url());
    return route.abort();
  });
  await page.goto(url);
  const editor = page.locator(".graphiql-query-editor .CodeMirror").first();
  await editor.waitFor({ timeout: 30000 });
  await editor.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  // GraphiQL closes brackets itself: type the query without its closing ones.
  await page.keyboard.type("{ flight(ll2Id: 859) { ll2Id destination ");
  await page.locator(".graphiql-execute-button").click();
  const result = page.locator(".graphiql-response .CodeMirror-code");
  await result.filter({ hasText: "destination" }).waitFor({ timeout: 30000 });
  const text = await result.innerText();
  // The docs explorer and the explorer plugin are there (sidebar buttons).
  const docs = await page.locator('[aria-label="Show Documentation Explorer"]').count();
  const explorer = await page.locator('[aria-label="Show GraphiQL Explorer"]').count();
  await page.screenshot({ path: screenshot });
  console.log(JSON.stringify({ result: text, docs, explorer, external }));
} finally {
  await browser.close();
}
