/**
 * Generated avatars for demo users and customers: a coloured circle with initials, as an SVG
 * `data:` URI, so the demo never touches the network.
 */

/** Up to two initials of a name ("Olivia Bennett" → "OB"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  // Letters and digits only: the result is placed inside SVG markup.
  return letters
    .map((word) =>
      (word ?? '')
        .replace(/[^\p{L}\p{N}]/gu, '')
        .charAt(0)
        .toUpperCase(),
    )
    .join('');
}

/** A stable hue for a name, so the same person always gets the same colour. */
function hueOf(name: string): number {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) >>> 0;
  return hash % 360;
}

/** An SVG `data:` URI showing the name's initials on a colour derived from the name. */
export function avatarDataUri(name: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<circle cx="32" cy="32" r="32" fill="hsl(${hueOf(name)} 55% 45%)"/>` +
    `<text x="32" y="32" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="26" fill="#fff">` +
    `${initialsOf(name)}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
