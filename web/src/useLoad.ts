import { useEffect, useState } from "react";

export type Loaded<T> =
  { state: "loading" } | { state: "error"; message: string } | { state: "ok"; value: T };

/** Runs a request when its key changes; the answer of a superseded request is dropped. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  useEffect(() => {
    let current = true;
    setLoaded({ state: "loading" });
    load().then(
      (value) => current && setLoaded({ state: "ok", value }),
      (error: unknown) =>
        current && setLoaded({ state: "error", message: (error as Error).message }),
    );
    return () => {
      current = false;
    };
    // The key stands for the request: `load` is a new closure on every render.
  }, [key]);
  return loaded;
}
