// The record's vocabulary (lib/domain/archive.ts) and the address policy that keeps captures off
// the internal network (lib/server/capture/address-policy.ts).
import { describe, expect, it } from "vitest";
import { contentDisposition, isAcceptedUpload, isCapturable, isKeptStatus, safeFilename, sizeInWords } from "@/lib/domain/archive";
import { isPublicAddress, privateAllowed } from "@/lib/server/capture/address-policy";

describe("what a capture keeps", () => {
  it("keeps pages, plain text and PDFs, and refuses other types", () => {
    for (const t of ["text/html; charset=utf-8", "application/xhtml+xml", "text/plain", "application/pdf", "TEXT/HTML"]) expect(isCapturable(t)).toBe(true);
    for (const t of ["application/octet-stream", "application/json", "image/png", "video/mp4", "", null]) expect(isCapturable(t)).toBe(false);
  });
  it("keeps successful pages and pages that say they are gone", () => {
    expect([200, 203, 404, 410, 451].every(isKeptStatus)).toBe(true);
    expect([301, 401, 403, 500, 503].some(isKeptStatus)).toBe(false);
  });
});

describe("uploads", () => {
  it("accepts documents and images by detected type, never scripts or archives", () => {
    expect(["application/pdf", "image/png", "image/jpeg", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"].every(isAcceptedUpload)).toBe(true);
    expect(["text/html", "image/svg+xml", "application/zip", "application/x-elf", "application/javascript"].some(isAcceptedUpload)).toBe(false);
  });
  it("makes file names safe to show and to offer as a download", () => {
    expect(safeFilename("../../etc/passwd")).toBe("passwd");
    expect(safeFilename('C:\\Users\\ana\\rapport "final".pdf')).toBe("rapport final.pdf");
    expect(safeFilename("notes\r\nSet-Cookie: x.pdf")).toBe("notesSet-Cookie x.pdf");
    expect(safeFilename("...")).toBe("document");
    expect(contentDisposition("attachment", "relevé de compte.pdf")).toBe(`attachment; filename="releve de compte.pdf"; filename*=UTF-8''relev%C3%A9%20de%20compte.pdf`);
  });
  it("says sizes in words", () => {
    expect(sizeInWords(1)).toBe("1 byte");
    expect(sizeInWords(830_000)).toBe("830 kB");
    expect(sizeInWords(25_000_000)).toBe("25 MB");
  });
});

describe("internal addresses", () => {
  it("tells public addresses from internal ones, IPv4-mapped IPv6 included", () => {
    for (const a of ["93.184.216.34", "2606:4700:4700::1111", "8.8.8.8"]) expect(isPublicAddress(a)).toBe(true);
    for (const a of ["127.0.0.1", "127.1.2.3", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.10", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "224.0.0.1", "not an ip"]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });
  it("opens only the hosts named in CAPTURE_ALLOW_PRIVATE_HOSTS", () => {
    expect(privateAllowed("127.0.0.1", ["127.0.0.1"])).toBe(true);
    expect(privateAllowed("[::1]", ["::1"])).toBe(true);
    expect(privateAllowed("localhost", ["127.0.0.1"])).toBe(false);
    expect(privateAllowed("intranet.local", ["*"])).toBe(true);
    expect(privateAllowed("127.0.0.1", [])).toBe(false);
  });
});
