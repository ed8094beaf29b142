// Deal amounts as lists, pages and the form show them: whole units of the currency.
export const formatAmount = (n: number, currency = "EUR") =>
  new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: 0 }).format(n);
