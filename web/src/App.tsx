import { EntityPage } from "./pages/EntityPage.tsx";
import { NetworkPage } from "./pages/NetworkPage.tsx";
import { SearchPage } from "./pages/SearchPage.tsx";
import { href, useRoute } from "./router.ts";

export function App() {
  const route = useRoute();
  return (
    <>
      <header className="bar">
        <a className="brand" href={href({ page: "search", q: "" })}>
          moneytrail
        </a>
        <nav>
          <a href={href({ page: "search", q: "" })}>Search</a>
          <a href="/openapi.json">API</a>
        </nav>
      </header>
      <main>
        {route.page === "search" && <SearchPage q={route.q} />}
        {route.page === "entity" && <EntityPage id={route.id} />}
        {route.page === "network" && <NetworkPage id={route.id} asOf={route.asOf} />}
      </main>
    </>
  );
}
