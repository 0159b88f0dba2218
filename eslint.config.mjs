// `make lint`'s JavaScript check: eslint's recommended rules on every script the site ships
// and on the build's Node script, each file with the globals of where it runs.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: ["site/**", "node_modules/**", ".venv*/**", "audit/**", "bench/**", "tests/**"],
  },
  js.configs.recommended,
  {
    // The quiz widget and its helpers, and the site-wide scripts (Quick exit, the offline
    // choice, the embed frame): ES modules in the page.
    files: ["overrides/assets/quiz/*.js", "overrides/assets/site/*.js"],
    languageOptions: { sourceType: "module", globals: globals.browser },
  },
  {
    // The worker that runs Pyodide: a module worker.
    files: ["overrides/assets/quiz/worker.js"],
    languageOptions: { sourceType: "module", globals: globals.worker },
  },
  {
    // Classic scripts in the page: Material's helpers and the clinic's host script.
    files: ["overrides/assets/javascripts/*.js", "overrides/embed/host.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
  {
    // The service workers: the one that keeps the guide and the one that removes it. BUILD (the
    // version and the files to keep) and CONTRACTS (the names shared with the pages) are written
    // in front of them by the build (sitegen/offline.py).
    files: ["overrides/assets/offline/service-worker.js", "overrides/assets/offline/remove-service-worker.js"],
    languageOptions: {
      sourceType: "script",
      globals: { ...globals.serviceworker, BUILD: "readonly", CONTRACTS: "readonly" },
    },
  },
  {
    // The build's proof that the trimmed stdlib runs every quiz (run by Node).
    files: ["sitegen/bundle/stdlib.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
];
