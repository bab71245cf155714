# Unit tests of plan.rego for 'opa test examples/policy' (UNTESTED here, like the policy: see docs/json.md).
package main_test

import rego.v1

import data.main

monday := 1733097600000000000 # 2024-12-02T00:00:00Z

sunday := 1733011200000000000 # 2024-12-01T00:00:00Z, a Sunday

reboot_plan := {"hosts": [{"name": "crit-db1", "changes": [
	{"kind": "hide", "target": "crit-db1", "needs": ["reboot"], "reason": "desired"},
	{"kind": "reboot", "target": "crit-db1", "needs": [], "reason": "reboot: auto, and the boot hide list is not yet in effect"},
]}]}

test_reboot_of_a_critical_host_on_a_weekday_is_denied if {
	count(main.deny) == 1 with input as reboot_plan with time.now_ns as monday
}

test_reboot_of_a_critical_host_on_a_weekend_is_allowed if {
	count(main.deny) == 0 with input as reboot_plan with time.now_ns as sunday
}

test_hosts_listed_in_data_are_critical if {
	plan := {"hosts": [{"name": "db2", "changes": [{"kind": "reboot", "target": "db2", "needs": [], "reason": "r"}]}]}
	count(main.deny) == 1 with input as plan with data.xenpt.critical_hosts as ["db2"] with time.now_ns as monday
}

test_a_reboot_by_hand_is_a_warning if {
	count(main.warn) == 1 with input as reboot_plan with time.now_ns as monday
}
