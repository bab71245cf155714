/**
 * Applying a plan: the {@link xenpt.apply.Executor} runs every host with changes at once (one host rebooting at a
 * time); per host {@code HostApply} takes the host lock, observes again and refuses a stale plan, then carries out the
 * changes in plan order (one {@link xenpt.apply.HideBackend} per hide method, VM assignments and affinity, reboot and VM
 * restarts when the policy allows), appends the host journal and releases the lock, also after a failure. A failure
 * stops that host only and leaves every file whole; running apply again converges. Sessions come from a
 * {@link xenpt.apply.HostConnector}, so a host can be reached again after its reboot. The outcome is an
 * {@link xenpt.apply.ApplyReport}.
 */
package xenpt.apply;
