package xenpt.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import xenpt.desired.HostSpec;
import xenpt.engine.Importing;
import xenpt.render.Views;

/**
 * {@code xenpt import}: observe one live host and write the desired-state YAML that matches it, so that applying it
 * back plans no change. The document is checked with the ordinary loader before it is written; nothing is written
 * when it would not validate.
 */
@Command(name = "import", description = "Observe a live host and write desired-state YAML that matches it. Reads only.")
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin GlobalOptions.Verbose verboseOptions;
    @Mixin GlobalOptions.HostAccess hostAccess;

    @Option(names = "--address", required = true, paramLabel = "A", description = "host[:port] or sim:<scenario>.")
    String address;

    @Option(names = "--name", paramLabel = "N", description = "Host name in the file (default: the scenario of a sim: address, else the address's host).")
    String name;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (must not exist) instead of stdout.")
    Path out;

    @Mixin
    AddressOptions ssh;

    @Override
    public Integer call() throws IOException {
        HostSpec spec;
        switch (ssh.target(address)) {
            case AddressOptions.Target.Bad bad -> {
                main.err.println("xenpt: " + bad.problem());
                return ExitCode.ERROR;
            }
            case AddressOptions.Target.Ok ok -> spec = ok.spec();
        }
        String hostName = name != null ? name : Importing.defaultName(spec);
        Optional<Importing.Observed> observed = Importing.observe(main.session(), spec, hostName, address);
        if (observed.isEmpty()) return ExitCode.ERROR;
        String yaml = Views.importedYaml(hostName, spec, observed.get().host(), observed.get().hostKey(),
                w -> main.err.println("xenpt: warning: " + w));
        if (!Importing.validates(main.session(), yaml, out == null ? "imported desired state" : out.toString())) {
            return ExitCode.ERROR;
        }
        if (out == null) {
            main.out.print(yaml);
        } else {
            try {
                Files.writeString(out, yaml, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                main.err.println("xenpt: " + out + " exists; choose another file or remove it first");
                return ExitCode.ERROR;
            }
            main.err.println("xenpt: wrote " + out + " (check it with: xenpt plan -f " + out + ")");
        }
        return ExitCode.OK;
    }
}
