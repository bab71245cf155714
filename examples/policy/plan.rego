# A conftest / OPA policy over a xenpt plan (schemas/plan.schema.json): no reboot of critical hosts on weekdays.
#
#   xenpt plan -f desired-state/ --out plan.json
#   conftest test plan.json --policy examples/policy --data examples/policy/critical-hosts.yaml
#   opa eval --fail-defined -i plan.json -d examples/policy 'data.main.deny[msg]'
#
# UNTESTED: no OPA or conftest could be installed where this was written (see docs/json.md, "Policies").
#
# xenpt's desired state has no host tags, so "critical" comes from data (critical-hosts.yaml, loaded as
# data.xenpt.critical_hosts) or from a naming convention: a host whose name starts with "crit-".
package main

import rego.v1

critical(name) if name in data.xenpt.critical_hosts

critical(name) if startswith(name, "crit-")

# The day in UTC; time.weekday also takes [ns, "Europe/Berlin"] for a local day.
weekday if not time.weekday(time.now_ns()) in {"Saturday", "Sunday"}

# xenpt itself would reboot the host (its policy says reboot: auto).
deny contains msg if {
	weekday
	some host in input.hosts
	critical(host.name)
	some change in host.changes
	change.kind == "reboot"
	msg := sprintf("%s is critical and this plan reboots it (%s): apply it on a weekend", [host.name, change.reason])
}

# A change that takes effect only after a reboot by hand (reboot: manual): allowed, but said.
warn contains msg if {
	weekday
	some host in input.hosts
	critical(host.name)
	some change in host.changes
	change.kind != "reboot"
	"reboot" in change.needs
	msg := sprintf("%s is critical: %s %s needs a reboot, which must wait for the weekend", [host.name, change.kind, change.target])
}
