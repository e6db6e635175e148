// The kind of device a notice names, in plain words: the raw user-agent string never reaches a
// message.

export type DeviceKind = "phone" | "tablet" | "computer" | "unknown";

/** Tablets first: an Android tablet says "Android" without "Mobile"; an iPad says "iPad". */
export function deviceKindOf(userAgent: string | null | undefined): DeviceKind {
  const ua = userAgent?.slice(0, 512) ?? "";
  if (!ua.trim()) return "unknown";
  if (/iPad|Tablet|PlayBook|Silk|Kindle/i.test(ua) || (/Android/i.test(ua) && !/Mobile/i.test(ua))) {
    return "tablet";
  }
  if (/Mobi|iPhone|iPod|Android|Windows Phone|BlackBerry/i.test(ua)) return "phone";
  if (/Windows NT|Macintosh|Mac OS X|X11|Linux|CrOS/i.test(ua)) return "computer";
  return "unknown";
}
