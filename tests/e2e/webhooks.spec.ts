// Webhooks (issue 16.5): the test starts its own receiver on 127.0.0.1 (which the server may reach
// because playwright.config.ts sets WEBHOOK_ALLOW_PRIVATE_HOSTS), the demo admin registers it on
// /newsroom/webhooks and copies the signing secret shown, the sample dossier is imported (its own
// copy, published: the shipped one stays as it is for the other journeys), the demo editor changes
// one of its verdicts, and the receiver gets a delivery whose signature verifies with that secret
// and whose body names the claim and its new verdict; the admin's delivery log then says delivered.
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expectAccessible, expect, otherSession, test } from "./fixtures";
import { verdictRegion } from "./desk-support";
import { importFolder, sampleCopy } from "./support";

const SAMPLE = `webhooks-${Date.now().toString(36)}`;
const CLAIM = "Mistral AI a été fondée par Arthur Mensch (ex-DeepMind), Timothée Lacroix (ex-laboratoire de recherche en IA de Meta) et Guillaume Lample (ex-Meta).";

interface Delivery {
  headers: http.IncomingHttpHeaders;
  body: string;
}

const received: Delivery[] = [];
let server: http.Server;
let receiverUrl = "";

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dossier-events`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** What a receiver does (docs/api.md#webhooks): HMAC-SHA256 of "<timestamp>.<raw body>" with the secret. */
function verifies(delivery: Delivery, secret: string): boolean {
  const timestamp = String(delivery.headers["x-dossier-timestamp"]);
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(`${timestamp}.${delivery.body}`).digest("hex")}`);
  const given = Buffer.from(String(delivery.headers["x-dossier-signature"]));
  return given.length === expected.length && timingSafeEqual(given, expected) && Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
}

test("an admin registers a receiver, an editor changes a verdict, the receiver gets a signed delivery and the log says delivered", async ({ page, login, browser }) => {
  await login({ role: "admin" });
  await page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page).toHaveURL(/\/newsroom\/webhooks$/);
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Add a webhook endpoint" });
  await form.getByLabel("Address that receives the events (required)").fill(receiverUrl);
  const events = form.getByRole("group", { name: "Events" });
  await expect(events.getByRole("checkbox", { name: /verdict\.changed/ })).toBeChecked();
  await events.getByRole("checkbox", { name: /dossier\.updated/ }).uncheck();
  await form.getByRole("button", { name: "Add endpoint" }).click();
  const secretField = page.getByRole("status").getByLabel("Signing secret");
  await expect(secretField).toHaveValue(/^whsec_/);
  const secret = await secretField.inputValue();
  const endpoint = page.getByRole("article", { name: `Endpoint ${receiverUrl}` });
  await expect(endpoint).toContainText("Active");
  await expect(endpoint).toContainText("dossier.published, verdict.changed, correction.published");
  // The admin can show it again later.
  await endpoint.getByText("Show the signing secret").click();
  await expect(endpoint.getByLabel(`Signing secret of ${receiverUrl}`)).toHaveValue(secret);
  await expectAccessible(page);

  // The sample arrives, published on its first import (the CLI queues the event, the server sends it).
  importFolder(sampleCopy(SAMPLE, `Mistral AI (webhooks, ${SAMPLE})`));
  await expect.poll(() => received.filter((d) => d.headers["x-dossier-event"] === "dossier.published").length, { timeout: 30_000 }).toBe(1);
  const published = received.find((d) => d.headers["x-dossier-event"] === "dossier.published")!;
  expect(verifies(published, secret)).toBe(true);
  expect(JSON.parse(published.body)).toMatchObject({ type: "dossier.published", version: 1, dossier: { slug: SAMPLE, publicUrl: expect.stringContaining(`/dossiers/${SAMPLE}`) } });

  // The editor, in their own session, changes one of its verdicts.
  const editor = await otherSession(browser, "editor");
  await editor.goto(`/newsroom/dossiers/${SAMPLE}/claims`);
  await editor.getByRole("link", { name: CLAIM, exact: true }).click();
  await expect(verdictRegion(editor)).toBeVisible();
  const claimId = editor.url().split("/claims/")[1]!.replace(/#.*$/, "");
  await verdictRegion(editor).getByText("Change the verdict").click();
  const set = editor.getByRole("form", { name: "Set the verdict" });
  await set.getByRole("radio", { name: "Partly true" }).check();
  await set.getByLabel("Rationale (required)").fill("Les parcours sont exacts, mais Timothée Lacroix et Guillaume Lample venaient tous deux du même laboratoire.");
  await set.getByRole("checkbox", { name: /Enquête sur le silence de Mistral AI/ }).check();
  await set.getByLabel("Correction note (readers see it) (required)").fill("Nous avons précisé le parcours des cofondateurs.");
  await set.getByRole("button", { name: "Set the verdict" }).click();
  await expect(verdictRegion(editor).locator(".verdict-current")).toContainText("Partly true");

  // The receiver gets it, signed with the secret the admin was shown.
  await expect.poll(() => received.filter((d) => d.headers["x-dossier-event"] === "verdict.changed").length, { timeout: 30_000 }).toBe(1);
  const delivery = received.find((d) => d.headers["x-dossier-event"] === "verdict.changed")!;
  expect(verifies(delivery, secret)).toBe(true);
  expect(verifies(delivery, "whsec_not-the-secret")).toBe(false);
  expect(delivery.headers["content-type"]).toBe("application/json; charset=utf-8");
  const body = JSON.parse(delivery.body);
  expect(body).toMatchObject({
    id: expect.stringMatching(/^evt_/),
    type: "verdict.changed",
    dossier: { slug: SAMPLE, newsroomUrl: expect.stringContaining(`/newsroom/dossiers/${SAMPLE}`) },
    claim: { id: claimId, text: CLAIM, verdict: { old: "verified", new: "partly-true" } },
  });
  expect(delivery.body).not.toContain("Identité consignée");

  // The admin's delivery log says delivered.
  await expect(async () => {
    await page.reload();
    const row = page.locator(`tr[data-delivery="${String(delivery.headers["x-dossier-delivery"])}"]`);
    await expect(row).toContainText("Delivered", { timeout: 1000 });
    await expect(row).toContainText("HTTP 204");
  }).toPass({ timeout: 20_000 });
  await expectAccessible(page);

  // A test event goes the same way.
  await page.getByRole("article", { name: `Endpoint ${receiverUrl}` }).getByRole("button", { name: "Send test event" }).click();
  await expect.poll(() => received.filter((d) => d.headers["x-dossier-event"] === "webhook.test").length, { timeout: 30_000 }).toBe(1);
  expect(verifies(received.find((d) => d.headers["x-dossier-event"] === "webhook.test")!, secret)).toBe(true);

  await editor.context().close();

  // Delete the endpoint, confirmed.
  await page.reload();
  await page.getByRole("article", { name: `Endpoint ${receiverUrl}` }).getByRole("button", { name: "Delete…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("article", { name: `Endpoint ${receiverUrl}` })).toHaveCount(0);
});

test("journalists and editors see no webhooks link and are refused the page", async ({ page, login }) => {
  await login({ role: "editor" });
  await expect(page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Webhooks" })).toHaveCount(0);
  await page.goto("/newsroom/webhooks");
  await expect(page.locator("main").getByRole("alert")).toContainText("Only admins manage webhooks.");
  await expect(page.locator("main")).not.toContainText("whsec_");
});
