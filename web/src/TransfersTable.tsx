import type { AccountTransfer } from "./api.ts";
import { day, money } from "./format.ts";

/**
 * Ledger transfers as a table, each party by its holder's name where known. With `signed`,
 * amounts leaving the accounts in view are shown negative.
 */
export function TransfersTable({
  transfers,
  holder,
  signed = false,
  className,
}: {
  transfers: AccountTransfer[];
  holder: (account: string, transfer: AccountTransfer) => string;
  signed?: boolean;
  className?: string;
}) {
  return (
    <table className={className}>
      <thead>
        <tr>
          <th>date</th>
          <th>from</th>
          <th>to</th>
          <th>amount</th>
        </tr>
      </thead>
      <tbody>
        {transfers.map((t) => (
          <tr key={t.id} className={t.direction}>
            <td>{day(t.date)}</td>
            <td>{holder(t.source, t)}</td>
            <td>{holder(t.target, t)}</td>
            <td className="num">
              {signed && (t.direction === "out" ? "−" : "+")}
              {money(t.amount, t.currency)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
