import { useState } from "react";
import { api, type IngestReport } from "../api.ts";
import { href } from "../router.ts";
import { Snippet } from "../Snippet.tsx";
import { useLoad } from "../useLoad.ts";

/** Upload files (archives and e-mails are opened) and search every document's text. */
export function DocumentsPage({ q }: { q: string }) {
  const [text, setText] = useState(q);
  const hits = useLoad(() => (q ? api.searchDocuments(q) : Promise.resolve([])), q);
  return (
    <section>
      <h1>Documents</h1>
      <Upload />
      <form
        className="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          window.location.hash = href({ page: "documents", q: text.trim() });
        }}
      >
        <input
          aria-label="Search documents"
          placeholder="Words, names, account numbers…"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">Search</button>
      </form>
      {hits.state === "error" && <p className="error">{hits.message}</p>}
      {hits.state === "ok" && q && hits.value.length === 0 && (
        <p className="muted">No documents.</p>
      )}
      {hits.state === "ok" && (
        <ul className="results">
          {hits.value.map((hit) => (
            <li key={hit.document.id}>
              <a href={href({ page: "document", id: hit.document.id })}>
                {hit.document.title || hit.document.name}
              </a>{" "}
              <span className="tag">{hit.document.schema}</span>
              <br />
              <Snippet text={hit.snippet} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Upload() {
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<IngestReport | { error: string } | null>(null);
  const upload = async (files: FileList | null): Promise<void> => {
    if (!files || files.length === 0) return;
    setBusy(true);
    const ids: string[] = [];
    let mentions = 0;
    try {
      for (const file of files) {
        const answer = await api.uploadDocument(file);
        ids.push(...answer.ids);
        mentions += answer.mentions;
      }
      setReport({ documents: ids.length, ids, mentions });
    } catch (error) {
      setReport({ error: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="toolbar">
      <label>
        Add files{" "}
        <input
          type="file"
          multiple
          aria-label="Upload documents"
          disabled={busy}
          onChange={(e) => void upload(e.target.files)}
        />
      </label>
      {busy && <progress aria-label="upload progress" />}
      {report && "error" in report && <span className="error">{report.error}</span>}
      {report && !("error" in report) && (
        <span className="upload-report">
          {report.documents} documents read, {report.mentions} mentions:{" "}
          {report.ids.map((id) => (
            <a key={id} href={href({ page: "document", id })}>
              open{" "}
            </a>
          ))}
        </span>
      )}
    </div>
  );
}
