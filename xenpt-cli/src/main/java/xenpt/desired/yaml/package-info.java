/**
 * YAML with positions: {@link xenpt.desired.yaml.YamlReader} composes a file with snakeyaml-engine's node API (never
 * constructing Java objects from tags), under hard limits (aliases, alias expansion, nesting), and turns it into a
 * small immutable tree of {@link xenpt.desired.yaml.YamlValue}s in which every key and value keeps its
 * {@code file:line:col}; {@link xenpt.desired.yaml.YamlWriter} writes YAML (for {@code import}). Nothing here knows the
 * desired-state format; this is the YAML facade, the only package that imports snakeyaml-engine.
 */
package xenpt.desired.yaml;
