/**
 * The workflows behind the commands: load the desired state (working tree or a git ref), pick the targeted and
 * sharded hosts, reach them ({@link xenpt.engine.Hosts}: SSH or a simulated host), observe them, plan
 * ({@link xenpt.engine.Planning}), check a saved plan ({@link xenpt.engine.ApplySavedPlan}) and apply
 * ({@link xenpt.engine.Applying}), reading and writing saved plans and reports ({@link xenpt.engine.PlanFiles}).
 * Problems and progress go to the {@link xenpt.engine.Session}'s stderr; results are returned as values, and
 * {@code render} turns them into output. Depends on the domain packages, never on {@code cli} or {@code render}.
 */
package xenpt.engine;
