/** Who is reviewing: asked once, kept in the browser, sent with every decision and alert change. */
import { useState } from "react";

const KEY = "moneytrail.reviewer";

export function useReviewer(): [string, (name: string) => void] {
  const [name, setName] = useState(() => localStorage.getItem(KEY) ?? "analyst");
  return [
    name,
    (next: string) => {
      localStorage.setItem(KEY, next);
      setName(next);
    },
  ];
}

export function ReviewerField({ name, setName }: { name: string; setName: (n: string) => void }) {
  return (
    <label className="reviewer">
      Reviewer <input value={name} onChange={(e) => setName(e.target.value)} size={12} />
    </label>
  );
}
