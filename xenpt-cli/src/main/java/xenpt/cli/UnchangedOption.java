package xenpt.cli;

import picocli.CommandLine.Option;
import xenpt.render.Views;

/**
 * {@code --show-unchanged} for the commands that print a plan or a drift report (plan, drift, show, review). Text and
 * Markdown collapse the hosts with nothing to show to one count line, so that 3 changes on a fleet of 200 make a
 * short pull-request comment; this lists them too. JSON lists every host either way.
 */
public final class UnchangedOption {

    @Option(names = "--show-unchanged",
            description = "List the hosts without changes too (text and markdown show only their count; json lists every host).")
    boolean show;

    /** The views of this run, listing the unchanged hosts when asked. */
    Views views(Main main) {
        return main.views().showingUnchanged(show);
    }
}
