/** A search snippet with its <mark>ed words, every other character shown as text. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/<mark>|<\/mark>/);
  return (
    <span className="snippet">
      {parts.map((part, i) =>
        i % 2 === 1 ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>,
      )}
    </span>
  );
}
