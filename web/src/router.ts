/**
 * Hash routes (`#/entity/<id>`): the server serves one page and every API route stays its own;
 * a router library would add more than these few lines do.
 */
import { useEffect, useState } from "react";

export type Route =
  | { page: "search"; q: string }
  | { page: "entity"; id: string }
  | { page: "network"; id: string; asOf: string };

export function parseRoute(hash: string): Route {
  const [path = "", search = ""] = hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(search);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "entity" && parts[1]) return { page: "entity", id: parts[1] };
  if (parts[0] === "network" && parts[1])
    return { page: "network", id: parts[1], asOf: params.get("as_of") ?? "" };
  return { page: "search", q: params.get("q") ?? "" };
}

export function href(route: Route): string {
  switch (route.page) {
    case "entity":
      return `#/entity/${encodeURIComponent(route.id)}`;
    case "network":
      return `#/network/${encodeURIComponent(route.id)}${route.asOf ? `?as_of=${route.asOf}` : ""}`;
    default:
      return route.q ? `#/search?q=${encodeURIComponent(route.q)}` : "#/search";
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}
