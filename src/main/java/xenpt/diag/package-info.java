/**
 * Diagnostics: a finding with a severity, a {@code file:line:col} location when it comes from a file, what is wrong
 * and what is expected. Every package reports user mistakes and host problems as these values, collected and
 * reported together, rather than as exceptions; the CLI renders them. This package depends on nothing.
 */
package xenpt.diag;
