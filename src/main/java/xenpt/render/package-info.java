/**
 * Renderers of plans and drift reports: text for terminals (colour only when asked), JSON (a stable, versioned
 * format that saved plans use and {@link xenpt.render.PlanJson#read} loads back) and Markdown for pull-request
 * comments. Renderers only format values; they decide nothing.
 */
package xenpt.render;
