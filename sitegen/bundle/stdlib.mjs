// The site's standard library for Pyodide: found by running the quizzes, proven by running them again.
//
//   node sitegen/bundle/stdlib.mjs compile <job.json>
//   node sitegen/bundle/stdlib.mjs trim <job.json>
//
// compile (once per runtime; stdlib.py caches the result): start Pyodide with npm's stdlib and
// compile every module of it, inside Pyodide so each is for its own Python, to an unchecked
// hash-based .pyc (PEP 552), written with the other files to a stored zip. The job names the
// pinned runtime folder and where to write the zip. Prints nothing on stdout.
//
// trim: the job (written by sitegen/bundle/stdlib.py) names the pinned runtime folder, the
// compiled stdlib, the site lockfile's text, the quiz wheel, where to write the zip, and what
// to run: the quiz modules, every import statement of quizzes/, and the sample answer sets (as
// JSON) to score.
// 1. Discovery: start Pyodide with the compiled stdlib and load the wheel as the browser's
//    worker does, import and score everything, let one Python error reach JS (the worker
//    relies on that path, and it imports the traceback modules), then write every .pyc loaded
//    from the compiled stdlib to a deflated, reproducible zip.
// 2. Proof: start a second Pyodide with that zip as `stdLibURL`, and run and score it all again.
//
// trim prints one JSON report on stdout (read by stdlib.py's `NodeReport`, which refuses
// anything else): {modules, failures, replies: {discovery, proof}}.
// A failure is {run, step, index, type, missing, message}: `run` one of RUN, `step` one of
// STEP, `index` a position in the job's list of that step, `type` the error's class,
// `missing` the module a ModuleNotFoundError names (else null), `message` its last line.
import { mkdtemp, readFile, rm, writeFile, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";

// Pyodide logs with console.log; stdout carries only the report.
console.log = console.info = console.debug = (...args) => console.error(...args);

const OUT_ZIP = "/tmp/out.zip"; // in Pyodide's in-memory file system

// The values a failure's `run` and `step` take (stdlib.py's Run and Step).
const RUN = Object.freeze({ discovery: "discovery", proof: "proof" });
const STEP = Object.freeze({ module: "module", import: "import", sample: "sample", traceback: "traceback" });

// Defined in both Pyodides before COMPILE or COLLECT. Nothing is imported until a function is
// called: COLLECT must see the modules the quizzes loaded, not these helpers'.
const ZIPS = `
def stdlib_zip():
    import sys
    zips = [entry for entry in sys.path if entry.endswith(".zip")]
    if len(zips) != 1:
        raise RuntimeError(f"expected one stdlib zip on sys.path, found {zips}")
    return zips[0]


def write_zip(out_path, entries, *, deflated):
    # Sorted, one fixed date: identical entries give identical bytes.
    import zipfile
    with zipfile.ZipFile(out_path, "w", compresslevel=9 if deflated else None) as out:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            if deflated:
                info.compress_type = zipfile.ZIP_DEFLATED  # a ZipInfo's own type wins over the file's
            out.writestr(info, entries[name])
`;

// Runs inside a Pyodide started with npm's stdlib, before anything else.
const COMPILE = `
def compile_stdlib(out_path):
    import importlib.util, zipfile
    from importlib._bootstrap_external import _code_to_hash_pyc

    path = stdlib_zip()
    stock = zipfile.ZipFile(path)
    entries = {}
    for name in stock.namelist():
        data = stock.read(name)
        if name.endswith(".py"):
            try:
                code = compile(data, f"{path}/{name}", "exec", dont_inherit=True)
            except SyntaxError:
                pass  # kept as source: importing it fails as it would from npm's zip
            else:
                name, data = name + "c", _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
        entries[name] = data
    # With a fixed hash seed (set constants are marshalled in iteration order), identical inputs
    # give identical bytes. Stored: only the build reads it.
    write_zip(out_path, entries, deflated=False)
`;

// Runs inside the discovery Pyodide, after everything was imported and scored.
const COLLECT = `
def collect(out_path):
    import sys
    loaded = list(sys.modules.items())  # before this function imports anything itself
    import json, zipfile

    path = stdlib_zip()
    compiled = zipfile.ZipFile(path)
    root = path + "/"
    entries, modules = {}, []
    for name, module in loaded:
        spec, file = getattr(module, "__spec__", None), getattr(module, "__file__", None)
        # Frozen modules (os, codecs, importlib.util, ...) report a __file__ in the zip,
        # but load from the interpreter itself.
        if not file or not file.startswith(root) or spec is None or spec.origin == "frozen":
            continue
        pyc_name = file[len(root):]
        if not pyc_name.endswith(".pyc"):
            raise RuntimeError(f"{name} was loaded from {file}, which is not compiled Python")
        entries[pyc_name] = compiled.read(pyc_name)
        modules.append(name)
        if pyc_name.endswith("/__init__.pyc"):  # a package: keep the data files beside it
            folder = pyc_name.removesuffix("__init__.pyc")
            for other in compiled.namelist():
                rest = other.removeprefix(folder)
                if other.startswith(folder) and rest and "/" not in rest and not rest.endswith((".py", ".pyc")):
                    entries[other] = compiled.read(other)
    # Deflated, not stored: many hosts (Cloudflare's and BunnyCDN's defaults among them) never
    # compress application/zip, and stored it would go out at 3.5 MB there; deflated it is 1.5 MB
    # on every host, about what gzip makes of the stored zip (brotli would make 1.0 MB, on the
    # hosts that use it).
    write_zip(out_path, entries, deflated=True)
    return json.dumps(sorted(modules))
`;

const COMMANDS = { compile: compileStdlib, trim: trimStdlib };

async function main() {
  const [command, jobFile] = process.argv.slice(2);
  if (!Object.hasOwn(COMMANDS, command)) {
    throw new Error(`unknown command ${JSON.stringify(command)}: expected one of ${Object.keys(COMMANDS)}`);
  }
  await COMMANDS[command](JSON.parse(await readFile(jobFile, "utf8")));
}

// npm's whole stdlib, compiled, to job.output.
async function compileStdlib(job) {
  const pyodide = await loadRuntime(job, { env: { PYTHONHASHSEED: "0" } });
  pyodide.runPython(ZIPS + COMPILE);
  pyodide.globals.get("compile_stdlib")(OUT_ZIP);
  await writeFile(job.output, pyodide.FS.readFile(OUT_ZIP));
}

// The modules the quizzes need, proven, to job.output; the report on stdout.
async function trimStdlib(job) {
  // Both runs are brief: left to V8's own budget, recompiling Pyodide's hot functions with its
  // optimizing compiler costs about 0.5 of the 2.3 CPU-s (the code runs the same in either
  // tier). Set before any WebAssembly is compiled; a V8 without the flag ignores it.
  v8.setFlagsFromString("--wasm-tiering-budget=2000000000");
  const packages = await mkdtemp(join(tmpdir(), "site-stdlib-"));
  try {
    await writeFile(join(packages, "pyodide-lock.json"), job.lockfile);
    await copyFile(job.wheel, join(packages, basename(job.wheel)));
    const report = { modules: [], failures: [], replies: {} };

    const discovery = await startPython(job, packages, { stdLibURL: job.compiled });
    runEverything(discovery, job, RUN.discovery, report);
    if (report.failures.length === 0) {
      discovery.runPython(ZIPS + COLLECT);
      report.modules = JSON.parse(discovery.globals.get("collect")(OUT_ZIP));
      await writeFile(job.output, discovery.FS.readFile(OUT_ZIP));
    }

    if (report.failures.length === 0) {
      const proof = await startPython(job, packages, { stdLibURL: job.output });
      runEverything(proof, job, RUN.proof, report);
    }
    process.stdout.write(JSON.stringify(report));
  } finally {
    await rm(packages, { recursive: true, force: true });
  }
}

// The pinned runtime, its output kept off stdout.
async function loadRuntime(job, options) {
  const { loadPyodide } = await import(pathToFileURL(join(job.runtime, "pyodide.mjs")).href);
  return loadPyodide({
    indexURL: job.runtime,
    stdout: () => {},
    stderr: (line) => console.error(line),
    ...options,
  });
}

// Pyodide as the browser's worker starts it: the site lockfile, then the wheel, integrity checked.
async function startPython(job, packages, options) {
  const pyodide = await loadRuntime(job, {
    lockFileURL: join(packages, "pyodide-lock.json"),
    packageBaseUrl: packages + "/",
    ...options,
  });
  await pyodide.loadPackage("quizzes", {
    messageCallback: () => {},
    errorCallback: (message) => console.error(message),
    checkIntegrity: true,
  });
  return pyodide;
}

// Import each quiz module and each import statement, score every sample, raise one error.
function runEverything(pyodide, job, run, report) {
  const fail = (step, index, error) => report.failures.push(failure(run, step, index, described(pyodide, error)));
  job.modules.forEach((name, index) => {
    try {
      pyodide.pyimport(name);
    } catch (error) {
      fail(STEP.module, index, error);
    }
  });
  job.imports.forEach((statement, index) => {
    try {
      pyodide.runPython(statement, { globals: pyodide.toPy({}) });
    } catch (error) {
      fail(STEP.import, index, error);
    }
  });
  const score = pyodide.pyimport("quizzes.core.browser").score_json;
  report.replies[run] = job.samples.map(({ quiz, answers }, index) => {
    try {
      return score(quiz, answers);
    } catch (error) {
      fail(STEP.sample, index, error);
      return null;
    }
  });
  // A Python error that reaches JS is formatted by Python's traceback machinery.
  try {
    pyodide.runPython("raise ValueError('site stdlib probe')");
    fail(STEP.traceback, 0, new Error("a Python exception did not reach JS"));
  } catch (error) {
    if (!(error instanceof pyodide.ffi.PythonError) || !error.message.includes("site stdlib probe")) {
      fail(STEP.traceback, 0, error);
    }
  }
}

// One failure of the report, every field named.
function failure(run, step, index, { type, missing, message }) {
  return { run, step, index, type, missing, message };
}

// A Python exception as the report gives it: its type, the module it missed, its last line.
function described(pyodide, error) {
  if (!(error instanceof pyodide.ffi.PythonError)) {
    return { type: error.name, missing: null, message: String(error.stack || error) };
  }
  const lines = error.message.trim().split("\n");
  const last = lines.findLast((line) => line.startsWith(`${error.type}:`)) ?? lines.at(-1);
  const missing = error.type === "ModuleNotFoundError" ? (last.match(/No module named '([^']+)'/)?.[1] ?? null) : null;
  return { type: error.type, missing, message: last };
}

await main();
