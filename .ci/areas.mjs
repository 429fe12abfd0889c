// The app's areas (src/areas.json) for the build hooks and the size check.
import { readFileSync } from "node:fs";

/// The areas: name, wasm binary, path prefixes.
export const areas = JSON.parse(readFileSync(new URL("../src/areas.json", import.meta.url), "utf8")).areas;

/// An area's own file among `files`: `kam-targets-<hash>.js`, not
/// `kam-targets-abc-<hash>.js`. `suffix` is a regular expression, e.g.
/// "_bg\\.wasm".
export const ownFile = (files, area, suffix) =>
  files.find((f) => new RegExp(`^${area.bin}-[0-9a-f]+${suffix}$`).test(f));
