// Reads `twiggy top --format csv` on stdin and prints the bytes per crate,
// the crate being the first path segment of each demangled name (generic
// code is counted for the crate that defines it, e.g. `leptos` for a view
// monomorphized for the app's types).
import { createInterface } from "node:readline";

const sizes = new Map();
let total = 0;
let first = true;
for await (const line of createInterface({ input: process.stdin })) {
  if (first) { first = false; continue; }
  const match = line.match(/^"?(.*?)"?,(\d+),/);
  if (!match) continue;
  const [, rawName, bytes] = match;
  const name = rawName.replaceAll('""', '"');
  // Names and wasm-bindgen's description are custom sections, not code;
  // the describe functions (and their exports) are removed by wasm-bindgen.
  if (name.includes("subsection") || name.startsWith("custom section") || name.includes("__wbindgen_describe")) continue;
  const size = Number(bytes);
  total += size;
  // `<F as tachys::…::ReactiveFunction>::invoke`: the trait's crate;
  // `core[c593…]::fmt::…`: the crate without its hash.
  const as = name.startsWith("<") ? name.indexOf(" as ") : -1;
  const plain = (as > 0 ? name.slice(as + 4) : name).replace(/^<+/, "").replace(/^(impl|dyn) /, "").replace(/^([a-z_][a-z0-9_]*)\[[0-9a-f]+\]/, "$1");
  const crate = /^[a-z_][a-z0-9_]*::/.test(plain) ? plain.split("::")[0]
    : name.startsWith("data") ? "(data)" : name.startsWith("elem[") ? "(function table)" : "(other: unnamed code, intrinsics)";
  sizes.set(crate, (sizes.get(crate) ?? 0) + size);
}
const rows = [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 40);
for (const [crate, size] of rows) {
  console.log(`${String(size).padStart(10)}  ${(100 * size / total).toFixed(1).padStart(5)} %  ${crate}`);
}
