/** Human-readable numbers, sizes, dates and vectors for the page. */

const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat();
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

export function count(value) {
  return value >= 10000 ? compact.format(value) : whole.format(value);
}

export function exact(value) {
  return whole.format(value);
}

export function bytes(value) {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let size = value;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return `${size.toFixed(size >= 10 || unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function ago(iso) {
  const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
  const steps = [[60, "second"], [60, "minute"], [24, "hour"], [30, "day"], [12, "month"], [Infinity, "year"]];
  let value = seconds;
  for (const [size, unit] of steps) {
    if (Math.abs(value) < size) return relative.format(Math.round(value), unit);
    value /= size;
  }
  return iso;
}

// Below this, a coordinate is float noise around zero.
const NEGLIGIBLE = 1e-6;

function number(value) {
  const magnitude = Math.abs(value);
  if (magnitude < NEGLIGIBLE) return "0";
  if (magnitude < 0.01 || magnitude >= 1e5) return value.toExponential(2);
  return Number(value.toFixed(3)).toString();
}

/** The size of a bounding box as "w × h × d". */
export function dimensions(bounds) {
  return bounds.max.map((high, axis) => number(high - bounds.min[axis])).join(" × ");
}

export function vector(values) {
  return `(${values.map(number).join(", ")})`;
}

export function percent(fraction) {
  return `${Math.round(Math.max(0, Math.min(1, fraction)) * 100)}%`;
}

/** A span of milliseconds as "850 ms", "4.2 s", "3 min 5 s" or "2 h 10 min". */
export function duration(ms) {
  const value = Math.max(0, ms);
  if (value < 1000) return `${Math.round(value)} ms`;
  const seconds = value / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.floor(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
