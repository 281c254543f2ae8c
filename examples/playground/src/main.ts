// Entry of the playground page. The worker is created here, in this exact form, so that Vite finds
// it and bundles it (with Fluxion inside) as a module worker.
import "./styles.css";
import { startPlayground } from "./ui/app.js";

startPlayground(
  () =>
    new Worker(new URL("./engine/worker.ts", import.meta.url), {
      type: "module",
      name: "fluxion-trainer",
    }),
);
