// Trunk pre-build hook (see Trunk.toml): compiles the wasm binaries of all
// areas (src/areas.json) in one cargo run, so that cargo links two of them
// at a time. The nested area builds of the post-build hook then find them
// up to date. In the nested builds (KAM_AREA_BUILD is set) it does nothing.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { areas } from "./areas.mjs";

// Nothing to do in the nested area builds, or for another page than
// index.html (the benchmark's floor page).
if (process.env.KAM_AREA_BUILD) process.exit(0);
if (resolve(process.env.TRUNK_HTML_FILE ?? "index.html") !== resolve("index.html")) process.exit(0);
const args = ["build", "--target=wasm32-unknown-unknown", "--manifest-path", "Cargo.toml"];
if (process.env.TRUNK_PROFILE === "release") args.push("--release");
for (const area of areas) args.push("--bin", area.bin);
const { status } = spawnSync("cargo", args, { stdio: "inherit" });
process.exit(status ?? 1);
