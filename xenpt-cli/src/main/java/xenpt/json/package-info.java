/**
 * The JSON facade: the only package that imports org.json. {@link xenpt.json.Json} writes JSON from plain ordered
 * values (pretty for reports and saved plans, one line for host files such as the journal and the lock owner);
 * {@link xenpt.json.JsonObject} parses text into a read-only tree whose typed getters throw {@link
 * xenpt.json.JsonException} naming the key; {@link xenpt.json.ValidatorTree} hands a JSON-schema validator (everit,
 * built on org.json) its input without its caller importing org.json.
 */
package xenpt.json;
