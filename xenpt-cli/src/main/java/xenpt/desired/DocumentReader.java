package xenpt.desired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import xenpt.desired.yaml.YamlValue;
import xenpt.desired.yaml.YamlValue.YMap;
import xenpt.diag.Diagnostic;

/** Builds the hosts of one document that has passed the schema, applying that file's {@code defaults}. */
final class DocumentReader {

    private DocumentReader() {}

    static List<HostSpec> read(String file, YMap document, List<Diagnostic> diagnostics) {
        YMap defaults = Fields.map(document, "defaults").orElse(Fields.empty(file));
        YMap defaultSsh = Fields.map(defaults, "ssh").orElse(Fields.empty(file));
        HostReader.checkSsh(defaultSsh, diagnostics);
        YMap defaultPolicy = Fields.map(defaults, "policy").orElse(Fields.empty(file));
        YMap hosts = Fields.map(document, "hosts").orElse(Fields.empty(file));
        List<HostSpec> out = new ArrayList<>();
        for (Map.Entry<String, YamlValue.Entry> e : hosts.entries().entrySet()) {
            if (!(e.getValue().value() instanceof YMap host)) continue;
            out.add(new HostReader(file, e.getKey(), e.getValue().keyLocation(), diagnostics)
                    .read(host, defaultSsh, defaultPolicy));
        }
        return out;
    }
}
