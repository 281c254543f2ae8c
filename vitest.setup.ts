// Runs the whole suite on the backend named by FLUXION_BACKEND (e.g. `FLUXION_BACKEND=cpu vitest
// run`), so every backend passes the same tests; unset, the default backend is used.
import { setBackend } from "@fluxion/core";

const name = process.env.FLUXION_BACKEND;
if (name) setBackend(name);
