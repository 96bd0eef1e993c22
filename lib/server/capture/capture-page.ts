import "server-only";
// One capture, start to finish, in memory: fetch (redirects followed, every address checked),
// keep only a page, plain text or a PDF within the size limit, extract its readable text, render
// a screenshot when a browser is available, and write the whole exchange as a WARC file. Nothing
// is stored here: the caller stores the result only when all of it succeeded.
import { isCapturable, isKeptStatus, mediaTypeOf, type ArchiveStage } from "@/lib/domain/archive";
import { htmlText, pdfPages, plainText } from "./extract-text";
import { CaptureFailure } from "./failure";
import { renderPage, type Rendered } from "./render";
import { decodedBody, fetchFollowing, headerValue } from "./safe-fetch";
import type { CaptureSettings } from "./settings";
import { toolVersions } from "./tools";
import { buildWarc } from "./warc";

export interface CaptureResult {
  requestedUrl: string;
  finalUrl: string;
  httpStatus: number;
  contentType: string;
  capturedAt: Date;
  warc: Uint8Array;
  title: string | null;
  text: string;
  pageTexts: string[] | null;
  render: Pick<Rendered, "kind" | "mediaType" | "bytes"> | null;
  tools: Record<string, string>;
}

export type Progress = (stage: ArchiveStage, bytesReceived?: number) => void | Promise<void>;

export async function capturePage(url: string, settings: CaptureSettings, progress: Progress = () => {}): Promise<CaptureResult> {
  const deadline = Date.now() + settings.timeoutMs;
  await progress("fetching", 0);
  const hops = await fetchFollowing(url, {
    allowPrivateHosts: settings.allowPrivateHosts,
    userAgent: settings.userAgent,
    deadline,
    maxBytes: settings.maxBytes,
    onBytes: (n) => void progress("fetching", n),
  });
  const page = hops.at(-1)!;
  if (!isKeptStatus(page.status)) throw new CaptureFailure("http-error", `(HTTP ${page.status}${page.statusText ? ` ${page.statusText}` : ""}.)`);
  const header = headerValue(page.responseHeaders, "content-type");
  const body = decodedBody(page, settings.maxBytes);
  const sniffedHtml = !header && /^\s*<(!doctype html|html|head|body)/i.test(new TextDecoder().decode(body.subarray(0, 512)));
  const contentType = header ?? (sniffedHtml ? "text/html" : "");
  if (!isCapturable(contentType)) {
    throw new CaptureFailure("content-type", contentType ? `(It is ${mediaTypeOf(contentType)}. Upload the file to the source instead if it is a document.)` : "(It has no content type.)");
  }
  const mediaType = mediaTypeOf(contentType);

  await progress("reading", body.byteLength);
  let title: string | null = null;
  let text: string;
  let pageTexts: string[] | null = null;
  const tools = toolVersions(["warcio", "@mozilla/readability", "jsdom"]);
  if (mediaType === "application/pdf") {
    try {
      const pdf = await pdfPages(body);
      pageTexts = pdf.pages;
      title = pdf.title;
      text = pdf.pages.join("\n");
      Object.assign(tools, toolVersions(["pdfjs-dist"]));
    } catch {
      throw new CaptureFailure("content-type", "(It says it is a PDF but cannot be read as one.)");
    }
  } else if (mediaType === "text/plain") {
    text = plainText(body, contentType);
  } else {
    ({ title, text } = htmlText(body, page.url, contentType));
  }

  let rendered: Rendered | null = null;
  if (mediaType === "text/html" || mediaType === "application/xhtml+xml") {
    if (settings.browserPath && settings.render !== "off") {
      await progress("rendering", body.byteLength);
      try {
        rendered = await renderPage({ url: page.url, exchange: page, body }, settings, deadline);
        if (rendered) tools.browser = rendered.browserVersion;
        Object.assign(tools, toolVersions(["playwright-core"]));
      } catch (error) {
        // The capture stands without its screenshot; the record says why there is none.
        if (Date.now() > deadline) throw new CaptureFailure("timeout");
        tools.render = `failed: ${error instanceof Error ? error.message.split("\n")[0]!.slice(0, 200) : "unknown error"}`;
      }
    } else {
      tools.render = settings.render === "off" ? "off" : "no browser installed";
    }
  }
  if (Date.now() > deadline) throw new CaptureFailure("timeout");

  const warc = await buildWarc({
    software: `Dossier ${tools.dossier} (warcio.js ${tools.warcio})`,
    exchanges: [...hops, ...(rendered?.subresources ?? [])],
    finalUrl: page.url,
    text,
    render: rendered,
  });
  return {
    requestedUrl: url,
    finalUrl: page.url,
    httpStatus: page.status,
    contentType: mediaType,
    capturedAt: new Date(page.at),
    warc,
    title,
    text,
    pageTexts,
    render: rendered ? { kind: rendered.kind, mediaType: rendered.mediaType, bytes: rendered.bytes } : null,
    tools,
  };
}
