import { ChangeDetectionStrategy, Component, computed, input } from "@angular/core";

const URL_RE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence rather than the link: "see https://x.test/a." */
const TRAILING = /[.,;:!?)\]}'"]+$/;

export type TextPart = { text: string; href?: string };

/** Splits typed text into plain runs and http(s) addresses. */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    const start = match.index;
    let url = match[0];
    const trailing = TRAILING.exec(url)?.[0] ?? "";
    // Keep a closing bracket that belongs to the address, e.g. https://en.wikipedia.org/wiki/X_(y)
    if (trailing.startsWith(")") && url.includes("(")) url = url.slice(0, url.length - trailing.length + 1);
    else if (trailing) url = url.slice(0, url.length - trailing.length);
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: url, href: url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/**
 * Text typed by a person, shown as typed: line breaks kept, addresses as links. Only interpolation
 * (never innerHTML), so markup or a <script> shows as the characters that were typed.
 */
@Component({
  selector: "us-plain-text",
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@for (part of parts(); track $index) {@if (part.href) {<a [href]="part.href" target="_blank" rel="noopener noreferrer nofollow">{{ part.text }}</a>} @else {<ng-container>{{ part.text }}</ng-container>}}`,
  styles: `:host { display: block; white-space: pre-wrap; overflow-wrap: anywhere; }`,
})
export class PlainTextComponent {
  readonly text = input.required<string>();
  protected readonly parts = computed(() => linkify(this.text()));
}
