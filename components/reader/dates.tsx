import { formatDay, formatEdtf } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/locales";

/** An EDTF date in words; a <time> only when the date has a valid machine-readable form. */
export function EdtfDate({ value, locale, className }: { value: string; locale: Locale; className?: string }) {
  const f = formatEdtf(value, locale);
  return f.datetime ? (
    <time dateTime={f.datetime} className={className}>
      {f.text}
    </time>
  ) : (
    <span className={className}>{f.text}</span>
  );
}

export function DayDate({ iso, locale }: { iso: string; locale: Locale }) {
  const f = formatDay(iso, locale);
  return f.datetime ? <time dateTime={f.datetime}>{f.text}</time> : <span>{f.text}</span>;
}
