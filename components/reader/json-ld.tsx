import { jsonLdText } from "@/lib/domain/claim-review";

/** Structured data for search engines; escaped so no text inside can close the script element. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />;
}
