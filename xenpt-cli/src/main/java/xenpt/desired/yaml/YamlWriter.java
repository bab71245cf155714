package xenpt.desired.yaml;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Writes YAML from plain values (ordered maps, lists, scalars), the way {@code import} prints a desired-state file. */
public final class YamlWriter {

    /** Wide enough that addresses, names and comments stay on one line. */
    private static final int WIDTH = 200;

    private YamlWriter() {}

    /** {@code document} in block style, ending with a newline. */
    public static String block(Object document) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(WIDTH).build();
        return new Dump(settings).dumpToString(document);
    }
}
