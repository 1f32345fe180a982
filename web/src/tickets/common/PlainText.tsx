import { Anchor, Text, type TextProps } from "@mantine/core";
import type { ReactNode } from "react";

const URL_RE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence rather than the link: "see https://x.test/a." */
const TRAILING = /[.,;:!?)\]}'"]+$/;

/**
 * Text typed by a person, shown as it was typed: line breaks kept, http(s) addresses made into links,
 * everything else plain text. Built from React elements only (no HTML is ever parsed), so markup or a
 * <script> in a ticket shows as the characters that were typed.
 */
export function linkify(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    const start = match.index;
    let url = match[0];
    const trailing = TRAILING.exec(url)?.[0] ?? "";
    // Keep a closing bracket that belongs to the address, e.g. https://en.wikipedia.org/wiki/X_(y)
    if (trailing.startsWith(")") && url.includes("(")) url = url.slice(0, url.length - trailing.length + 1);
    else if (trailing) url = url.slice(0, url.length - trailing.length);
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <Anchor key={`${start}-${url}`} href={url} target="_blank" rel="noopener noreferrer nofollow" inherit>
        {url}
      </Anchor>,
    );
    last = start + url.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

export function PlainText({ text, ...props }: { text: string } & TextProps) {
  return (
    <Text component="div" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} {...props}>
      {linkify(text)}
    </Text>
  );
}
