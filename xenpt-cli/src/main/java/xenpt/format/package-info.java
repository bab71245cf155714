/**
 * The host-side formats that xenpt owns or edits, one sub-package each ({@code journal}, {@code lock}, {@code hide},
 * {@code otherconfig}): each holds the format's one reader and one writer, used by observe, plan and apply alike.
 * Format packages are pure (text in, values out, no transport) so that the planner may use them too.
 */
package xenpt.format;
