import { afterAll, describe, expect, it } from "vitest";
import { startWebhookReceiver } from "@/lib/testing/webhook-receiver";
import { isPublicAddress, type Resolve } from "./address-guard";
import { postWebhook, WEBHOOK_READ_LIMIT_BYTES, WEBHOOK_SNIPPET_CHARS } from "./send";
import { signatureHeader, signWebhook, verifyWebhookSignature } from "./signature";
import { assertWebhookUrl } from "./url-policy";

const receiver = await startWebhookReceiver();
afterAll(() => receiver.stop());

const secret = "whsec_test-secret";
const body = JSON.stringify({ id: "cevent", type: "activation.decided", data: { decision: "approved" } });
const now = new Date("2026-12-07T12:00:00Z");
const t = Math.floor(now.getTime() / 1000);

describe("webhook signatures (Stripe's scheme)", () => {
  it("verifies its own signature and refuses a tampered body, another secret, an old or future timestamp and a broken header", () => {
    const header = signatureHeader([secret], t, body);
    expect(header).toBe(`t=${t},v1=${signWebhook(secret, t, body)}`);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, header, body, { now })).toBe(true);
    expect(verifyWebhookSignature(secret, header, Buffer.from(body), { now })).toBe(true);

    expect(verifyWebhookSignature(secret, header, body.replace("approved", "rejected"), { now })).toBe(false);
    expect(verifyWebhookSignature("whsec_other", header, body, { now })).toBe(false);
    const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    expect(verifyWebhookSignature(secret, header, body, { now: later(300) })).toBe(true);
    expect(verifyWebhookSignature(secret, header, body, { now: later(301) })).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, { now: later(-301) })).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, { now: later(3600), toleranceSeconds: 3600 })).toBe(true);
    // The signed timestamp cannot be moved: the signature covers it.
    expect(verifyWebhookSignature(secret, header.replace(`t=${t}`, `t=${t + 60}`), body, { now })).toBe(false);
    for (const broken of [
      null,
      "",
      "v1=abc",
      `t=${t}`,
      `t=abc,v1=${"0".repeat(64)}`,
      `t=${t},v0=${signWebhook(secret, t, body)}`,
    ])
      expect(verifyWebhookSignature(secret, broken, body, { now })).toBe(false);
  });

  it("signs with both secrets while a rotated one is honoured, and either verifies", () => {
    const header = signatureHeader(["whsec_new", "whsec_old"], t, body);
    expect(header.split(",")).toHaveLength(3);
    expect(verifyWebhookSignature("whsec_new", header, body, { now })).toBe(true);
    expect(verifyWebhookSignature("whsec_old", header, body, { now })).toBe(true);
    expect(verifyWebhookSignature("whsec_other", header, body, { now })).toBe(false);
  });
});

describe("the SSRF guard", () => {
  it("passes public unicast addresses only, whatever the notation", () => {
    const refused = [
      "127.0.0.1",
      "127.255.0.9",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "239.255.255.250",
      "255.255.255.255",
      "192.0.2.10",
      "198.18.0.1",
      "::1",
      "::",
      "fc00::1",
      "fd12:3456::1",
      "fe80::1",
      "fe80::1%eth0",
      "ff02::1",
      "2001:db8::1",
      "64:ff9b:1::1",
      // IPv4-mapped and other IPv6 forms that reach an IPv4 address: checked as that address.
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "0:0:0:0:0:ffff:a00:1",
      "::ffff:169.254.169.254",
      "64:ff9b::a00:1",
      "2002:7f00:1::1",
      "::127.0.0.1",
      "2001::1",
      "not an address",
      "",
    ];
    const allowed = [
      "8.8.8.8",
      "1.1.1.1",
      "93.184.215.14",
      "2606:4700:4700::1111",
      "::ffff:8.8.8.8",
      "64:ff9b::808:808",
      "2002:808:808::1",
    ];
    expect(refused.filter(isPublicAddress)).toEqual([]);
    expect(allowed.filter((a) => !isPublicAddress(a))).toEqual([]);
  });

  it("refuses at registration a host resolving to loopback, an IPv4-mapped literal, plain http and credentials, unless allowed", async () => {
    const strict = { allowPrivate: false };
    const refusal = (url: string, network = strict) =>
      assertWebhookUrl(url, network).then(
        () => "accepted",
        (e: Error) => e.message,
      );
    expect(await refusal("https://localhost/hooks")).toMatch(
      /localhost \((127\.0\.0\.1|::1)\) is not a public address/,
    );
    expect(await refusal("https://[::ffff:127.0.0.1]/hooks")).toMatch(/not a public address/);
    expect(await refusal("https://[::ffff:7f00:1]:8443/hooks")).toMatch(/not a public address/);
    expect(await refusal("https://169.254.169.254/latest/meta-data")).toMatch(/not a public address/);
    expect(await refusal("http://93.184.215.14/hooks")).toBe("Use an https:// URL.");
    expect(await refusal("https://user:pw@93.184.215.14/hooks")).toMatch(/user name and password/);
    expect(await refusal("ftp://93.184.215.14/hooks")).toBe("Use an https:// URL.");
    expect(await assertWebhookUrl("https://93.184.215.14/hooks#x", strict)).toBe("https://93.184.215.14/hooks");
    // One private address among a name's answers refuses the name: a client could pick that one.
    const resolve: Resolve = async (host) =>
      host === "mixed.partner.example"
        ? [
            { address: "93.184.215.14", family: 4 },
            { address: "10.0.0.5", family: 4 },
          ]
        : [{ address: "93.184.215.14", family: 4 }];
    expect(await refusal("https://mixed.partner.example/h", { allowPrivate: false, resolve } as never)).toMatch(
      /10\.0\.0\.5/,
    );
    expect(await assertWebhookUrl("https://hooks.partner.example/h", { allowPrivate: false, resolve })).toBe(
      "https://hooks.partner.example/h",
    );
    // Allowed by configuration (tests, development): loopback and plain http.
    expect(await assertWebhookUrl(receiver.url("/ok"), { allowPrivate: true })).toBe(receiver.url("/ok"));
  });

  it("connects only to the address it checked: a name rebound to 127.0.0.1 and a mapped literal reach nothing", async () => {
    const before = receiver.received.length;
    // Public at registration, loopback when the request is made: the request is refused, not sent.
    const rebound: Resolve = async () => [{ address: "127.0.0.1", family: 4 }];
    const viaName = await postWebhook(
      `http://rebound.partner.example:${receiver.port}/x`,
      body,
      {},
      {
        allowPrivate: false,
        resolve: rebound,
      },
    );
    expect(viaName).toMatchObject({
      statusCode: null,
      error: expect.stringMatching(/127\.0\.0\.1\) is not a public address/),
    });
    const viaLiteral = await postWebhook(
      `http://[::ffff:127.0.0.1]:${receiver.port}/x`,
      body,
      {},
      { allowPrivate: false },
    );
    expect(viaLiteral).toMatchObject({ statusCode: null, error: expect.stringMatching(/not a public address/) });
    expect(receiver.received.length).toBe(before);
  });
});

describe("sending", () => {
  it("reads a large answer only to its cap, keeps a short snippet, follows no redirect and gives up on a silent receiver", async () => {
    const allowed = { allowPrivate: true };
    receiver.answer("/large", 200, "x".repeat(4 * WEBHOOK_READ_LIMIT_BYTES));
    const large = await postWebhook(receiver.url("/large"), body, { "X-Test": "1" }, allowed);
    expect(large).toMatchObject({ statusCode: 200, error: null });
    expect(large.snippet).toHaveLength(WEBHOOK_SNIPPET_CHARS);
    expect(receiver.at("/large")[0]).toMatchObject({
      body,
      headers: { "x-test": "1", "content-length": String(body.length) },
    });

    receiver.answer("/moved", (_, response) => response.writeHead(302, { Location: receiver.url("/target") }).end());
    const moved = await postWebhook(receiver.url("/moved"), body, {}, allowed);
    expect(moved).toMatchObject({ statusCode: 302, error: expect.stringContaining("redirects are not followed") });
    expect(receiver.at("/target")).toHaveLength(0);

    receiver.answer("/silent", () => undefined);
    const silent = await postWebhook(receiver.url("/silent"), body, {}, { ...allowed, timeoutMs: 300 });
    expect(silent).toMatchObject({ statusCode: null, error: "No complete answer within 0.3 s.", snippet: null });
    expect(silent.durationMs).toBeLessThan(3000);

    receiver.answer("/nul", 500, "broken\u0000answer");
    expect(await postWebhook(receiver.url("/nul"), body, {}, allowed)).toMatchObject({
      statusCode: 500,
      error: "HTTP 500.",
      snippet: "brokenanswer",
    });
  });
});
