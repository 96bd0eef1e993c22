import "server-only";
// The capture as a standard WARC 1.1 file (ISO 28500), written with warcio.js (webrecorder):
// a warcinfo record, every HTTP exchange as a request and a response record (redirects and the
// screenshot's sub-resources included), the readable text as a conversion record and the
// screenshot as a resource record. Any WARC tool (pywb, ReplayWeb.page, warcio) can read it.
import { WARCRecord, WARCSerializer } from "warcio";
import type { Exchange } from "./safe-fetch";

export interface WarcContents {
  software: string;
  exchanges: Exchange[];
  finalUrl: string;
  text: string;
  render: { kind: "screenshot" | "pdf"; mediaType: string; bytes: Uint8Array; at: string } | null;
}

const WARC_VERSION = "WARC/1.1";
const warcDate = (iso: string) => iso.replace(/\.\d{3}Z$/, "Z");

async function* once(bytes: Uint8Array) {
  yield bytes;
}

function requestLine(exchange: Exchange): string {
  const url = new URL(exchange.url);
  return `GET ${url.pathname}${url.search} HTTP/1.1`;
}

export async function buildWarc(contents: WarcContents): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const add = async (record: WARCRecord) => parts.push(await WARCSerializer.serialize(record, { gzip: false }));

  await add(
    WARCRecord.createWARCInfo(
      { warcVersion: WARC_VERSION, filename: "capture.warc" },
      { software: contents.software, format: "WARC File Format 1.1", conformsTo: "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/" },
    ),
  );
  for (const exchange of contents.exchanges) {
    const date = warcDate(exchange.at);
    const response = WARCRecord.create(
      {
        url: exchange.url,
        date,
        type: "response",
        warcVersion: WARC_VERSION,
        statusline: `HTTP/${exchange.httpVersion} ${exchange.status} ${exchange.statusText}`.trim(),
        httpHeaders: exchange.responseHeaders,
        keepHeadersCase: true,
        warcHeaders: exchange.remoteAddress ? { "WARC-IP-Address": exchange.remoteAddress } : {},
      },
      once(exchange.body),
    );
    const responseId = response.warcHeaders.headers.get("WARC-Record-ID") ?? undefined;
    await add(response);
    await add(
      WARCRecord.create(
        {
          url: exchange.url,
          date,
          type: "request",
          warcVersion: WARC_VERSION,
          statusline: requestLine(exchange),
          httpHeaders: exchange.requestHeaders,
          keepHeadersCase: true,
          warcHeaders: responseId ? { "WARC-Concurrent-To": responseId } : {},
        },
        once(new Uint8Array()),
      ),
    );
  }
  const last = contents.exchanges.find((e) => e.url === contents.finalUrl) ?? contents.exchanges.at(-1);
  if (last) {
    await add(
      WARCRecord.create(
        {
          url: contents.finalUrl,
          date: warcDate(last.at),
          type: "conversion",
          warcVersion: WARC_VERSION,
          warcHeaders: { "Content-Type": "text/plain; charset=utf-8", "WARC-Refers-To-Target-URI": contents.finalUrl },
        },
        once(new TextEncoder().encode(contents.text)),
      ),
    );
  }
  if (contents.render) {
    await add(
      WARCRecord.create(
        {
          url: `urn:dossier:${contents.render.kind}:${contents.finalUrl}`,
          date: warcDate(contents.render.at),
          type: "resource",
          warcVersion: WARC_VERSION,
          warcHeaders: { "Content-Type": contents.render.mediaType },
        },
        once(contents.render.bytes),
      ),
    );
  }
  const size = parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out;
}
