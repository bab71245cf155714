/**
 * The desired state: records ({@link xenpt.desired.DesiredState}, hosts, VMs, devices, policies), the loader
 * (snakeyaml-engine, keeping node positions), the JSON schema check (everit) and the semantic checks. Everything
 * wrong with the input becomes a {@code file:line:col} diagnostic, all reported together.
 */
package xenpt.desired;
