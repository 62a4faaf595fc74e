// GraphiQL in headless Chromium (Debian's), offline: open the page, type a query, run it,
// read the result pane, save a screenshot; before that, run every example tab.
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
  const logs = [];
  page.on("console", (message) => logs.push(message.text()));
  page.on("pageerror", (error) => logs.push(String(error)));
  await page.goto(url);
  const editor = page.locator(".graphiql-query-editor .CodeMirror").first();
  await editor.waitFor({ timeout: 30000 });
  // Every example tab, as a newcomer meets them: open it, press Run, read the answer.
  const response = page.locator(".graphiql-response .CodeMirror-code");
  const tabs = page.locator(".graphiql-tab-button");
  const examples = [];
  for (let i = 0; i < (await tabs.count()); i++) {
    const tab = tabs.nth(i);
    const name = (await tab.innerText()).trim();
    await tab.click();
    // As a person would: the tab's text is in the editor before Run is pressed (GraphiQL
    // derives the operation from it a moment after the switch).
    await editor.filter({ hasText: name }).waitFor({ timeout: 10000 });
    await page.waitForTimeout(300);
    await page.locator(".graphiql-execute-button").click();
    if (name.startsWith("LaunchUpdates")) {
      // A subscription answers when a launch changes: it must be open, not failed.
      await page.waitForTimeout(1500);
      const stop = page.locator('.graphiql-execute-button[aria-label^="Stop"]');
      const running = (await stop.count()) === 1;
      examples.push({ name, result: await response.innerText(), subscription: true, running });
      if (running) await stop.click();
      continue;
    }
    await response.filter({ hasText: /"(data|errors)"/ }).waitFor({ timeout: 30000 });
    if (i === 0) await page.screenshot({ path: screenshot.replace(/\.png$/, "-starter.png") });
    examples.push({ name, result: await response.innerText() });
  }
  // A new tab of the user's own, for the query typed below.
  await page.locator(".graphiql-tab-add").click();
  await editor.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  // GraphiQL closes brackets itself: type the query without its closing ones.
  await page.keyboard.type("{ flight(ll2Id: 859) { ll2Id destination ");
  await page.locator(".graphiql-execute-button").click();
  const result = page.locator(".graphiql-response .CodeMirror-code");
  try {
    await result.filter({ hasText: "destination" }).waitFor({ timeout: 30000 });
  } catch (error) {
    await page.screenshot({ path: screenshot.replace(/\.png$/, "-failed.png") });
    console.error(JSON.stringify({ logs, examples }));
    throw error;
  }
  const text = await result.innerText();
  // The docs explorer and the explorer plugin are there (sidebar buttons).
  const docs = await page.locator('[aria-label="Show Documentation Explorer"]').count();
  const explorer = await page.locator('[aria-label="Show GraphiQL Explorer"]').count();
  await page.screenshot({ path: screenshot });
  console.log(JSON.stringify({ result: text, docs, explorer, external, examples }));
} finally {
  await browser.close();
}
