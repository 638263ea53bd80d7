/**
 * The sign-in gate: on a server that requires authentication, nothing else is shown until the
 * analyst has signed in (the session cookie then rides on every API call).
 */
import { useEffect, useState, type ReactNode } from "react";
import { api, ApiError, type Me } from "./api.ts";

export function SignInGate({ children }: { children: (me: Me, signOut: () => void) => ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  useEffect(() => {
    api
      .me()
      .then(setMe, (e: unknown) =>
        e instanceof ApiError && e.status === 401 ? setMe(null) : setError((e as Error).message),
      );
  }, []);
  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    setError("");
    api
      .login(username, password)
      .then(() => api.me())
      .then(setMe, (e: unknown) => setError((e as Error).message));
  };
  const signOut = (): void => {
    void api.logout().finally(() => setMe(null));
  };
  if (me) return <>{children(me, signOut)}</>;
  if (me === undefined) return <p className="muted">{error || "Loading…"}</p>;
  return (
    <main>
      <form className="sign-in" onSubmit={submit} aria-label="Sign in">
        <h1>Sign in to moneytrail</h1>
        <label>
          User <input value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
        </label>
        <label>
          Password{" "}
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit">Sign in</button>
        {error && <p className="error">{error}</p>}
      </form>
    </main>
  );
}
