/**
 * Hash routes (`#/entity/<id>`): the server serves one page and every API route stays its own;
 * a router library would add more than these few lines do.
 */
import { useEffect, useState } from "react";

export type Route =
  | { page: "search"; q: string }
  | { page: "entity"; id: string }
  | { page: "network"; id: string; asOf: string }
  | { page: "trace"; account: string; direction: string }
  | { page: "screening" }
  | { page: "documents"; q: string }
  | { page: "document"; id: string }
  | { page: "alerts" }
  | { page: "lists" };

export function parseRoute(hash: string): Route {
  const [path = "", search = ""] = hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(search);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const [page, id] = parts;
  if (page === "entity" && id) return { page, id };
  if (page === "network" && id) return { page, id, asOf: params.get("as_of") ?? "" };
  if (page === "document" && id) return { page, id };
  if (page === "trace")
    return {
      page,
      account: params.get("account") ?? "",
      direction: params.get("direction") ?? "forward",
    };
  if (page === "documents") return { page, q: params.get("q") ?? "" };
  if (page === "screening" || page === "alerts" || page === "lists") return { page };
  return { page: "search", q: params.get("q") ?? "" };
}

const withQuery = (path: string, params: Record<string, string>): string => {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString();
  return search ? `${path}?${search}` : path;
};

export function href(route: Route): string {
  switch (route.page) {
    case "entity":
    case "document":
      return `#/${route.page}/${encodeURIComponent(route.id)}`;
    case "network":
      return withQuery(`#/network/${encodeURIComponent(route.id)}`, { as_of: route.asOf });
    case "trace":
      return withQuery("#/trace", { account: route.account, direction: route.direction });
    case "documents":
      return withQuery("#/documents", { q: route.q });
    case "screening":
    case "alerts":
    case "lists":
      return `#/${route.page}`;
    default:
      return withQuery("#/search", { q: route.q });
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
