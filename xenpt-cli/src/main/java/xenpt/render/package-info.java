/**
 * Every view xenpt prints, and the only package that has any: plans, drift, inspect, review, validate, the YAML of
 * {@code import} and the apply reports, as text for terminals (colour only when asked), JSON (stable, versioned
 * formats; saved plans use the plan's, which {@link xenpt.render.PlanJson#read} loads back) and Markdown for
 * pull-request comments. {@link xenpt.render.Views} is the one place that picks a view for the output format; a
 * command makes one and asks it for each document. Views only format values; they decide nothing.
 */
package xenpt.render;
