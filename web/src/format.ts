/** Numbers as analysts read them: amounts with their currency, shares as percentages. */
export function money(amount: number, currency: string): string {
  const digits = Math.abs(amount) >= 100 ? 0 : 2;
  return `${amount.toLocaleString("en-US", { maximumFractionDigits: digits })} ${currency}`;
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
}

export function day(iso: string): string {
  return iso.slice(0, 10);
}
