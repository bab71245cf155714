/**
 * The planner: a pure function from a {@link xenpt.desired.DesiredState} and the hosts' {@link
 * xenpt.observed.Observation}s to a {@link xenpt.plan.Plan} of typed {@link xenpt.plan.Change}s, per-host statuses
 * and diagnostics ({@code --target} selects a safe part of a host's changes, {@code Targeting}), plus the fingerprint of the observed facts a plan depends on ({@link xenpt.plan.Facts}, {@link
 * xenpt.plan.Staleness}) and the drift classification ({@link xenpt.plan.Drift}). Nothing here does I/O or reads a
 * clock, so the same inputs always give the same plan; an architecture test keeps it that way.
 */
package xenpt.plan;
