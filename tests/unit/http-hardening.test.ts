// The server's pure rules (lib/cli/serve.ts): which client a request counts as, which page writes
// come from another site, what reader HTML keeps, and the security headers.
import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "@/lib/http/client-address";
import { hasExecutableScript, isNotFoundShell, lightenReaderHtml } from "@/lib/http/reader-html";
import { isForeignOriginWrite } from "@/lib/http/request-origin";
import { baseSecurityHeaders, inlineStyles, newsroomCsp, readerCsp } from "@/lib/http/security-headers";

describe("the client's address", () => {
  const none = parseTrustedProxies("none");
  const loopback = parseTrustedProxies("loopback");
  const listed = parseTrustedProxies("10.0.0.5, 10.1.0.0/16");

  it("is the peer when the peer is not a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", none)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", "198.51.100.1", loopback)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", ["1.1.1.1", "2.2.2.2"], listed)).toBe("203.0.113.9");
    expect(clientAddress("127.0.0.1", "198.51.100.1", none)).toBe("127.0.0.1");
  });

  it("is read from the right of X-Forwarded-For behind trusted proxies: a client's own entries are skipped", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.1", loopback)).toBe("198.51.100.1");
    // The client wrote "6.6.6.6" itself; the proxy appended the address it saw.
    expect(clientAddress("10.0.0.5", "6.6.6.6, 198.51.100.1", listed)).toBe("198.51.100.1");
    expect(clientAddress("10.0.0.5", "6.6.6.6, 198.51.100.1, 10.1.2.3", listed)).toBe("198.51.100.1");
    expect(clientAddress("::1", undefined, loopback)).toBe("::1");
    expect(clientAddress("127.0.0.1", "not-an-ip", loopback)).toBe("127.0.0.1");
  });

  it("refuses a TRUSTED_PROXIES entry it cannot read", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/prefix/);
    expect(() => parseTrustedProxies("proxy.example")).toThrow(/not an IP/);
  });
});

describe("page writes from another site", () => {
  const post = (headers: Record<string, string>) => ({ method: "POST", headers: { host: "news.example", ...headers } });

  it("are those whose Origin is neither the request's host nor PUBLIC_URL's", () => {
    expect(isForeignOriginWrite(post({ origin: "https://evil.example" }), "https://news.example")).toBe(true);
    expect(isForeignOriginWrite(post({ origin: "null" }), "https://news.example")).toBe(true);
    expect(isForeignOriginWrite(post({ origin: "https://news.example" }), "https://news.example")).toBe(false);
    expect(isForeignOriginWrite({ method: "POST", headers: { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" } }, "http://localhost:3000")).toBe(false);
    expect(isForeignOriginWrite({ method: "POST", headers: { host: "internal:3001", origin: "https://news.example" } }, "https://news.example")).toBe(false);
  });

  it("leave reads and Origin-less requests to Next", () => {
    expect(isForeignOriginWrite({ method: "GET", headers: { host: "news.example", origin: "https://evil.example" } }, "https://news.example")).toBe(false);
    expect(isForeignOriginWrite(post({}), "https://news.example")).toBe(false);
  });
});

describe("reader HTML", () => {
  const page =
    '<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>' +
    '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/w.js"/><script src="/_next/static/chunks/m.js" async=""></script>' +
    '<script src="/_next/static/chunks/p.js" noModule=""></script></head><body><main><h1>Titre</h1>' +
    '<script type="application/ld+json">[{"@type":"ClaimReview"}]</script><style>.claims{display:block}</style></main>' +
    '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"0:[\\"$\\",\\"h1\\"]"])</script></body></html>';

  it("keeps the page, its stylesheet, its inline styles and its JSON-LD, and drops the client runtime and flight data", () => {
    const light = lightenReaderHtml(page);
    expect(light).toContain("<h1>Titre</h1>");
    expect(light).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"');
    expect(light).toContain('<script type="application/ld+json">[{"@type":"ClaimReview"}]</script>');
    expect(light).toContain("<style>.claims{display:block}</style>");
    expect(light).not.toMatch(/__next_f|m\.js|p\.js|w\.js/);
    expect(hasExecutableScript(page)).toBe(true);
    expect(hasExecutableScript(light)).toBe(false);
  });

  it("recognises Next's empty not-found shell", () => {
    expect(isNotFoundShell('<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden=""></div></body></html>')).toBe(true);
    expect(isNotFoundShell(page)).toBe(false);
  });
});

describe("security headers", () => {
  it("forbid framing and sniffing everywhere, and ask for HTTPS only when the site is served over it", () => {
    const reader = baseSecurityHeaders({ https: false, area: "reader" });
    expect(reader).toMatchObject({ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "strict-origin-when-cross-origin" });
    expect(reader).not.toHaveProperty("Strict-Transport-Security");
    expect(baseSecurityHeaders({ https: true, area: "newsroom" })).toMatchObject({ "Strict-Transport-Security": "max-age=31536000", "Referrer-Policy": "same-origin" });
  });

  it("let nothing run on a reader page and allow its inline styles by hash only", () => {
    const styles = inlineStyles("<main><style>.a{color:red}</style><p>x</p></main>");
    expect(styles).toEqual([".a{color:red}"]);
    const csp = readerCsp(styles);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("script-src");
    expect(csp).toContain("style-src 'self' 'sha256-");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("nonce");
  });

  it("allow the newsroom's scripts by this request's nonce", () => {
    expect(newsroomCsp("abc")).toContain("script-src 'self' 'nonce-abc'");
    expect(newsroomCsp("abc")).not.toContain("unsafe-inline'; script");
  });
});
