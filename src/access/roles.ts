/** Who may do what: roles in increasing power, and what each route needs. */
export const ROLES = ["viewer", "analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** What a route needs from its caller: nothing (`public`), or at least a role. */
export type RouteAccess = "public" | Role;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether a caller with `role` may use a route that needs `needed`. */
export function allows(role: Role, needed: RouteAccess): boolean {
  return needed === "public" || ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
