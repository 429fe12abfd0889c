// Shared pieces of the benchmarks (not tests).

/// The median of a list of numbers.
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/// "median … ms (min …, max …, n = …)" with `digits` decimals.
export const fmt = (xs, digits = 1) =>
  `median ${median(xs).toFixed(digits)} ms (min ${Math.min(...xs).toFixed(digits)}, max ${Math.max(...xs).toFixed(digits)}, n = ${xs.length})`;

/// Runs `act(arg)` inside the page. Returns the work it caused (the event
/// handler plus the re-render Leptos queues behind it) and the time to the
/// next frame (which includes waiting for the display's next refresh).
export const timed = (page, act, arg) => page.evaluate(async ([act, arg]) => {
  const t0 = performance.now();
  await (0, eval)(act)(arg);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const work = performance.now() - t0;
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return [work, performance.now() - t0];
}, [act.toString(), arg]);
