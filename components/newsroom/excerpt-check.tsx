// Next to a piece of evidence: whether its excerpt is really in what was archived of its source
// (lib/domain/excerpt-check.ts), in words and with an icon-free tag, so an editor sees at once.
import Link from "next/link";
import type { ExcerptCheck, ExcerptMatch } from "@/lib/domain/excerpt-check";

export const dayInWords = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

function place(m: ExcerptMatch): string {
  const page = m.page ? `, page ${m.page}` : "";
  return m.kind === "capture" ? `the capture of ${dayInWords(m.at)}${page}` : `“${m.label}”${page} (uploaded ${dayInWords(m.at)})`;
}

export function ExcerptCheckNote({ check, sourceHref }: { check: ExcerptCheck | undefined; sourceHref: string }) {
  if (!check || check.status === "no-excerpt") return null;
  if (check.status === "nothing-archived") {
    return (
      <p className="excerpt-check excerpt-check--unchecked">
        <span className="tag">Not checked</span> Nothing of this source is archived yet: <Link href={sourceHref}>capture it or upload the document</Link> to check the excerpt.
      </p>
    );
  }
  if (check.status === "not-found") {
    return (
      <p className="excerpt-check excerpt-check--missing">
        <span className="tag tag--warning">Not found</span> The excerpt is not in {check.searched === 1 ? "the archived record" : `any of the ${check.searched} archived records`} of{" "}
        <Link href={sourceHref}>this source</Link>.
      </p>
    );
  }
  const href = `${sourceHref}/${check.match.kind === "capture" ? "captures" : "documents"}/${check.match.id}`;
  return (
    <p className="excerpt-check excerpt-check--found">
      <span className="tag tag--public">Found</span> Found in <Link href={href}>{place(check.match)}</Link>
      {check.all.length > 1 ? ` (and ${check.all.length - 1} other record${check.all.length === 2 ? "" : "s"})` : ""}.
      {check.missingFromLatestCapture ? (
        <>
          {" "}
          <strong>Not in the latest capture</strong>, of {dayInWords(check.missingFromLatestCapture.at)}: the page has changed since.
        </>
      ) : null}
    </p>
  );
}
