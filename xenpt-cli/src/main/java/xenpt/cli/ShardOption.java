package xenpt.cli;

import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import xenpt.engine.Shard;

/** {@code --shard K/N} for the commands that go through the fleet (plan, apply, drift); see {@link Shard}. */
public final class ShardOption {

    @Option(names = "--shard", paramLabel = "K/N", converter = Converter.class,
            description = "Only the K-th of N stable parts of the hosts (by a hash of the host name), for CI matrix jobs.")
    Shard shard;

    public Optional<Shard> shard() {
        return Optional.ofNullable(shard);
    }

    static final class Converter implements CommandLine.ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
