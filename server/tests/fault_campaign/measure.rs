//! What the campaign measures with: sizes from the environment (short by default, the full
//! figures with `COMTEM_FAULT_FULL=1`), percentiles, and a process's resident memory.

use std::time::Duration;

/// Whether the full campaign runs (`COMTEM_FAULT_FULL=1`): the figures, and the timing
/// targets asserted; the short form asserts only what noise cannot break.
pub fn full() -> bool {
    std::env::var("COMTEM_FAULT_FULL").is_ok_and(|value| value == "1")
}

/// `variable` if set, else `full` in the full campaign and `short` otherwise.
pub fn size(variable: &str, short: usize, full_size: usize) -> usize {
    std::env::var(variable)
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(if full() { full_size } else { short })
}

/// The `p`th percentile (0 to 100) of `samples`, nearest rank; zero when there are none.
pub fn percentile(samples: &mut [Duration], p: usize) -> Duration {
    if samples.is_empty() {
        return Duration::ZERO;
    }
    samples.sort_unstable();
    let rank = (samples.len() * p).div_ceil(100).max(1);
    samples[rank - 1]
}

/// p50, p95, p99 and the largest of `samples`, for a report line.
pub fn summary(samples: &mut [Duration]) -> String {
    let p50 = percentile(samples, 50);
    let p95 = percentile(samples, 95);
    let p99 = percentile(samples, 99);
    let max = samples.last().copied().unwrap_or_default();
    format!(
        "p50 {} / p95 {} / p99 {} / max {} ms",
        millis(p50),
        millis(p95),
        millis(p99),
        millis(max)
    )
}

/// `duration` in milliseconds, with one decimal.
pub fn millis(duration: Duration) -> String {
    format!("{:.1}", duration.as_secs_f64() * 1000.0)
}

/// Resident memory of process `pid` in KiB (`VmRSS` in `/proc/<pid>/status`).
pub fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc status");
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("a VmRSS line")
}

/// `kib` in MiB, with one decimal.
pub fn mib(kib: u64) -> String {
    format!("{:.1}", kib as f64 / 1024.0)
}

/// The soft limit on open files, as `ulimit -n` says.
pub fn open_files_limit() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits
        .lines()
        .find(|line| line.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}
