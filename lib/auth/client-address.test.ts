import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("is the peer address and ignores X-Forwarded-For when no proxy is declared", () => {
    const headers = new Headers({
      [CLIENT_ADDRESS_HEADER]: "203.0.113.7",
      "x-forwarded-for": "198.51.100.1, 198.51.100.2",
    });
    expect(clientAddress(headers, 0)).toBe("203.0.113.7");
  });

  it("is 'unknown' without our header, never the client's X-Forwarded-For", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.1" }), 0)).toBe("unknown");
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.1" }), 1)).toBe("unknown");
    expect(clientAddress(undefined, 0)).toBe("unknown");
  });

  it("takes the Nth entry from the right behind N trusted proxies", () => {
    const headers = { [CLIENT_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.1" };
    expect(clientAddress(headers, 1)).toBe("10.0.0.1");
    expect(clientAddress(headers, 2)).toBe("203.0.113.9");
  });

  it("a client prepending values behind one proxy changes nothing", () => {
    const a = { [CLIENT_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "1.1.1.1, 203.0.113.9" };
    const b = { [CLIENT_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "2.2.2.2, 3.3.3.3, 203.0.113.9" };
    expect(clientAddress(a, 1)).toBe(clientAddress(b, 1));
  });

  it("falls back to the peer when X-Forwarded-For has fewer entries than proxies", () => {
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "203.0.113.9" }, 2)).toBe(
      "10.0.0.2",
    );
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "10.0.0.2" }, 1)).toBe("10.0.0.2");
  });

  it("reads the header objects next-auth hands to authorize, and one spelling for IPv4 on a dual-stack socket", () => {
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "::ffff:127.0.0.5" }, 0)).toBe("127.0.0.5");
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: ["::1"] }, 0)).toBe("::1");
  });

  it("reads TRUSTED_PROXY_HOPS from the environment by default", () => {
    const previous = process.env.TRUSTED_PROXY_HOPS;
    process.env.TRUSTED_PROXY_HOPS = "1";
    try {
      expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "203.0.113.9" })).toBe(
        "203.0.113.9",
      );
    } finally {
      if (previous === undefined) delete process.env.TRUSTED_PROXY_HOPS;
      else process.env.TRUSTED_PROXY_HOPS = previous;
    }
  });
});
