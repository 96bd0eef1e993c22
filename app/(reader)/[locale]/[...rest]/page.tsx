// Any public URL that matches no reader page: the localised 404 (proxy.ts sends every reader URL
// here with its language, so unmatched URLs still get the site's layout and language).
import { notFound } from "next/navigation";

export default function UnknownPage(): never {
  notFound();
}
