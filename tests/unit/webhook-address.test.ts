import { describe, expect, it } from "vitest";
import { isBlockedAddress, urlDestinationProblem } from "@/lib/webhooks/address";

// Where webhook deliveries may go (lib/webhooks/address.ts): the machine itself, private, link-local,
// shared and reserved ranges are blocked, in IPv4, IPv6 and IPv4 written inside IPv6.

describe("webhook destinations", () => {
  it.each([
    "127.0.0.1", "127.255.255.254", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "224.0.0.1", "255.255.255.255", "192.0.2.10", "::1", "::", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "fe80::1",
    "fd00::1", "fc12:3456::1", "2002:7f00:1::", "64:ff9b::a00:1", "ff02::1", "not an address", "",
  ])("blocks %s", (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "192.169.0.1", "100.128.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "2a00:1450:4001::200e"])("allows %s", (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });

  it("reads the host the way the URL parser does, so no spelling of a blocked address gets through", () => {
    for (const url of ["http://0x7f.1/", "http://127.1/", "http://2130706433/", "http://[::ffff:7f00:1]/", "https://LOCALHOST/", "https://foo.localhost:3000/x", "http://[fd00::5]:8080/"]) {
      expect(urlDestinationProblem(url), url).toMatch(/^Use a public address/);
    }
    for (const url of ["https://hooks.example.com/keel", "https://8.8.8.8/x", "https://[2606:4700:4700::1111]/x", "not a url"]) {
      expect(urlDestinationProblem(url), url).toBeNull();
    }
  });
});
