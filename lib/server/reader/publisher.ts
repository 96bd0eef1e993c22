import "server-only";
// The newsroom as the fact-check ecosystem sees it: credited as author of every ClaimReview and
// feed. From the settings (PUBLISHER_NAME, PUBLISHER_URL, PUBLISHER_LOGO_URL), with defaults
// that always give a working URL: the public site's home page and its own logo.
import type { Publisher } from "@/lib/domain/claim-review";
import { env, publicUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { absoluteUrl, readerPaths } from "@/lib/i18n/routing";

/** The default logo, served from public/. */
export const DEFAULT_LOGO_PATH = "/logo.svg";

export function publisher(locale?: Locale): Publisher {
  return {
    name: env.PUBLISHER_NAME,
    url: env.PUBLISHER_URL ?? absoluteUrl(publicUrl(), readerPaths.home(locale)),
    logo: env.PUBLISHER_LOGO_URL ?? absoluteUrl(publicUrl(), DEFAULT_LOGO_PATH),
  };
}
