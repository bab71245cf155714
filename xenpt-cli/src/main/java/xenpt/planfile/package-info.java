/**
 * Saved plans ({@code plan --out FILE}, {@code apply FILE}, {@code show FILE}): the plan itself ({@link
 * xenpt.render.PlanJson}), what apply needs to reach and guard each host without the desired-state files (address,
 * SSH settings by name and path, never a secret; method, policy, hide list and VMs), and a digest over the content so
 * that a plan edited after it was saved is refused as modified. The format has one reader and one writer, here.
 */
package xenpt.planfile;
