/**
 * Content-Disposition for files the server sends. A job is named after the user's upload, which
 * may be `客户.csv` or hold quotes and line breaks: HTTP headers carry Latin-1 only, so a raw name
 * makes Node refuse the header (a 500) or, with quotes, splits the header's parameters. RFC 6266:
 * the name in full as `filename*` (UTF-8, percent-encoded per RFC 8187), and an ASCII fallback
 * `filename="…"` for clients that read only that.
 */

/** Lone surrogates cannot be encoded as UTF-8 (with `u`, a surrogate pair is one code point). */
const LONE_SURROGATE = /[\ud800-\udfff]/gu;

/**
 * The header value for a download named `fileName`.
 *
 * @example attachment("客户-screened.csv") ===
 *   `attachment; filename="__-screened.csv"; filename*=UTF-8''%E5%AE%A2%E6%88%B7-screened.csv`
 */
export function attachment(fileName: string): string {
  const name = fileName.replace(LONE_SURROGATE, "\ufffd").replace(/\p{Cc}/gu, "");
  // Printable ASCII less the quote and backslash, which would end or escape the quoted string.
  const fallback = name.replace(/[^\u0020-\u007e]|["\\]/gu, "_") || "download";
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(name || "download")}`;
}

/** Percent-encoding of everything outside RFC 8187's attr-char. */
function encodeRfc8187(text: string): string {
  return encodeURIComponent(text).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
