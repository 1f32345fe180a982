const number = new Intl.NumberFormat("en");
const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export function formatCount(used: number, max: number | null | undefined): string {
  return max === null || max === undefined
    ? number.format(used)
    : `${number.format(used)} / ${number.format(max)}`;
}

export function isOver(used: number, max: number | null | undefined): boolean {
  return max !== null && max !== undefined && used > max;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export function formatNumber(n: number): string {
  return number.format(n);
}
