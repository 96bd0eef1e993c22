// The unpacked size a zip declares, read before a Word document is converted (issue 16.4).
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { zipUnpackedSize } from "@/lib/domain/zip-size";

describe("zipUnpackedSize", () => {
  it("adds up what the entries hold once unpacked, however well they compress", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "a".repeat(5_000_000));
    zip.file("other.txt", "hello");
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(bytes.byteLength).toBeLessThan(50_000);
    expect(zipUnpackedSize(bytes)).toBe(5_000_005);
  });

  it("says null for what is not a zip, or a truncated one", async () => {
    expect(zipUnpackedSize(new TextEncoder().encode("plain text"))).toBeNull();
    const zip = new JSZip();
    zip.file("a.txt", "x".repeat(1000));
    const bytes = await zip.generateAsync({ type: "uint8array" });
    expect(zipUnpackedSize(bytes.slice(0, bytes.byteLength - 10))).toBeNull();
  });
});
