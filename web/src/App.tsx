import type { Me } from "./api.ts";
import { AlertsPage } from "./pages/AlertsPage.tsx";
import { DocumentPage } from "./pages/DocumentPage.tsx";
import { DocumentsPage } from "./pages/DocumentsPage.tsx";
import { EntityPage } from "./pages/EntityPage.tsx";
import { ListsPage } from "./pages/ListsPage.tsx";
import { NetworkPage } from "./pages/NetworkPage.tsx";
import { ScreeningPage } from "./pages/ScreeningPage.tsx";
import { SearchPage } from "./pages/SearchPage.tsx";
import { TracePage } from "./pages/TracePage.tsx";
import { href, useRoute, type Route } from "./router.ts";
import { SignInGate } from "./SignIn.tsx";

const NAV: Array<[string, Route]> = [
  ["Search", { page: "search", q: "" }],
  ["Trace", { page: "trace", account: "", direction: "forward" }],
  ["Screening", { page: "screening" }],
  ["Documents", { page: "documents", q: "" }],
  ["Alerts", { page: "alerts" }],
  ["Lists", { page: "lists" }],
];

export function App() {
  return <SignInGate>{(me, signOut) => <Workspace me={me} signOut={signOut} />}</SignInGate>;
}

function Workspace({ me, signOut }: { me: Me; signOut: () => void }) {
  const route = useRoute();
  return (
    <>
      <header className="bar">
        <a className="brand" href={href({ page: "search", q: "" })}>
          moneytrail
        </a>
        <nav aria-label="Pages">
          {NAV.map(([label, target]) => (
            <a
              key={label}
              href={href(target)}
              aria-current={target.page === route.page ? "page" : undefined}
            >
              {label}
            </a>
          ))}
          <a href="/openapi.json">API</a>
        </nav>
        {me.auth === "required" && (
          <span className="who">
            {me.user} ({me.role}){" "}
            <button type="button" onClick={signOut}>
              Sign out
            </button>
          </span>
        )}
      </header>
      <main>
        {route.page === "search" && <SearchPage q={route.q} />}
        {route.page === "entity" && <EntityPage id={route.id} />}
        {route.page === "network" && <NetworkPage id={route.id} asOf={route.asOf} />}
        {route.page === "trace" && (
          <TracePage
            key={`${route.account}/${route.direction}`}
            account={route.account}
            direction={route.direction}
          />
        )}
        {route.page === "screening" && <ScreeningPage />}
        {route.page === "documents" && <DocumentsPage q={route.q} />}
        {route.page === "document" && <DocumentPage id={route.id} />}
        {route.page === "alerts" && <AlertsPage />}
        {route.page === "lists" && <ListsPage />}
      </main>
    </>
  );
}
