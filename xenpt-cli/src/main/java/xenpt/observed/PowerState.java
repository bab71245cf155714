package xenpt.observed;

/** A VM's power state as xe prints it (lower case). */
public enum PowerState {
    HALTED,
    PAUSED,
    RUNNING,
    SUSPENDED;

    public static PowerState fromXe(String word) {
        return switch (word.strip()) {
            case "halted" -> HALTED;
            case "paused" -> PAUSED;
            case "running" -> RUNNING;
            case "suspended" -> SUSPENDED;
            default -> throw new IllegalArgumentException("unknown power-state '" + word + "'");
        };
    }

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
